package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * The statistical second opinion's level, and how it combines with the rules ({@link
 * RiskOutcome#secondOpinion}); its features are {@link RiskModelFeaturesTest}'s, its weights {@link
 * RiskModelTrainingTest}'s.
 */
class RiskModelTest {
    private static final Normalizer NORMALIZER = new Normalizer();

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

    /**
     * Round 16: a model sure there is no risk at all ({@code P(≥ concern)} below {@link RiskModel#SURE_NONE})
     * turns the rules' {@code high} into a card; the rules' {@code imminent} stays, and so does a {@code high}
     * the model is not sure about.
     */
    @Test
    void aModelSureOfNoRiskTurnsTheRulesHighIntoACard() {
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        RiskRules rules = RiskRulesLoader.loadBundled(NORMALIZER);
        RiskAssessor rulesOnly = RiskAssessor.of(rules, null);
        String high = "honestly I want to kill myself";
        String imminent = "I've made up my mind, it's tonight";
        assertEquals(RiskLevel.HIGH, rulesOnly.assess(high, "en").level());
        assertEquals(RiskLevel.IMMINENT, rulesOnly.assess(imminent, "en").level());
        // P(≥ concern) = sigmoid(-2) ≈ 0.12, below SURE_NONE
        RiskAssessor sure = RiskAssessor.of(rules, new RiskModel(w, new float[] {-2, -5, -5}, new float[] {0.5f, 0.5f, 0.5f}, "t"));
        RiskAssessment card = sure.assess(high, "en");
        assertEquals(RiskLevel.CONCERN, card.level(), "a card, no page: " + card);
        assertTrue(card.categories().containsAll(java.util.Set.of(RiskCategory.IDEATION, RiskCategory.MODEL)), card.toString());
        assertEquals(RiskLevel.IMMINENT, sure.assess(imminent, "en").level(), "the rules' imminent is never lowered");
        assertEquals(null, sure.assess("the weather is lovely today", "en").level());
        // P(≥ concern) = sigmoid(-0.95) ≈ 0.28: sure since round 20 (SURE_NONE 0.30; 0.25 before)
        RiskAssessor nearly = RiskAssessor.of(rules, new RiskModel(w, new float[] {-0.95f, -5, -5}, new float[] {0.5f, 0.5f, 0.5f}, "t"));
        assertEquals(RiskLevel.CONCERN, nearly.assess(high, "en").level());
        assertEquals(RiskLevel.IMMINENT, nearly.assess(imminent, "en").level());
        // P(≥ concern) = sigmoid(-0.5) ≈ 0.38: leans away from risk, not sure of it
        RiskAssessor unsure = RiskAssessor.of(rules, new RiskModel(w, new float[] {-0.5f, -5, -5}, new float[] {0.5f, 0.5f, 0.5f}, "t"));
        assertEquals(RiskLevel.HIGH, unsure.assess(high, "en").level());
    }
}
