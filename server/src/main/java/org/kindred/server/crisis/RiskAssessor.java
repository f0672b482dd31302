package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
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
 * only count next to one of the writer's own signals and raise it as the boosts say. Filler words
 * ("like", "basically") are read past by a second scan, and an afterthought that names "it" ("thought
 * about it again. suicide i mean", {@link Afterthought}) by one more scan with the named thing in its place;
 * past-tense recovery talk ("a year ago I
 * wanted to die, today I'm grateful") keeps a message at concern unless a time or an imminent
 * signal is present. A laugh marker ("lol", "jajaja", "mdr", "haha") keeps a death wish at high
 * ("me quiero morir jajaja" about a dead phone) to a card without a page; it never lowers an
 * imminent signal, a plan or a time.
 *
 * <p>Concepts combined by proximity ({@link ConceptCombos}, {@code crisis/combos.yaml}): word lists
 * per concept matched by Snowball stem, and combinations within one sentence ("saving up" and
 * "pills", a self-harm act and a body part), or two adjacent ones for kinds told across a full
 * stop ("this is my goodbye. thank you for everything"), that make a signal or booster of a rule category and
 * go through the same checks as rule matches. A clause about the past ("a year ago", "früher")
 * makes an imminent signal a past event (high) and its time no decided time; a cap of the rules
 * ("keep picturing", {@link LevelCaps}) holds the rest of its clause to its level.
 *
 * <p>A statistical second opinion ({@link RiskModel}, issue 12: logistic regressions over
 * character n-grams, words and concepts) may raise the rules' level: alone to a card, or to
 * imminent past its own imminent threshold; next to one of the writer's own signals to its level;
 * and when it is sure there is no risk at all it turns the rules' {@code high} into a card (round 16;
 * the rules' {@code imminent} stays); the category {@link RiskCategory#MODEL} says so. See docs/crisis.md.
 *
 * <p>Guarantees: thread-safe and allocation-light; never logs or keeps message text; the result
 * level is {@code null} exactly when no signal was found.
 */
public final class RiskAssessor {
    private final RiskRules rules;
    /** The statistical second opinion, or {@code null} for rules only. */
    private final RiskModel model;
    /** The current year, for the bare-year past marker ("in 2019"). */
    private final YearClock year;

    private RiskAssessor(RiskRules rules, RiskModel model, YearClock year) {
        this.rules = rules;
        this.model = model;
        this.year = year;
    }

    /**
     * The bundled rules and the bundled statistical second opinion ({@code crisis/risk-model.bin}),
     * using the given shared normaliser.
     *
     * @throws IllegalStateException if the bundled weights are missing or of another feature version
     */
    public static RiskAssessor withBundledRules(Normalizer normalizer) {
        return withBundledRules(normalizer, System::currentTimeMillis);
    }

    /**
     * {@link #withBundledRules(Normalizer)} reading the current year from {@code clock} (epoch milliseconds,
     * read once per assessment): a bare year before the clock's year tells of the past ("in 2019"), so a
     * server running across New Year takes the year just ended as the past from then on.
     *
     * @throws IllegalStateException if the bundled weights are missing or of another feature version
     */
    public static RiskAssessor withBundledRules(Normalizer normalizer, java.util.function.LongSupplier clock) {
        return new RiskAssessor(RiskRulesLoader.loadBundled(normalizer), RiskModel.loadBundled(), new YearClock(clock));
    }

    /**
     * The bundled rules alone, without the statistical second opinion: the assessor as it was
     * before issue 12's model, kept as the baseline of benchmarks and held-out comparisons.
     */
    public static RiskAssessor withBundledRulesOnly(Normalizer normalizer) {
        return new RiskAssessor(RiskRulesLoader.loadBundled(normalizer), null,
                new YearClock(System::currentTimeMillis));
    }

    /**
     * Given rules and model (either may come from tests); {@code model} may be null. The year is
     * {@link ConceptCombos#TRAINING_YEAR}, as the model's training reads it, so tests do not depend on the date.
     */
    static RiskAssessor of(RiskRules rules, RiskModel model) {
        return of(rules, model, YearClock.fixed(ConceptCombos.TRAINING_YEAR));
    }

    /** Given rules, model (or null) and the clock of the current year. */
    static RiskAssessor of(RiskRules rules, RiskModel model, YearClock year) {
        return new RiskAssessor(rules, model, year);
    }

    /**
     * The version of the rules applied, for logs: the count of compiled patterns and a checksum of the rules
     * ("1883-3fa2c1d0"); equal bundles give equal versions. Never message text.
     */
    public String rulesVersion() {
        return rules.version;
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
        Token[] words = rules.tokenizer.tokenize(nt);
        if (words.length == 0) {
            return RiskAssessment.NONE;
        }
        String language = language(localeOrNull);
        boolean[] undone = new boolean[1];
        boolean[] laughs = new boolean[1];
        int thisYear = year.year();
        RiskOutcome outcome = scan(words, nt, language, false, true, undone, laughs, thisYear);
        Token[] split = rules.tokenizer.split(words);
        if (split != null) {
            outcome.merge(scan(split, nt, language, true, false, undone, laughs, thisYear));
        }
        Token[] lean = Tokenizer.withoutFillers(words, rules.fillers);
        if (lean != null) {
            outcome.merge(scan(lean, nt, language, false, false, undone, laughs, thisYear));
        }
        Token[] after = Afterthought.rewrite(words);
        if (after != null) { // "thought about it again. suicide i mean": read with the thing named in its place
            outcome.merge(scan(after, nt, language, false, true, undone, laughs, thisYear));
        }
        outcome.recovery &= !undone[0];
        if (model != null) {
            model.secondOpinion(nt.text(), outcome.lexicon0, outcome.lexicon1, outcome.lexicon2, outcome.lexicon3,
                    outcome);
        }
        return outcome.toAssessment();
    }


    /**
     * Matches every rule at every token (and, with {@code combine}, the concept combinations) and
     * decides. With {@code splitOnly}, a signal counts only
     * when it spans at least two pieces of one run-together word, so that splitting can add
     * "iwanttodie" but never turns a fragment of an ordinary word into a signal. {@code undone[0]} is
     * set when a signal of the present follows the recovery talk ({@link #decide}). {@code thisYear} is the
     * current year, read with {@code combine} ({@link ConceptCombos#read(Token[], int)}), which also sets
     * {@code laughs[0]} when a laugh marker is in the message (read by the later scans).
     */
    private RiskOutcome scan(Token[] t, NormalizedText nt, String language, boolean splitOnly, boolean combine,
            boolean[] undone, boolean[] laughs, int thisYear) {
        List<RiskRule> candidates = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        List<int[]> ignored = new ArrayList<>();
        List<int[]> caps = new ArrayList<>();
        boolean recovery = false;
        int recoveryAt = -1; // the last token of the recovery talk found first
        long[] gaps = new long[1];
        for (int i = 0; i < t.length; i++) {
            rules.candidates(t, i, candidates);
            for (RiskRule r : candidates) {
                if (r.localeOnly() && language != null && !language.equals(r.language())) {
                    continue;
                }
                int end = r.pattern().matchAt(t, i, gaps);
                if (end < 0) {
                    continue;
                }
                if (r.kind() == RiskRule.Kind.IGNORE) {
                    ignored.add(new int[] {i, end});
                } else if (r.kind() == RiskRule.Kind.RECOVERY) {
                    recovery = true;
                    recoveryAt = recoveryAt < 0 ? end - 1 : Math.min(recoveryAt, end - 1);
                } else if (r.kind() == RiskRule.Kind.CAP) {
                    if (!r.context().negated(t, i, end, gaps[0])) { // "i'm not imagining it" holds nothing down
                        caps.add(new int[] {i, end, r.level().ordinal()});
                    }
                } else if (!splitOnly || r.kind() == RiskRule.Kind.BOOSTER || TokenSpans.joinsPieces(t, i, end)) {
                    found.add(new Found(r, i, end, gaps[0], false));
                }
            }
        }
        boolean[] past = null;
        boolean[] hypothetical = null;
        boolean laugh = false;
        boolean deathWord = false;
        int lastRelapse = t.length; // without the concept pass, no story reaches the present
        long lexicon0 = 0;
        long lexicon1 = 0;
        long lexicon2 = 0;
        long lexicon3 = 0;
        if (combine && rules.combos != null) {
            ComboReading reading = rules.combos.read(t, thisYear);
            lexicon0 = reading.concepts0;
            lexicon1 = reading.concepts1;
            lexicon2 = reading.concepts2;
            lexicon3 = reading.concepts3;
            past = reading.past;
            hypothetical = reading.hypothetical;
            if (reading.recovery) {
                recovery = true;
                recoveryAt = recoveryAt < 0 ? reading.recoveryAt : Math.min(recoveryAt, reading.recoveryAt);
            }
            laugh = reading.laugh;
            deathWord = reading.deathWord;
            laughs[0] = reading.laughMarker;
            lastRelapse = reading.lastRelapse;
            for (ConceptCombos.Match m : reading.matches) {
                found.add(new Found(m.rule(), m.start(), m.end(), m.gaps(), true));
            }
        }
        RiskOutcome out = new RiskOutcome();
        out.lexicon0 = lexicon0;
        out.lexicon1 = lexicon1;
        out.lexicon2 = lexicon2;
        out.lexicon3 = lexicon3;
        out.recovery = recovery;
        JokeMarks jokes = JokeMarks.of(t, nt, laughs[0]);
        // a death wish next to laughter, a laughing emoji included ("me quiero morir … 🤣"), unless said in earnest
        out.laugh = (laugh || (deathWord && jokes.laughing)) && !jokes.earnest;
        if (!found.isEmpty()) {
            SignalDecision.decide(rules, t, nt, found, ignored, past, hypothetical,
                    caps.isEmpty() ? null : LevelCaps.mark(t, caps), recovery ? recoveryAt : -1,
                    ReportedSpeech.of(t, nt, laughs[0]), lastRelapse, jokes, out);
            undone[0] |= recovery && !out.recovery; // decide took it back
        }
        return out;
    }

    private static String language(String locale) {
        if (locale == null || locale.isBlank() || locale.length() > 64) {
            return null;
        }
        String lang = Locale.forLanguageTag(locale.trim().replace('_', '-')).getLanguage();
        return lang.isEmpty() ? null : lang;
    }

    /** A match found in one scan: a rule's, or a concept combination's. */
    static final class Found {
        final RiskRule rule;
        final int start;
        final int end;
        final long gaps;
        /** From a concept combination, not a rule's pattern. */
        final boolean combined;

        Found(RiskRule rule, int start, int end, long gaps, boolean combined) {
            this.rule = rule;
            this.start = start;
            this.end = end;
            this.gaps = gaps;
            this.combined = combined;
        }
    }
}
