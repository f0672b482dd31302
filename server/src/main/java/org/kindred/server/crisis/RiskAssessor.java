package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.NormalizedText;
import org.kindred.server.text.Normalizer;

/**
 * Assesses one message for risk to its writer (suicide, self-harm, abuse disclosure), following
 * RISK-LEVELS.md. The rules are data ({@code crisis/risk-rules.yaml} and {@code crisis/rules/*.yaml});
 * this class only applies them.
 *
 * <p>How a message is read: the shared {@link Normalizer} folds case, accents, look-alikes,
 * leetspeak, spaced letters and long repeats; words run together are split when they are known
 * words; then every rule of every language is matched (people write in the language they are
 * in, whatever their locale says). A match counts unless an overlapping ignore rule matched
 * (idioms, abuse aimed at others), it is negated, or — for patterns that are not explicitly
 * first person — a fiction/news word is in the sentence. A match whose nearest person word is a
 * third person ("my friend is suicidal"), or a third-person rule ("killed himself"), becomes
 * {@link RiskCategory#THIRD_PARTY} at concern: someone else's crisis, worth offering resources,
 * never the writer's escalation. Boosters (a time, means, place: "tonight", "pills", "bridge")
 * only count next to one of the writer's own signals and raise it as the boosts say.
 *
 * <p>Guarantees: thread-safe and allocation-light; never logs or keeps message text; the result
 * level is {@code null} exactly when no signal was found.
 */
public final class RiskAssessor {
    private static final Comparator<Found> STRONGEST_FIRST =
            Comparator.comparing((Found f) -> f.level, Comparator.reverseOrder()).thenComparingInt(f -> f.start);

    private final RiskRules rules;

    private RiskAssessor(RiskRules rules) {
        this.rules = rules;
    }

    /** The bundled rules, using the given shared normaliser. */
    public static RiskAssessor withBundledRules(Normalizer normalizer) {
        return new RiskAssessor(RiskRulesLoader.loadBundled(normalizer));
    }

    /** Number of compiled patterns (after expansion), for start-up logging. */
    public int ruleCount() {
        return rules.ruleCount;
    }

    /**
     * @param text the message as written (not null)
     * @param localeOrNull the session's BCP 47 locale; only restricts rules marked {@code localeOnly}
     */
    public RiskAssessment assess(String text, String localeOrNull) {
        if (text == null || text.isBlank()) {
            return RiskAssessment.NONE;
        }
        NormalizedText nt = rules.normalizer.normalize(text);
        Token[] t = rules.tokenizer.tokenize(nt);
        if (t.length == 0) {
            return RiskAssessment.NONE;
        }
        String language = language(localeOrNull);
        List<RiskRule> candidates = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        List<int[]> ignored = new ArrayList<>();
        long[] gaps = new long[1];
        for (int i = 0; i < t.length; i++) {
            rules.candidates(t[i], candidates);
            for (RiskRule r : candidates) {
                if (r.localeOnly() && language != null && !language.equals(r.language())) {
                    continue;
                }
                int end = r.pattern().matchAt(t, i, gaps);
                if (end < 0 || insideOneWord(t, i, end)) {
                    continue;
                }
                if (r.kind() == RiskRule.Kind.IGNORE) {
                    ignored.add(new int[] {i, end});
                } else {
                    found.add(new Found(r, i, end, gaps[0]));
                }
            }
        }
        if (found.isEmpty()) {
            return RiskAssessment.NONE;
        }
        return decide(t, nt, found, ignored);
    }

    private RiskAssessment decide(Token[] t, NormalizedText nt, List<Found> found, List<int[]> ignored) {
        Set<RiskCategory> self = EnumSet.noneOf(RiskCategory.class);
        Set<RiskCategory> boosters = EnumSet.noneOf(RiskCategory.class);
        RiskLevel level = null;
        boolean thirdParty = false;
        List<Found> evidence = new ArrayList<>();
        for (Found f : found) {
            RiskRule r = f.rule;
            if (overlaps(ignored, f) || r.context().negated(t, f.start, f.end, f.gaps)) {
                continue;
            }
            if (r.person() != RiskRule.Person.SELF && r.context().fictionAround(t, f.start)) {
                continue;
            }
            if (r.kind() == RiskRule.Kind.BOOSTER) {
                boosters.add(r.category());
                continue;
            }
            if (r.person() == RiskRule.Person.THIRD
                    || (r.person() == RiskRule.Person.ANY && r.context().thirdPersonSubject(t, f.start))) {
                thirdParty = true;
                continue;
            }
            self.add(r.category());
            level = max(level, r.level());
            f.level = r.level();
            evidence.add(f);
        }
        if (self.isEmpty()) {
            return thirdParty ? new RiskAssessment(RiskLevel.CONCERN, Set.of(RiskCategory.THIRD_PARTY), List.of())
                    : RiskAssessment.NONE;
        }
        for (RiskRules.Boost b : rules.boosts) {
            if (!java.util.Collections.disjoint(b.when(), boosters) && !java.util.Collections.disjoint(b.base(), self)) {
                level = max(level, b.to());
                self.addAll(boosters);
            }
        }
        evidence.sort(STRONGEST_FIRST);
        List<RiskAssessment.Span> spans = new ArrayList<>(evidence.size());
        for (Found f : evidence) {
            spans.add(new RiskAssessment.Span(nt.originalStart(t[f.start].normStart),
                    nt.originalEnd(t[f.end - 1].normEnd)));
        }
        return new RiskAssessment(level, self, spans);
    }

    /** A one-word match on a piece of a run-together word is a fragment of that word, not a word. */
    private static boolean insideOneWord(Token[] t, int start, int end) {
        return end - start == 1 && t[start].group >= 0;
    }

    private static boolean overlaps(List<int[]> ignored, Found f) {
        for (int[] span : ignored) {
            if (span[0] < f.end && f.start < span[1]) {
                return true;
            }
        }
        return false;
    }

    private static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static String language(String locale) {
        if (locale == null || locale.isBlank() || locale.length() > 64) {
            return null;
        }
        String lang = Locale.forLanguageTag(locale.trim().replace('_', '-')).getLanguage();
        return lang.isEmpty() ? null : lang;
    }

    private static final class Found {
        final RiskRule rule;
        final int start;
        final int end;
        final long gaps;
        RiskLevel level;

        Found(RiskRule rule, int start, int end, long gaps) {
            this.rule = rule;
            this.start = start;
            this.end = end;
            this.gaps = gaps;
        }
    }
}
