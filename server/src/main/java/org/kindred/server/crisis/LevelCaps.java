package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;
import org.kindred.protocol.RiskLevel;

/**
 * Contexts that hold a level down without dropping the match (eighteenth round): a {@code caps}
 * pattern of a language file ("keep picturing", "imagining", "dreaming of") makes the rest of its
 * clause an imagined scene, where a signal counts at most at the cap's level ("i keep picturing
 * taking all my pills at once" is a method thought, high, not an act at hand) and a booster (a time,
 * means) is part of the scene and raises nothing. An ignore pattern drops a match; a cap keeps it
 * and only lowers it. A negated cap ("i'm not imagining it") holds nothing down.
 */
final class LevelCaps {
    private LevelCaps() {
    }

    /**
     * The rules of a language file's {@code caps}.
     *
     * @param caps entries of {@code level} (concern or high) and patterns, or null
     * @throws IllegalArgumentException naming the entry when a level is not concern or high, or it has no patterns
     */
    static List<RiskRule> compile(PatternParser parser, List<RiskRulesLoader.CapEntry> caps, String where,
            String language, LanguageContext ctx) {
        List<RiskRule> out = new ArrayList<>();
        int n = 0;
        for (RiskRulesLoader.CapEntry c : caps == null ? List.<RiskRulesLoader.CapEntry>of() : caps) {
            String at = where + " caps[" + ++n + "]";
            RiskLevel level = "concern".equals(c.level()) ? RiskLevel.CONCERN : "high".equals(c.level()) ? RiskLevel.HIGH : null;
            if (level == null || c.patterns() == null || c.patterns().isEmpty()) {
                throw new IllegalArgumentException(at + ": level '" + c.level() + "' (expected: level: high or concern, "
                        + "patterns: [...])");
            }
            for (String source : c.patterns()) {
                for (PhrasePattern p : parser.parse(source, at)) {
                    out.add(new RiskRule(null, level, RiskRule.Kind.CAP, RiskRule.Person.ANY, p, language, false, ctx));
                }
            }
        }
        return out;
    }

    /**
     * Per token, the level a signal starting there is held to, or null: from each cap's first word
     * to the end of its clause. A token already held stops the marking, so each token is marked
     * once (linear).
     *
     * @param caps cap matches that count, as {start, end, level ordinal}
     */
    static RiskLevel[] mark(Token[] t, List<int[]> caps) {
        RiskLevel[] held = new RiskLevel[t.length];
        RiskLevel[] levels = RiskLevel.values();
        for (int[] c : caps) {
            for (int k = c[0]; k < t.length && held[k] == null && (k == c[0] || t[k].before == Token.Boundary.NONE); k++) {
                held[k] = levels[c[2]];
            }
        }
        return held;
    }

    /** The level held to the cap at token {@code at}, if {@code held} names one there. */
    static RiskLevel cap(RiskLevel level, RiskLevel[] held, int at) {
        return held == null || held[at] == null || level.compareTo(held[at]) <= 0 ? level : held[at];
    }
}
