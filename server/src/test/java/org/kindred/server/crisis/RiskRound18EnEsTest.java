package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The eighteenth round's English and Spanish kinds, with the rules alone (blocks and entries marked
 * "round 18 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml};
 * docs/crisis.md "Eighteenth round: English and Spanish"). Every line is written for this test (none
 * is a line of a labelled set); each kind's everyday look-alikes are in the same test, and must stay
 * quiet or below a page.
 */
class RiskRound18EnEsTest {
    private static void assertNoPage(String text) {
        RiskLevel l = level(text);
        assertFalse(l != null && l.escalates(), () -> "paged at " + l + ": " + text);
    }

    private static void assertAtLeast(RiskLevel atLeast, String text) {
        RiskLevel l = level(text);
        assertTrue(l != null && l.compareTo(atLeast) >= 0, () -> "got " + l + ", expected at least " + atLeast + ": " + text);
    }

    @Test
    void aPlanNamedForAnOutingIsNoDecidedTime() {
        assertNull(level("the plan for saturday is tacos and a film, that's the whole plan"));
        assertNull(level("our plan tonight is to sleep ten hours"));
        assertNull(level("i have a plan. its friday brunch with my sister"));
        assertNull(level("tengo un plan. el sábado nos vamos a la playa"));
        // a plan of one's own, with its day, is still imminent
        assertEquals(RiskLevel.IMMINENT, level("i have a plan. its friday"));
        assertEquals(RiskLevel.IMMINENT, level("llevo un mes planeándolo, será el sábado"));
        assertEquals(RiskLevel.IMMINENT, level("ya lo planeé, el viernes cuando se duerman"));
    }

    @Test
    void aDecisionAboutAnEverydayChangeIsNoPlan() {
        assertNull(level("i've decided, monday i hand in my notice"));
        assertNull(level("made up my mind, tomorrow im asking for a raise"));
        // a decision with a day and "do it" stays imminent
        assertEquals(RiskLevel.IMMINENT, level("i've decided. monday i'll do it"));
    }

    @Test
    void recoveryToldAsAPresentGoodInOtherWords() {
        assertNoPage("i used to think about ending my life every night. now im married and genuinely happy");
        assertNoPage("in 2018 i tried to kill myself, today im doing great");
        assertNoPage("en 2019 intenté matarme y me ingresaron, hoy llevo dos años bien");
        // the wish still there
        assertAtLeast(RiskLevel.HIGH, "i used to think about ending my life. i still do every night");
        assertAtLeast(RiskLevel.HIGH, "en 2019 intenté matarme y hoy quiero volver a intentarlo");
    }

    @Test
    void aLastPostToldWithItsPlaceIsAGoodbye() {
        assertEquals(RiskLevel.IMMINENT, level("this is the last thing ill write on here. thanks for everything"));
        assertEquals(RiskLevel.IMMINENT, level("thats the last thing i'm gonna post in this group"));
        assertEquals(RiskLevel.IMMINENT, level("este es el último mensaje que os escribo por aquí"));
        // a last post for the night, or before a move to another chat
        assertNull(level("this is the last thing ill post here tonight, need sleep"));
        assertNull(level("this is the last thing i'll post here, we're switching to the new server"));
        assertNull(level("este es el último mensaje que escribo aquí, nos vemos en el grupo nuevo"));
    }

    @Test
    void aWholePackJustTakenWithoutAPillWordIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("me acabo de tomar todas las del blíster, estoy mareado"));
        assertEquals(RiskLevel.IMMINENT, level("acabo de tragarme el bote entero"));
        assertEquals(RiskLevel.IMMINENT, level("just swallowed everything in the box, room is spinning"));
        assertEquals(RiskLevel.IMMINENT, level("took the entire blister a minute ago"));
        // food, drink and recycling
        assertNull(level("me acabo de comer todas las galletas de la caja jaja"));
        assertNull(level("acabo de tomarme la caja entera de cereales"));
        assertNull(level("drank the whole bottle of water after the run"));
        assertNull(level("took all of the boxes to the recycling"));
    }

    @Test
    void thingsGivenAwayForAnEverydayReasonAreNoGoodbye() {
        assertNoPage("giving away all my books because we're moving to a smaller flat");
        assertNoPage("decluttering this weekend so i gave away all my clothes that dont fit");
        // given away with nothing to say why, or because they won't be needed
        assertAtLeast(RiskLevel.HIGH, "gave away all my books");
        assertEquals(RiskLevel.IMMINENT, level("gave away all my clothes, i wont need them anymore"));
    }
}
