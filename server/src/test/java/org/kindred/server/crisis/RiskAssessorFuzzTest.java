package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.kindred.server.text.FuzzInput;
import org.kindred.server.text.Normalizer;

/**
 * Coverage-guided fuzzing of the risk assessor with the bundled rules (issue 11). Seeds:
 * {@code src/test/resources/org/kindred/server/crisis/RiskAssessorFuzzTestInputs/assess/}; fuzz with
 * {@code JAZZER_FUZZ=1 mvn -o -B -pl server -am test -Dtest=RiskAssessorFuzzTest}. The first byte
 * picks the session's locale. Every input gets an assessment without an exception; the level is
 * null exactly when there are no categories; evidence spans lie inside the text and excerpts of
 * them can be made. {@link #maskedWords} (round 16) feeds the tokenizer text dense in masks,
 * breaks and ambiguous leetspeak ({@link MaskedWords}): tokens lie inside the normalised text, in
 * order, never more than its words.
 */
class RiskAssessorFuzzTest {
    private static final RiskAssessor RISK = TrainingYear.bundled(new Normalizer());
    private static final String[] LOCALES = {null, "en-GB", "de", "fr-FR", "es", "x", "", "zz-ZZ-1234"};

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"i want to die", "kill myself", "kms", "not", "never", "tonight", "pills", "film", ".", ",",
        "my friend", "iwanttodie", "ki11", " ", "\"", "«", "»", "„", "lol", "2019", "today", "again",
        "hace", "once", "años", "il y a", "vingt et un", "ans", "vor", "jahren", "at sixteen", "mit", "siebzehn", "ago",
        "jk", "(non)", "(", ")", "\uD83D\uDE02", "no es broma", "asked if", "i said no", "ob", "nein gesagt",
        "?", "hab ich keine", "no tengo", "j'en ai pas", "none", "that was", "years ago", "ist", "jahre her",
        "de eso hace", "c'était il y a", "que"})
    void assess(byte[] input) {
        String locale = input.length == 0 ? null : LOCALES[(input[0] & 0xFF) % LOCALES.length];
        String s = FuzzInput.text(input.length == 0 ? input : java.util.Arrays.copyOfRange(input, 1, input.length));
        RiskAssessment r = RISK.assess(s, locale);
        assertNotNull(r);
        assertEquals(r.level() == null, r.categories().isEmpty(), "level null exactly when nothing was found");
        for (RiskAssessment.Span span : r.evidence()) {
            assertTrue(0 <= span.start() && span.start() <= span.end() && span.end() <= s.length(),
                    () -> "evidence [" + span.start() + ", " + span.end() + ") inside 0.." + s.length());
        }
        assertTrue(r.excerpt(s, 200).length() <= 200, "an excerpt keeps to its maximum");
    }

    private static final RiskRules RULES = RiskRulesLoader.loadBundled(new Normalizer());

    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"*", "**", "#", "_", "-", ".", "|", "1", "k", "ll", "su", "icide", "st", "rben", "sh", "t",
        " myself", "•", "d", "e", "izid", "versuch", "gedanken", "ee", "erai", "tze", "rifi"})
    void maskedWords(byte[] input) {
        String s = FuzzInput.text(input);
        org.kindred.server.text.NormalizedText nt = RULES.normalizer.normalize(s);
        Token[] t = RULES.tokenizer.tokenize(nt);
        int words = nt.text().isEmpty() ? 0 : nt.text().split(" ", -1).length;
        assertTrue(t.length <= words, () -> t.length + " tokens of " + words + " words");
        int at = 0;
        for (Token k : t) {
            assertTrue(at <= k.normStart && k.normStart < k.normEnd && k.normEnd <= nt.length(),
                    () -> "token [" + k.normStart + ", " + k.normEnd + ") in order inside 0.." + nt.length());
            assertTrue(!k.text.isEmpty());
            at = k.normEnd;
        }
        RISK.assess(s, null);
    }
}
