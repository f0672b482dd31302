package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The nineteenth round's English and Spanish kinds, with the rules alone (blocks and entries marked
 * "round 19 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml};
 * docs/crisis.md "Nineteenth round: English and Spanish"). Every line is written for this test (none
 * is a line of a labelled set); each kind's everyday look-alikes are in the same test, and must stay
 * quiet or below a page.
 */
class RiskRound19EnEsTest {
    @Test
    void aPlaceOfRiskToldAsAScene() {
        assertEquals(RiskLevel.IMMINENT, level("at the bridge now. nobody else here"));
        assertEquals(RiskLevel.IMMINENT, level("im at the reservoir. its so quiet. sorry everyone"));
        assertEquals(RiskLevel.IMMINENT, level("on the roof of the car park. dont come looking"));
        assertEquals(RiskLevel.IMMINENT, level("estoy en el puente, no hay nadie. perdonad"));
        // a view, friends, a walk
        assertNoPage("at the bridge now, the sunset is gorgeous");
        assertNoPage("on the roof terrace now with friends, so quiet up here");
        assertNoPage("estoy en el puente con mi novio, qué bonito");
        assertNoPage("at the river with the dog, nobody else around this early");
    }

    @Test
    void waitingForTheOthersWithEverythingSetOut() {
        assertEquals(RiskLevel.IMMINENT, level("everything is on the bedside table, just waiting for the house to sleep"));
        assertEquals(RiskLevel.IMMINENT, level("the rope is in the wardrobe, waiting for everyone to go to bed"));
        assertEquals(RiskLevel.IMMINENT, level("lo tengo todo en la mesilla, solo espero a que se duerman todos"));
        // everything set out, and a time
        assertEquals(RiskLevel.IMMINENT, level("everything is laid out on my desk. tonight"));
        // waiting for the others for an everyday thing
        assertNull(level("everything is laid out for the picnic tomorrow"));
        assertNull(level("waiting for the kids to sleep so i can finally watch my show"));
        assertNull(level("espero a que se duerman los niños para ver la serie tranquila"));
    }

    @Test
    void aLetterWrittenAndLeftInAPlace() {
        assertEquals(RiskLevel.IMMINENT, level("dejé escritas las cartas en el escritorio, una para cada uno"));
        assertEquals(RiskLevel.IMMINENT, level("ya he dejado una carta encima de la cama"));
        // a note about shopping
        assertNoPage("he dejado una nota a mi madre en la mesa para que compre pan");
        assertNoPage("left a note on the fridge saying dinner is in the oven");
    }

    @Test
    void aDayOffTakenForIt() {
        assertEquals(RiskLevel.IMMINENT, level("booked friday off for it"));
        assertEquals(RiskLevel.IMMINENT, level("me pedí el viernes libre para eso. ya sabéis"));
        // a day off for a wedding or a trip
        assertNoPage("took friday off for my sisters wedding");
        assertNoPage("me pedí el viernes libre para el viaje a sevilla");
    }

    @Test
    void theLastThingEverWritten() {
        assertEquals(RiskLevel.IMMINENT, level("this is the last thing i will ever write"));
        assertEquals(RiskLevel.IMMINENT, level("thats the last thing ill ever post here"));
        // the last thing about a topic
        assertNoPage("this is the last thing i will ever write about my ex, promise");
    }

    @Test
    void everydayObjectsUsedToHurtOneself() {
        assertAtLeast(RiskLevel.HIGH, "put a lighter to my wrist again last night");
        assertAtLeast(RiskLevel.HIGH, "pressed the hair straightener on my leg on purpose");
        assertAtLeast(RiskLevel.HIGH, "used the blade from a pencil sharpener on my thigh again");
        assertAtLeast(RiskLevel.HIGH, "me apagué el cigarro en el brazo");
        assertAtLeast(RiskLevel.HIGH, "me quemé con el rizador adrede");
        // grooming, accidents, smoking
        assertNoPage("burned my hand with the straightener by accident lol");
        assertNoPage("cut my hair with kitchen scissors lol");
        assertNull(level("lit a cigarette on the balcony"));
    }

    @Test
    void anAttemptToldWithItsRescue() {
        assertAtLeast(RiskLevel.HIGH, "two years ago i was on the railing of a bridge and the police talked me down");
        assertAtLeast(RiskLevel.HIGH, "last year the ambulance came after i took too many");
        assertAtLeast(RiskLevel.HIGH, "el año pasado me tuvieron que bajar de la barandilla del puente");
        assertAtLeast(RiskLevel.HIGH, "a los 16 me intenté colgar y me encontró mi padre");
        // an ambulance for someone else, a bake gone wrong
        assertNoPage("the ambulance came for my grandma last night");
        assertNoPage("at 16 i tried to bake a cake and burned the kitchen");
    }

    @Test
    void aPictureOfAMethodIsAThoughtNotAPlan() {
        assertEquals(RiskLevel.HIGH, level("i keep picturing taking all my pills at once"));
        assertEquals(RiskLevel.HIGH, level("i imagine myself jumping off the bridge tonight"));
        assertEquals(RiskLevel.HIGH, level("me imagino tomándome todas las pastillas"));
        // a picture, then the act with its time in the next clause, stays imminent
        assertEquals(RiskLevel.IMMINENT, level("i keep picturing it, taking all my pills tonight"));
        assertEquals(RiskLevel.IMMINENT, level("ya tengo las pastillas en la mano, esta noche lo hago"));
    }

    @Test
    void recoveryWithABareYearAndAPresentGood() {
        assertNoPage("i wanted to die in 2019. not anymore. life is good");
        assertNoPage("in 2021 i wanted to kill myself. now i teach yoga");
        assertNoPage("hace 10 años me cortaba, hoy soy enfermera");
        assertNoPage("en 2020 quería morirme, ahora estoy genial");
        // the wish now
        assertAtLeast(RiskLevel.HIGH, "i wanted to die in 2019 and i want to die now");
        assertAtLeast(RiskLevel.HIGH, "hace 10 años me cortaba y hoy me he vuelto a cortar");
    }

    @Test
    void aQuotedJokeAndAnEverydayDecision() {
        assertNoPage("\"im gonna kill myself\" - my sister after seeing her exam results lmao");
        assertNoPage("\"me voy a tirar por la ventana\" dijo mi primo cuando perdió el madrid jajaja");
        assertNoPage("decided. tomorrow i quit my job");
        assertNoPage("decidido. mañana dejo el gimnasio");
        // the writer's own
        assertAtLeast(RiskLevel.HIGH, "im gonna kill myself lol, nobody would care");
        assertEquals(RiskLevel.IMMINENT, level("decided. tomorrow i do it"));
    }
}
