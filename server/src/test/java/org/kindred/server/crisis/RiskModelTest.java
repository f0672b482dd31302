package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/** The statistical second opinion: features, weights file, reproducible training, how it combines with the rules. */
class RiskModelTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    @Test
    void featuresAreThreeCharGramsAndTwoWordFeaturesPerCharacterAtMost() {
        List<Integer> got = new ArrayList<>();
        int n = RiskFeatures.extract("i cut", got::add);
        // " i cut " is 7 chars: 5 trigrams, 4 four-grams, 3 five-grams; 2 words and 1 pair; concepts:
        // self ("i"), self-harm ("cut"), self-harm right after self, and the pair (self, self-harm)
        assertEquals(5 + 4 + 3 + 2 + 1 + 4 * RiskFeatures.CONCEPT_WEIGHT, n);
        assertEquals(n, got.size());
        assertTrue(got.stream().allMatch(i -> i >= 0 && i < RiskFeatures.SIZE));
        List<Integer> again = new ArrayList<>();
        RiskFeatures.extract("i cut", again::add);
        assertEquals(got, again, "deterministic");
        String longText = "a".repeat(50_000);
        assertTrue(RiskFeatures.extract(longText, i -> { }) <= 5 * (longText.length() + 2));
        assertEquals(0, RiskFeatures.extract("", i -> { }));
    }

    @Test
    void conceptWordsOfFourLettersOrMoreAreStemsShorterOnesWholeWords() {
        RiskConcepts c = RiskConcepts.parse(List.of("# test", "death: suicid sh", "", "self: i me"));
        assertEquals(List.of("death", "self"), c.names);
        assertEquals(1, c.lookup("x suiciding", 2, 11), "a stem matches longer words");
        assertEquals(1, c.lookup("suicid", 0, 6));
        assertEquals(0, c.lookup("suic", 0, 4), "shorter than the stem");
        assertEquals(1, c.lookup("sh", 0, 2));
        RiskConcepts exact = RiskConcepts.parse(List.of("throwing: tire="));
        assertEquals(1, exact.lookup("tire", 0, 4));
        assertEquals(0, exact.lookup("tired", 0, 5), "a word with = is that whole word only");
        assertEquals(0, c.lookup("she", 0, 3), "a short word matches only itself");
        assertEquals(2, c.lookup("me", 0, 2));
        assertEquals(0, c.lookup("x".repeat(100), 0, 100));
        assertThrows(IllegalArgumentException.class, () -> RiskConcepts.parse(List.of("no colon here")));
        assertThrows(IllegalArgumentException.class, () -> RiskConcepts.parse(List.of("x: Upper")));
        assertTrue(RiskConcepts.loadBundled().names.contains("finality"));
    }

    private static boolean disposed(String text) {
        boolean[] got = new boolean[1];
        RiskFeatures.extract(NORMALIZER.normalize(text).text(), new RiskFeatures.Sink() {
            @Override
            public void accept(int index) {
            }

            @Override
            public void disposed() {
                got[0] = true;
            }
        });
        return got[0];
    }

    /** Means given up: a disposal word within four words of a means word, in either order. */
    @Test
    void meansGivenUpIsADisposalWordNearAMeansWord() {
        assertTrue(disposed("I finally threw away the pills I was saving"));
        assertTrue(disposed("flushed my meds down the toilet"));
        assertTrue(disposed("the blades I kept, I binned them"));
        assertTrue(disposed("hab die Tabletten endlich weggeworfen"));
        assertTrue(disposed("j'ai jeté les cachets à la poubelle"));
        assertTrue(disposed("le entregué las pastillas a mi madre"));
        assertTrue(disposed("tiré las pastillas que guardaba"));
        assertFalse(disposed("I threw myself off the bridge once"), "a reflexive after it: a method");
        assertFalse(disposed("me tiré del puente hace un año"), "a reflexive before a throwing word: a method");
        assertFalse(disposed("je me suis jetée du pont"), "two words before");
        assertFalse(disposed("so tired of the pills"), "tire= is the whole word only");
        assertFalse(disposed("took all the pills and threw up"), "threw up is vomiting");
        assertFalse(disposed("she dumped me so I took the pills"), "dumped me is a break-up");
        assertFalse(disposed("I have the pills"), "means without disposal");
        assertFalse(disposed("threw away my old clothes"), "disposal without means");
        assertFalse(disposed("pills are on the table and later today I threw a party"), "more than four words apart");
    }

    @Test
    void theModelNeverPagesAboutMeansGivenUp() {
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        RiskModel alwaysImminent = new RiskModel(w, new float[] {5, 5, 5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        RiskAssessor a = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), alwaysImminent);
        RiskAssessor rulesOnly = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), null);
        for (String text : List.of("I finally threw away the pills I was saving", "tiré las pastillas que guardaba",
                "ich habe die Tabletten weggeworfen", "j'ai jeté les cachets que je gardais")) {
            RiskAssessment r = a.assess(text, null);
            RiskLevel rules = rulesOnly.assess(text, null).level();
            // the model adds a card at most; what the rules make of it is the rules' (their round 12)
            RiskLevel most = rules == null || rules == RiskLevel.CONCERN ? RiskLevel.CONCERN : rules;
            assertTrue(r.level() != null && r.level().compareTo(most) <= 0, text + ": " + r + ", rules alone " + rules);
            assertFalse(r.level() == RiskLevel.IMMINENT, text + ": " + r);
        }
        assertFalse(a.assess("I finally threw away the pills I was saving", "en").escalates(), "the weakness of round 11");
        assertEquals(RiskLevel.IMMINENT, a.assess("I'm going to throw myself off the bridge", "en").level(),
                "a method, not a disposal");
    }

    @Test
    void weightsFileRoundTripsAndRefusesOtherFiles() throws IOException {
        RiskModel m = RiskModel.loadBundled();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        RiskModel back = RiskModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(m.weights, back.weights);
        assertArrayEquals(m.thresholds, back.thresholds);
        assertEquals(m.provenance, back.provenance);
        assertThrows(IOException.class, () -> RiskModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }

    /** The shipped weights are exactly what the documented command makes from the committed sets. */
    @Test
    void bundledWeightsAreReproducibleFromTheLabelledSets() throws IOException, URISyntaxException {
        List<List<BlindSetReport.Line>> sets = new ArrayList<>();
        for (String s : HeldOutReport.SETS) {
            sets.add(BlindSetReport.read(Path.of(getClass().getClassLoader().getResource("crisis/" + s).toURI())));
        }
        RiskModel trained = RiskModelTrainer.train(sets, NORMALIZER, "check");
        RiskModel bundled = RiskModel.loadBundled();
        assertArrayEquals(bundled.thresholds, trained.thresholds, "retrain: see docs/crisis.md");
        assertArrayEquals(bundled.bias, trained.bias, "retrain: see docs/crisis.md");
        assertArrayEquals(bundled.weights, trained.weights, "retrain: see docs/crisis.md");
        assertTrue(bundled.provenance.contains("blind-2.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-3.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-4.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-5.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-6.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-7.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-8.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-9.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-10.tsv"), bundled.provenance);
        assertTrue(bundled.provenance.contains("blind-11.tsv"), bundled.provenance);
    }

    /**
     * 200 benign lines scored 0.60–0.995 for every output and one risk line: the card lets 2 %
     * (4 lines) through, high 0.5 % (1 line), and imminent 1 % of all benign lines (2) past the
     * card and the imminent threshold together, counted among the lines past the card only.
     */
    /**
     * Round 13: 100 lines labelled concern past the card with P(imminent) 0.30–0.795 and benign lines far
     * below: the benign budget alone would leave the threshold at its floor; the concern budget (1 %)
     * lets one of the hundred through.
     */
    @Test
    void theImminentThresholdAlsoKeepsTheConcernBudget() {
        int n = 300;
        boolean[] benign = new boolean[n];
        boolean[] concern = new boolean[n];
        double[][] held = new double[n][];
        for (int i = 0; i < n; i++) {
            if (i < 200) {
                benign[i] = true;
                held[i] = new double[] {0.6 + 0.39 * i / 199, 0.1, 0.01};
            } else {
                concern[i] = true;
                held[i] = new double[] {0.99, 0.5, 0.3 + 0.005 * (i - 200)};
            }
        }
        float[] without = RiskModelTrainer.thresholds(benign, held);
        assertEquals((float) RiskModelTrainer.IMMINENT_FLOOR, without[2], "the floor: no benign line comes near");
        float[] t = RiskModelTrainer.thresholds(benign, concern, held, RiskModelTrainer.CARD_BUDGET,
                RiskModelTrainer.IMMINENT_BUDGET, RiskModelTrainer.IMMINENT_FLOOR);
        int paged = 0;
        for (int i = 200; i < n; i++) {
            paged += held[i][0] >= t[0] && held[i][2] >= t[2] ? 1 : 0;
        }
        assertEquals(1, paged, "1 % of 100 concern lines; threshold " + t[2]);
    }

    @Test
    void thresholdsKeepEachBudgetOfHeldOutBenignLines() {
        int n = 200;
        boolean[] benign = new boolean[n + 1];
        double[][] held = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            benign[i] = true;
            double s = 0.6 + 0.395 * i / (n - 1);
            // imminent scores fall as the card's rise: the lines past the card have the lowest ones
            held[i] = new double[] {s, s, 1.6 - s};
        }
        held[n] = new double[] {1, 1, 1};
        float[] t = RiskModelTrainer.thresholds(benign, held);
        int card = 0;
        int high = 0;
        int imminent = 0;
        for (int i = 0; i < n; i++) {
            card += held[i][0] >= t[0] ? 1 : 0;
            high += held[i][1] >= t[1] ? 1 : 0;
            imminent += held[i][0] >= t[0] && held[i][2] >= t[2] ? 1 : 0;
        }
        assertEquals(4, card);
        assertEquals(1, high);
        assertEquals(2, imminent);
        assertTrue(t[2] < 0.62, "imminent counts only the benign lines past the card: " + t[2]);
        double[][] low = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            low[i] = new double[] {0.1, 0.1, 0.1};
        }
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, RiskModelTrainer.thresholds(benign, low), "never below 0.5");
        // round 12: the benign lines past the card all have a low P(imminent): the imminent threshold
        // goes below 0.5 (the budget, not the old floor, decides), never below IMMINENT_FLOOR
        double[][] quiet = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            double s = 0.6 + 0.395 * i / (n - 1);
            quiet[i] = new double[] {s, s, 0.05 + 0.1 * i / (n - 1)};
        }
        quiet[n] = new double[] {1, 1, 1};
        float[] q = RiskModelTrainer.thresholds(benign, quiet);
        assertTrue(q[2] < 0.5 && q[2] > 0.14, "the third-highest imminent score among the four past the card: " + q[2]);
        int paged = 0;
        for (int i = 0; i < n; i++) {
            paged += quiet[i][0] >= q[0] && quiet[i][2] >= q[2] ? 1 : 0;
        }
        assertEquals(2, paged, "1 % of 200 benign lines");
        for (int i = 0; i < n; i++) {
            quiet[i][2] = 0.01;
        }
        assertEquals((float) RiskModelTrainer.IMMINENT_FLOOR, RiskModelTrainer.thresholds(benign, quiet)[2], "the floor");
    }

    @Test
    void levelNeedsTheCardThresholdThenTakesImminentOrHigh() {
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        // bias alone decides: P = sigmoid(bias)
        RiskModel imminentOnly = new RiskModel(w, new float[] {-5, -5, 5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        assertEquals(null, imminentOnly.level("anything"), "imminent without risk at all is nothing");
        RiskModel concern = new RiskModel(w, new float[] {5, -5, -5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        assertEquals(RiskLevel.CONCERN, concern.level("anything"));
        RiskModel high = new RiskModel(w, new float[] {5, 5, -5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        assertEquals(RiskLevel.HIGH, high.level("anything"));
        RiskModel imminent = new RiskModel(w, new float[] {5, -5, 5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        assertEquals(RiskLevel.IMMINENT, imminent.level("anything"), "imminent has its own threshold, not high's");
        RiskModel all = new RiskModel(w, new float[] {5, 5, 5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        assertEquals(RiskLevel.IMMINENT, all.level("anything"));
    }

    @Test
    void modelAloneGivesACardAtHighAndPagesOnlyAtImminent() {
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        RiskModel alwaysHigh = new RiskModel(w, new float[] {5, 5, -5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        RiskAssessor h = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), alwaysHigh);
        RiskAssessment highAlone = h.assess("the weather is lovely today", "en");
        assertEquals(RiskLevel.CONCERN, highAlone.level(), "the model's high alone is a card, no page");
        assertEquals(java.util.Set.of(RiskCategory.MODEL), highAlone.categories());
        assertEquals(RiskLevel.HIGH, h.assess("I want to die", "en").level(), "next to a rule's signal it may raise");
        RiskModel alwaysImminent = new RiskModel(w, new float[] {5, 5, 5}, new float[] {0.5f, 0.5f, 0.5f}, "t");
        RiskAssessor a = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), alwaysImminent);
        RiskAssessment nothingInRules = a.assess("the weather is lovely today", "en");
        assertEquals(RiskLevel.IMMINENT, nothingInRules.level(), "the model's imminent alone pages");
        assertEquals(java.util.Set.of(RiskCategory.MODEL), nothingInRules.categories());
        RiskAssessment explained = a.assess("see you all tonight", "en");
        assertEquals(RiskLevel.IMMINENT, explained.level());
        assertTrue(explained.categories().containsAll(java.util.Set.of(RiskCategory.MODEL, RiskCategory.TIME)),
                "alone, the concepts the rules found explain the raise: " + explained);
        RiskAssessment joke = a.assess("my phone died again, i want to die lol", "en");
        assertFalse(joke.escalates(), "a laugh marker keeps the model's raise to a card: " + joke);
        RiskAssessment withSignal = a.assess("I want to die", "en");
        assertEquals(RiskLevel.IMMINENT, withSignal.level(), "next to the writer's own signal it may raise");
        assertTrue(withSignal.categories().contains(RiskCategory.MODEL));
        assertTrue(withSignal.categories().contains(RiskCategory.IDEATION));
        RiskAssessment someoneElse = a.assess("my friend is suicidal", "en");
        assertEquals(java.util.Set.of(RiskCategory.THIRD_PARTY), someoneElse.categories(), "third person stays third person");
        RiskAssessment recovery = a.assess("a year ago I wanted to die, today I'm grateful I'm here", "en");
        assertFalse(recovery.escalates(), "recovery talk never pages: " + recovery);
        assertNotEquals(null, RiskAssessor.withBundledRules(NORMALIZER).assess("i want to die", "en").level());
    }

    /**
     * Round 12: the imminent threshold may sit below 0.5; an imminent of the model alone below 0.5
     * pages only next to a concept of the rules, else it is a card.
     */
    @Test
    void anImminentBelowHalfPagesAloneOnlyNextToAConcept() {
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        // P(imminent) = sigmoid(-0.5) ≈ 0.38: past its threshold 0.2, below RiskModel.SURE_IMMINENT
        RiskModel unsure = new RiskModel(w, new float[] {5, 5, -0.5f}, new float[] {0.5f, 0.5f, 0.2f}, "t");
        assertEquals(RiskLevel.IMMINENT, unsure.level("anything"));
        RiskAssessor a = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), unsure);
        RiskAssessment plain = a.assess("the weather is lovely today", "en");
        assertEquals(RiskLevel.CONCERN, plain.level(), "no concept of the rules: a card, no page");
        assertEquals(java.util.Set.of(RiskCategory.MODEL), plain.categories());
        RiskAssessment timed = a.assess("see you all tonight", "en");
        assertEquals(RiskLevel.IMMINENT, timed.level(), "a time of the rules next to it: a page");
        assertTrue(timed.categories().containsAll(java.util.Set.of(RiskCategory.MODEL, RiskCategory.TIME)), timed.toString());
        assertEquals(RiskLevel.IMMINENT, a.assess("I want to die", "en").level(), "next to a signal of the rules it lifts");
    }

    @Test
    void aPlanOrFinalityConceptAndALeaningModelGiveACard() {
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        // P(≥ concern) = sigmoid(0.5) ≈ 0.62: leans to risk, below its own threshold 0.9
        RiskModel leaning = new RiskModel(w, new float[] {0.5f, -5, -5}, new float[] {0.9f, 0.9f, 0.9f}, "t");
        RiskAssessor a = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), leaning);
        RiskAssessment finality = a.assess("left my dog with my neighbour yesterday", "en");
        assertEquals(RiskLevel.CONCERN, finality.level(), finality.toString());
        assertTrue(finality.categories().contains(RiskCategory.FINALITY) && finality.categories().contains(RiskCategory.MODEL),
                finality.toString());
        assertEquals(null, a.assess("we stood on the bridge tonight", "en").level(), "a time and a place are not enough");
        assertEquals(null, a.assess("the weather is lovely today", "en").level(), "no concept, no card");
        RiskModel unsure = new RiskModel(w, new float[] {-0.5f, -5, -5}, new float[] {0.9f, 0.9f, 0.9f}, "t");
        assertEquals(null, RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), unsure)
                .assess("left my dog with my neighbour yesterday", "en").level(), "a concept alone is no signal");
    }

    @Test
    void bundledModelLoads() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RiskModel.BUNDLED)) {
            assertTrue(in != null && in.read() >= 0);
        }
        assertTrue(RiskModel.loadBundled().provenance.startsWith("trained on "));
    }
}
