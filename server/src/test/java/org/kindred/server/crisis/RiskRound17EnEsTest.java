package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The seventeenth round's English and Spanish kinds, with the rules alone (blocks and entries marked
 * "round 17 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml};
 * docs/crisis.md "Seventeenth round: English and Spanish"). Every line is written for this test (none
 * is a line of a labelled set); each kind's look-alikes, the risk lines it must not mute and the
 * everyday lines it must not catch, are in the same test.
 */
class RiskRound17EnEsTest {
    @Test
    void aPastWishWithAPresentGoodIsRecovery() {
        assertNoPage("three years ago i wanted to die most days. today i passed my driving test, it gets better");
        assertNoPage("2 yrs ago i tried to end it, now i started a new job and im so glad");
        assertNoPage("last time i felt suicidal was in march, now im in a better place");
        assertNoPage("hace tres años quería morirme, hoy cumplo dos años en mi curro y estoy contenta");
        assertNoPage("recuerdo cuando pensaba en matarme, hoy soy otra persona");
        assertNoPage("la primera vez que escribí aquí quería morirme, hoy vengo a dar las gracias");
        // the wish still there
        assertAtLeast(RiskLevel.HIGH, "hace dos años quería morirme y hoy también quiero morirme");
        assertAtLeast(RiskLevel.HIGH, "2 yrs ago i tried to end it and i still want to");
        assertAtLeast(RiskLevel.HIGH, "i want to die, it never gets better");
    }

    @Test
    void everydayEndingsAndLettersAreNoSignal() {
        assertNull(level("overdosed on coffee before my shift, hands shaking lol"));
        assertNull(level("wrote letters to all my pen pals tonight, so relaxing"));
        assertNull(level("no paro de cantar quiero morir en tus brazos"));
        assertNull(level("ya tengo mis gotas para el mes, todo en orden"));
        assertNull(level("me corté el flequillo!! muy corto, me encanta"));
        assertNull(level("este es mi último mensaje del año, felices fiestas"));
        assertNull(level("mañana no estaré, tengo comunión, os leo el lunes"));
        assertNull(level("ya está decidido, este viernes se acaba el tabaco"));
        assertNull(level("mañana se termina todo: último día de clases!!"));
        // the risk lines next to them
        assertAtLeast(RiskLevel.HIGH, "overdosed on my pills this morning");
        assertEquals(RiskLevel.IMMINENT, level("wrote letters to everyone i love, tonight i go"));
        assertEquals(RiskLevel.IMMINENT, level("mañana no estaré, me despido de todos para siempre"));
        assertEquals(RiskLevel.IMMINENT, level("mañana se termina todo"));
        assertEquals(RiskLevel.IMMINENT, level("dejé todo en orden, ya no necesito nada"));
        assertEquals(RiskLevel.HIGH, level("me corto otra vez"));
    }

    @Test
    void researchWithTheMeansHeldBeyondItIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("looked up how much of my antidepressants it takes, got 50 in my drawer"));
        assertEquals(RiskLevel.IMMINENT, level("busqué la dosis letal de mis pastillas y tengo de sobra en casa"));
        assertEquals(RiskLevel.IMMINENT, level("he buscado cuántas pastillas hacen falta y acabo de comprar tres cajas"));
        // research alone stays high (the project's decision); everyday amounts stay quiet
        assertEquals(RiskLevel.HIGH, level("looked up how many of my pills it would take"));
        assertNull(level("googled how many calories are in a pizza and i have way more than that"));
        assertNull(level("busqué cuántas horas hacen falta para el curso y tengo de sobra"));
    }

    @Test
    void thingsGivenAwayBecauseTheyWontBeNeededAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("le di mi play y mi ropa a mi primo, ya no me van a hacer falta"));
        assertEquals(RiskLevel.IMMINENT, level("gave my records to my cousin, not gonna need them"));
        assertEquals(RiskLevel.IMMINENT, level("mis libros se los he dejado a mi compi, no los voy a necesitar donde voy"));
        // clothes for charity are no farewell
        assertNull(level("le di mi ropa vieja a una ong, ya no me hace falta"));
        assertNull(level("gave my old clothes to charity, dont need them anymore"));
    }

    @Test
    void pillsJustTakenInQuantityOrWithTheirEffectAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("just swallowed a load of my mums pills"));
        assertEquals(RiskLevel.IMMINENT, level("already took something, feeling dizzy"));
        assertEquals(RiskLevel.IMMINENT, level("tonight i finally take them all"));
        assertEquals(RiskLevel.IMMINENT, level("me he comido todas las pastillas del bote"));
        assertEquals(RiskLevel.IMMINENT, level("ya he tomado algo, no sé cuánto, todo me da vueltas"));
        assertEquals(RiskLevel.IMMINENT, level("esta noche me tomo el bote entero"));
        assertEquals(RiskLevel.IMMINENT, level("cogí las pastillas de mi madre, todas, y me las voy a tomar ya"));
        // everyday pills and sweets; "all" in a greeting is no quantity
        assertNull(level("me he comido todas las galletas"));
        assertNull(level("ya me tomé el café, estoy mareada de sueño"));
        assertNull(level("me he tomado las pastillas de la tensión"));
        assertNull(level("already took my meds, night all"));
    }

    @Test
    void anAttemptWithItsMethodToldInPassingIsHigh() {
        assertEquals(RiskLevel.HIGH, level("tried to hang myself when i was 16"));
        assertEquals(RiskLevel.HIGH, level("tried to overdose at 15, my parents dont know"));
        assertEquals(RiskLevel.HIGH, level("intenté ahorcarme a los 15"));
        assertEquals(RiskLevel.HIGH, level("me tomé un bote de pastillas hace años y acabé en urgencias"));
        assertEquals(RiskLevel.HIGH, level("me tomé una sobredosis en 2019"));
        // someone else's attempt, an everyday jar
        assertEquals(RiskLevel.CONCERN, level("my sister tried to overdose last year"));
        assertNull(level("mi hermano intentó ahorcarse"));
        assertNull(level("me tomé un bote de helado entero y acabé en el hospital de la risa"));
    }

    @Test
    void picturingAMethodIsHigh() {
        assertEquals(RiskLevel.HIGH, level("me imagino tomándome todas las pastillas"));
        assertEquals(RiskLevel.HIGH, level("no paro de imaginarme cortándome las venas"));
        assertEquals(RiskLevel.HIGH, level("i daydream about overdosing"));
        // an everyday jump pictured
        assertNull(level("me imagino saltando en paracaídas"));
        assertNull(level("i daydream about jumping into the pool"));
    }

    @Test
    void aJarOfPillsIsNoDisposal() {
        // "bote" is also "I threw away": only with a pronoun or a bin is it a disposal
        assertEquals(RiskLevel.IMMINENT, level("me tomé el bote de pastillas entero hace un rato"));
        assertNull(level("boté las pastillas a la basura"));
    }

    @Test
    void aMessageToBeReadAfterAndDontLookForMeAreAGoodbye() {
        assertEquals(RiskLevel.IMMINENT, level("if youre reading this its too late, i love you all"));
        assertEquals(RiskLevel.IMMINENT, level("cuando leáis esto ya no estaré"));
        assertEquals(RiskLevel.IMMINENT, level("os quiero mucho, no me busquéis"));
        assertEquals(RiskLevel.IMMINENT, level("goodbye, dont look for me"));
        // a deadline, an outing, hide and seek
        assertNull(level("if you read this its too late to sign up lol"));
        assertNull(level("si lees esto es tarde para apuntarte al curso"));
        assertNull(level("voy al cine, no me busquéis"));
        assertNull(level("dont look for me, im hiding from my sister lol"));
    }

    @Test
    void selfHarmInEverydayWordsIsHigh() {
        assertEquals(RiskLevel.HIGH, level("me pego la cabeza contra la pared cuando me agobio"));
        assertEquals(RiskLevel.HIGH, level("me he hecho heridas en los brazos a propósito"));
        // an everyday injury, someone else's blows
        assertNull(level("me hice daño en el gimnasio"));
        assertNull(level("me di golpes en la cabeza con la puerta del coche jaja"));
        assertEquals(RiskLevel.CONCERN, level("mi hermano me pega en la cabeza contra la pared"));
    }
}
