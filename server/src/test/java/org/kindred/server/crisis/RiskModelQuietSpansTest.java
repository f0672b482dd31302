package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.BUNDLED;
import static org.kindred.server.crisis.RulesAlone.NORMALIZER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seventeenth round, the engine: where the rules' ignore patterns cover a stretch of a message (a
 * relationship ending, an idiom, abuse aimed at others), the model reads no concept inside it, neither
 * its own ({@link RiskFeatures}) nor the lexicon's ({@link ConceptCombos#read(Token[], int[])}); the
 * character n-grams, words and word pairs stay.
 */
class RiskModelQuietSpansTest {
    private static final RiskAssessor RULES = RiskAssessor.of(BUNDLED, null);

    @Test
    void aRelationshipEndingGivesTheModelNoEndingConcept() {
        String line = "gonna end it with my boyfriend tonight";
        RiskOutcome quiet = RULES.modelReading(line, "en");
        assertTrue(quiet.quiet != null && quiet.quiet.length == 2, "one quiet stretch");
        String text = NORMALIZER.normalize(line).text();
        assertTrue(text.substring(quiet.quiet[0], quiet.quiet[1]).startsWith("end it"), text);
        RiskOutcome ending = RULES.modelReading("gonna end it tonight", "en");
        assertNull(ending.quiet, "no ignore rule: nothing quiet");
        long[] endIt = bits(ending);
        long[] read = bits(quiet);
        long[] gonna = bits(RULES.modelReading("gonna", "en"));
        long[] rest = bits(RULES.modelReading("boyfriend tonight", "en"));
        boolean endingConcept = false;
        for (int w = 0; w < 3; w++) {
            rest[w] |= gonna[w];
            long onlyEnding = endIt[w] & ~rest[w];
            endingConcept |= onlyEnding != 0;
            assertEquals(0, read[w] & onlyEnding, "the ending's concepts are not features here");
            assertEquals(rest[w], read[w] & rest[w], "the concepts outside the stretch are");
        }
        assertTrue(endingConcept, "'end it' has a concept of its own");
    }

    @Test
    void theModelsOwnConceptsAreNotReadInAQuietStretchButTheLettersAre() {
        String text = NORMALIZER.normalize("my pills tonight").text();
        List<Integer> all = new ArrayList<>();
        int n = RiskFeatures.extract(text, 0, 0, 0, null, all::add);
        List<Integer> quiet = new ArrayList<>();
        int m = RiskFeatures.extract(text, 0, 0, 0, new int[] {3, 8}, quiet::add); // "pills"
        assertTrue(m < n, "a concept of the model's own ('pills', means) is left out: " + m + " of " + n);
        List<Integer> outside = new ArrayList<>();
        assertEquals(n, RiskFeatures.extract(text, 0, 0, 0, new int[] {100, 120}, outside::add));
        assertEquals(all, outside, "a stretch past the text changes nothing");
        assertEquals(0, (n - m) % RiskFeatures.CONCEPT_WEIGHT, "only weighted concept features are left out");
        List<Integer> left = new ArrayList<>(all);
        quiet.forEach(left::remove);
        assertEquals(n - m, left.size(), "every feature read in the quiet stretch is also read without it");
        assertNotEquals(all, quiet);
    }

    @Test
    void quietTokensBecomeStretchesOfTheText() {
        Token[] t = BUNDLED.tokenizer.tokenize(NORMALIZER.normalize("aa bb cc dd ee"));
        int[] before = TokenSpans.cover(t.length, List.of(new int[] {1, 2}, new int[] {2, 3}, new int[] {4, 5}));
        assertArrayEquals(new int[] {3, 8, 12, 14}, TokenSpans.text(t, before), "a run of covered tokens is one stretch");
        assertNull(TokenSpans.text(t, TokenSpans.cover(t.length, List.of())));
        assertNull(TokenSpans.text(t, null));
    }

    private static long[] bits(RiskOutcome o) {
        return new long[] {o.lexicon0, o.lexicon1, o.lexicon2};
    }
}
