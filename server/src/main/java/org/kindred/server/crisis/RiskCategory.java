package org.kindred.server.crisis;

import java.util.Locale;

/** The kinds of signal a rule can recognise; see RISK-LEVELS.md for how they map to levels. */
public enum RiskCategory {
    /** Wish to be dead, thoughts of suicide. */
    IDEATION,
    /** Hopelessness, feeling a burden, "I can't go on". */
    HOPELESSNESS,
    /** Self-harm: urges (concern) or current self-harm (high). */
    SELF_HARM,
    /** Stated intent to act ("I'm going to end it"). */
    INTENT,
    /** A plan or preparation ("I have the rope", "saved my pills"); only counts next to a signal, which it raises. */
    PLAN,
    /** A means or place named ("pills", "bridge"); only counts next to a signal, which it raises. */
    MEANS,
    /** A time ("tonight"); only counts next to a signal, which it raises (boosts in risk-rules.yaml). */
    TIME,
    /** An overdose or other act in progress. */
    OVERDOSE,
    /** A past attempt. */
    ATTEMPT,
    /** Goodbye or final messages. */
    GOODBYE,
    /**
     * A finality act without a goodbye word ("left my dog with my neighbour", "gave my cat away");
     * only counts next to another signal or booster, which it raises (issue 12).
     */
    FINALITY,
    /** Disclosure of abuse or violence against the writer. */
    ABUSE_DISCLOSURE,
    /**
     * The statistical second opinion ({@code RiskModel}, issue 12) put the message above what the
     * rules found: the words look like the labelled risk messages it was trained on, at the level
     * the assessment gives. Listed with whatever the rules found.
     */
    MODEL,
    /** Someone else (not fiction) at risk or lost to suicide: never more than concern. */
    THIRD_PARTY,
    /**
     * The assessor failed on the message (an exception): taken as {@code high} so that the writer sees help and
     * staff read the message ({@code CrisisSupport}); never given by a rule.
     */
    ASSESSOR_FAILURE;

    /** The name used in rule files and audit records, e.g. {@code self_harm}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a rule-file name such as {@code self_harm}. */
    public static RiskCategory parse(String name, String where) {
        if (name != null) {
            for (RiskCategory c : values()) {
                if (c != ASSESSOR_FAILURE && c.wireName().equals(name.trim())) {
                    return c;
                }
            }
        }
        StringBuilder expected = new StringBuilder();
        for (RiskCategory c : values()) {
            if (c == ASSESSOR_FAILURE) {
                continue;
            }
            expected.append(expected.length() == 0 ? "" : ", ").append(c.wireName());
        }
        throw new IllegalArgumentException(where + ": category '" + name + "' (expected: one of " + expected + ")");
    }
}
