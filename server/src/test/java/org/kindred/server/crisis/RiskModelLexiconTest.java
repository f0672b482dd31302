package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.server.text.Normalizer;

/** Round 13: the concepts of the rules' lexicon as features of the statistical second opinion. */
class RiskModelLexiconTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    /**
     * Round 13: the concepts of the rules' lexicon (matched by Snowball stem, with typo tolerance, in
     * the message's language) are features: each concept and each pair of concepts, weight
     * {@link RiskFeatures#LEXICON_WEIGHT}; at most 256 concepts and their pairs, whatever the length.
     */
    @Test
    void conceptsOfTheRulesLexiconAreFeaturesWithTheirPairs() {
        String text = NORMALIZER.normalize("i cut").text();
        List<Integer> plain = new ArrayList<>();
        int n = RiskFeatures.extract(text, plain::add);
        List<Integer> with = new ArrayList<>();
        int m = RiskFeatures.extract(text, 0b1011L, 1L << 5, 1L, 0L, with::add);
        // five concepts (0, 1, 3, 69 and 128): five features and ten pairs
        assertEquals(n + (5 + 10) * RiskFeatures.LEXICON_WEIGHT, m);
        assertEquals(m, with.size());
        assertEquals(plain, with.subList(0, plain.size()), "the text's own features first, unchanged");
        List<Integer> other = new ArrayList<>();
        RiskFeatures.extract(text, 0b1011L, 1L << 6, 1L, 0L, other::add);
        assertNotEquals(with, other, "another concept, other features");
        assertEquals(n + (256 + 256 * 255 / 2) * RiskFeatures.LEXICON_WEIGHT,
                RiskFeatures.extract(text, -1L, -1L, -1L, -1L, i -> assertTrue(i >= 0 && i < RiskFeatures.SIZE)));
        long[] bits = RiskModelTrainer.lexicon("been hoarding my meds for a month, almost enough now", NORMALIZER);
        assertTrue(Long.bitCount(bits[0]) + Long.bitCount(bits[1]) + Long.bitCount(bits[2]) >= 2, "saving and means at least");
        long[] none = RiskModelTrainer.lexicon("", NORMALIZER);
        assertEquals(0, none[0] | none[1] | none[2] | none[3]);
    }

    /**
     * Concepts 192–255 (the fourth mask, since the eighteenth round's rules named more than 192) are
     * features like the others: alone and paired with a concept of the first mask.
     */
    @Test
    void conceptsOfTheFourthMaskAreFeatures() {
        Set<Integer> without = new HashSet<>();
        int n = RiskFeatures.extract("x", 1L, 0L, 0L, 0L, without::add);
        Set<Integer> with = new HashSet<>();
        int m = RiskFeatures.extract("x", 1L, 0L, 0L, 1L << 1, with::add);
        assertEquals(n + 2 * RiskFeatures.LEXICON_WEIGHT, m, "concept 193 and its pair with concept 0");
        assertTrue(with.containsAll(without) && with.size() == without.size() + 2, with + " vs " + without);
    }

    /** The assessor hands the model the lexicon's concepts it read: a model that weighs only them decides. */
    @Test
    void theAssessorGivesTheModelTheLexiconsConcepts() {
        String text = "tonight my pills"; // concepts of the lexicon (a time, means), no signal of the rules
        String normalized = NORMALIZER.normalize(text).text();
        long[] bits = RiskModelTrainer.lexicon(text, NORMALIZER);
        Set<Integer> own = new HashSet<>();
        RiskFeatures.extract(normalized, own::add);
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        RiskFeatures.extract(normalized, bits[0], bits[1], bits[2], bits[3], i -> {
            if (!own.contains(i)) {
                w[i * RiskModel.OUTPUTS] = 50; // only the lexicon's features weigh, toward "risk at all"
            }
        });
        RiskModel lexiconOnly = new RiskModel(w, new float[] {-5, -5, -5}, new float[] {0.9f, 0.9f, 0.9f}, "t");
        double[] p = new double[RiskModel.OUTPUTS];
        lexiconOnly.probabilities(normalized, p);
        assertTrue(p[0] < 0.01, "without the concepts: " + p[0]);
        lexiconOnly.probabilities(normalized, bits[0], bits[1], bits[2], bits[3], p);
        assertTrue(p[0] > 0.99, "with them: " + p[0]);
        RiskAssessor a = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), lexiconOnly);
        assertEquals(RiskAssessment.NONE, RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), null).assess(text, "en"));
        RiskAssessment r = a.assess(text, "en");
        assertTrue(r.atRisk() && r.categories().contains(RiskCategory.MODEL), r.toString());
        assertEquals(RiskAssessment.NONE, a.assess("the weather is lovely", "en"));
    }
}
