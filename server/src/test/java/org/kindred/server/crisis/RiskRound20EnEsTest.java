package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The twentieth round's English and Spanish kinds, with the rules alone (blocks and entries marked
 * "round 20 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml};
 * docs/crisis.md "Twentieth round: English and Spanish"). The round's first kinds are the rules' own
 * pages on benign lines: each test gives everyday lines that must stay below a page and, next to them,
 * risk lines in the same words that must still page. Every line is written for this test (none is a
 * line of a labelled set).
 */
class RiskRound20EnEsTest {
    @Test
    void recoveryToldWithAPresentGoodOfOnesLife() {
        assertNoPage("four years ago i overdosed. next month im getting married");
        assertNoPage("at 15 i wanted to die. this autumn i got into university");
        assertNoPage("a few years back i tried to end it, now there is a baby girl on the way");
        assertNoPage("hace diez años intenté quitarme la vida. hoy juego con mis nietos");
        assertNoPage("hace tres años quería morirme, hoy adopté un perro y le quiero muchísimo");
        // a present risk after the good, or no good at all, still pages
        assertAtLeast(RiskLevel.HIGH, "four years ago i overdosed. next month im getting married and i want to die");
        assertAtLeast(RiskLevel.HIGH, "a few years back i tried to end it and it keeps coming back");
        assertAtLeast(RiskLevel.HIGH, "hace tres años quería morirme y vuelvo a pensarlo cada día");
    }

    @Test
    void aLastMessageBeforeAnEverydayAbsence() {
        assertNoPage("last message from me for a few days, off camping in the hills");
        assertNoPage("final post till sunday, flight leaves at six");
        // a last message with nothing everyday around it is still a farewell
        assertEquals(RiskLevel.IMMINENT, level("this is my last message. thank you for everything"));
    }

    @Test
    void aFarewellSaidAsOnesOwnHabit() {
        assertNoPage("'goodbye cruel world' i always say when i shut down the work laptop on friday");
        assertEquals(RiskLevel.IMMINENT, level("goodbye cruel world. i mean it this time"));
    }

    @Test
    void everydayWordsReadAsMethods() {
        // "odd" folds to "od"; a haircut; a ledge for a treat; a rope for a hobby; a question on storing knives or medicines
        assertNoPage("how odd, woke up at six on a sunday");
        assertNoPage("had my hair cut today, love it");
        assertNoPage("sitting on the ledge by the pier eating ice cream");
        assertNoPage("have the rope in the boot for the camping trip tonight");
        assertNoPage("¿cómo guardan ustedes los cuchillos con bebés en casa?");
        assertNoPage("la cuerda va en el maletero para la escalada del domingo");
        assertNoPage("tengo el cuchillo en la mano, estoy picando tomate para la ensalada");
        assertNoPage("donde guardan las medicinas en vuestra casa con peques?");
        // the same things as means still page
        assertAtLeast(RiskLevel.HIGH, "od'd on my pills last night");
        assertAtLeast(RiskLevel.HIGH, "the rope is ready in the garage for later");
        assertAtLeast(RiskLevel.HIGH, "tengo el cuchillo en la mano y no quiero seguir viviendo");
    }

    @Test
    void anEverydayDecisionWithItsTime() {
        assertNoPage("ive made up my mind, tomorrow im painting the hallway green");
        assertNoPage("lo he decidido: esta noche ordeno el armario de una vez");
        assertNoPage("ya lo decidí, mañana se lo digo a mi jefe");
        assertNoPage("lo voy a hacer hoy: le pido a mi vecina que me riegue las plantas");
        // a decision with a time and nothing everyday still pages
        assertEquals(RiskLevel.IMMINENT, level("ive made up my mind. tomorrow"));
        assertEquals(RiskLevel.IMMINENT, level("lo voy a hacer hoy, ya no aguanto"));
    }

    @Test
    void aLetterToBePosted() {
        assertNoPage("wrote a birthday letter to my nan, need stamps tomorrow");
        assertNoPage("le escribí una postal a mi tía, mañana voy a correos");
        // a letter left for someone still pages
        assertEquals(RiskLevel.IMMINENT, level("he dejado una carta para mi madre en su buzón, no me busquéis"));
    }

    @Test
    void medicationTakenAsTheNurseSaid() {
        assertNoPage("took my bedtime tablets at ten as the doctor told me, lights out");
        assertNoPage("me tomé las pastillas de la noche tal como dijo la médica");
        assertNoPage("la enfermera se llevó las pastillas viejas y me dio las nuevas para esta noche");
        // all of one's pills taken, nobody's word around
        assertEquals(RiskLevel.IMMINENT, level("took all my tablets at ten"));
        assertEquals(RiskLevel.IMMINENT, level("me tomé todas las pastillas de la noche de golpe"));
    }

    @Test
    void meansGivenUpAndMoneySaved() {
        assertNoPage("he tirado las cuchillas que guardaba en el baño, ya no me hacen falta");
        assertNoPage("boté las pastillas viejas que tenía escondidas, no las necesito");
        assertNoPage("saved up enough to buy the pram, collecting it friday");
        assertNoPage("he ahorrado lo suficiente para el billete, me voy el jueves");
        // means kept and counted still page
        assertAtLeast(RiskLevel.HIGH, "tengo las cuchillas escondidas en el baño para esta noche");
        assertAtLeast(RiskLevel.HIGH, "ive saved up enough pills now");
    }

    @Test
    void everythingReadyWithAnEverydayThing() {
        assertNoPage("everything is ready for tomorrow, school uniform is ironed");
        assertNoPage("ya lo tengo todo listo para el lunes, la mochila y el uniforme");
        assertNoPage("es mi última noche en el albergue, mañana me mudo a un piso");
        assertNoPage("mi última noche en el hospital, mañana me dan el alta");
        // everything ready with a time and nothing everyday still pages
        assertEquals(RiskLevel.IMMINENT, level("everything is ready. tonight"));
    }

    @Test
    void aNoBlameFarewellToldAsIfOneWillBeGone() {
        assertEquals(RiskLevel.IMMINENT, level("if you dont hear from me after this weekend, its nobodys fault. you all tried"));
        assertEquals(RiskLevel.IMMINENT, level("si no aparezco más por aquí, no es culpa de nadie, os lo prometo"));
        assertEquals(RiskLevel.IMMINENT, level("que mi hermano sepa que no tiene la culpa de lo que voy a hacer"));
        // reassurance to someone else, or an absence with an everyday reason
        assertNoPage("its not your fault the meeting got moved, dont worry");
        assertNoPage("if you dont hear from me on thursday its not your fault, my shift changed");
        assertNoPage("no es culpa de nadie que se cancelara la excursión");
    }

    /** "qu" written "k" in chat Spanish, also behind digits ("k1tarme" folds to "kitarme"). */
    @Test
    void quitarmeWrittenWithK() {
        assertAtLeast(RiskLevel.HIGH, "pienso todo el rato en kitarme la vida");
        assertAtLeast(RiskLevel.HIGH, "ya no aguanto, quiero k1tarme la v1da");
        assertNoPage("me voy a kitar la chaqueta que hace calor");
    }
}
