package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The seventeenth round's English and Spanish kinds, with the rules alone (blocks and entries marked
 * "round 17 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml};
 * docs/crisis.md "Seventeenth round: English and Spanish"). Every line is written for this test (none
 * is a line of a labelled set); each kind's look-alike, the risk line it must not mute, is next to it.
 */
class RiskRound17EnEsTest {
    private static void assertNoPage(String text) {
        RiskLevel l = level(text);
        assertFalse(l != null && l.escalates(), () -> "paged at " + l + ": " + text);
    }

    private static void assertPage(RiskLevel atLeast, String text) {
        RiskLevel l = level(text);
        assertTrue(l != null && l.compareTo(atLeast) >= 0, () -> "got " + l + ", expected at least " + atLeast + ": " + text);
    }

    @Test
    void aPastWishWithAPresentGoodIsRecovery() {
        assertNoPage("three years ago i wanted to die most days. today i passed my driving test, it gets better");
        assertNoPage("2 yrs ago i tried to end it, now i started a new job and im so glad");
        assertNoPage("last time i felt suicidal was in march, now im in a better place");
        assertNoPage("hace tres años quería morirme, hoy cumplo dos años en mi curro y estoy contenta");
        assertNoPage("recuerdo cuando pensaba en matarme, hoy soy otra persona");
        assertNoPage("la primera vez que escribí aquí quería morirme, hoy vengo a dar las gracias");
    }

    @Test
    void aPastWishThatIsStillThereStillPages() {
        assertPage(RiskLevel.HIGH, "hace dos años quería morirme y hoy también quiero morirme");
        assertPage(RiskLevel.HIGH, "2 yrs ago i tried to end it and i still want to");
        assertPage(RiskLevel.HIGH, "i want to die, it never gets better");
    }

    @Test
    void everydayEndingsAndMeansAreNoSignal() {
        assertNull(level("overdosed on coffee before my shift, hands shaking lol"));
        assertNull(level("wrote letters to all my pen pals tonight, so relaxing"));
        assertNull(level("no paro de cantar quiero morir en tus brazos"));
        assertNull(level("ya tengo mis gotas para el mes, todo en orden"));
        assertNull(level("me corté el flequillo!! muy corto, me encanta"));
        assertNull(level("este es mi último mensaje del año, felices fiestas"));
        assertNull(level("mañana no estaré, tengo comunión, os leo el lunes"));
        assertNull(level("ya está decidido, este viernes se acaba el tabaco"));
        assertNull(level("mañana se termina todo: último día de clases!!"));
    }

    @Test
    void theRiskLinesNextToThemStillPage() {
        assertPage(RiskLevel.HIGH, "overdosed on my pills this morning");
        assertEquals(RiskLevel.IMMINENT, level("wrote letters to everyone i love, tonight i go"));
        assertEquals(RiskLevel.IMMINENT, level("mañana no estaré, me despido de todos para siempre"));
        assertEquals(RiskLevel.IMMINENT, level("mañana se termina todo"));
        assertEquals(RiskLevel.IMMINENT, level("dejé todo en orden, ya no necesito nada"));
        assertEquals(RiskLevel.HIGH, level("me corto otra vez"));
    }
}
