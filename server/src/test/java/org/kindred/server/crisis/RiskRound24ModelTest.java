package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kindred.server.text.Normalizer;

/**
 * Twenty-fourth round, the model's side (docs/crisis.md "Twenty-fourth round: the model"): a wish the rules read as
 * denied, with nothing after it that turns against the denial, gets no card from the model alone
 * ({@link DeniedWish}); ambivalence after a denial ("…, but …") keeps the model's card.
 */
class RiskRound24ModelTest {
    private static final Normalizer NORMALIZER = new Normalizer();
    private static final RiskAssessor ASSESSOR = TrainingYear.bundled(NORMALIZER);

    @Test
    void aDeniedWishGetsNoCardFromTheModelAlone() {
        for (String text : new String[] {"ich will nicht sterben", "je ne veux pas mourir",
                "I'm not going to kill myself, don't worry",
                "no quiero morir"}) {
            assertNull(ASSESSOR.assess(text, null).level(), text);
        }
    }

    @Test
    void ambivalenceAfterADenialKeepsItsCard() {
        for (String text : new String[] {"i dont want to die but i dont want to be here either",
                "no quiero morir pero tampoco quiero vivir así", "ich will nicht sterben aber ich will auch nicht so weiterleben"}) {
            assertNotNull(ASSESSOR.assess(text, null).level(), text);
        }
    }

    @Test
    void aContrastWordAfterTheDenialMeansItDoesNotStand() {
        Tokenizer tokenizer = RulesAlone.BUNDLED.tokenizer;
        Token[] denied = tokenizer.tokenize(NORMALIZER.normalize("i dont want to die, i want to get better"));
        Token[] ambivalent = tokenizer.tokenize(NORMALIZER.normalize("i dont want to die but i dont want to live"));
        assertTrue(DeniedWish.stands(denied));
        assertFalse(DeniedWish.stands(ambivalent));
    }
}
