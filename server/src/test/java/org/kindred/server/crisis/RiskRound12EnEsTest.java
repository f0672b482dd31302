package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.level;
import static org.kindred.server.crisis.RulesAlone.assess;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The English and Spanish kinds of the twelfth round (blind set 9's misses and false alarms and the
 * look-alikes named in the brief; {@code crisis/combos.yaml} "round 12 en/es", the "round 12 en/es"
 * blocks of {@code rules/en.yaml} and {@code rules/es.yaml}, and the auxiliaries of
 * {@link LanguageContext}), with the rules alone. Every line is written for this test (none is a
 * line of a labelled set).
 */
class RiskRound12EnEsTest {
    @Test
    void meansGivenUpAreProtectiveNotAPlan() {
        assertNull(level("I flushed all the pills I was stockpiling"));
        assertNull(level("got rid of my stash of pills yesterday, feels good"));
        assertNull(level("threw out the blades i was saving, my sister has the rest now"));
        assertNull(level("my therapist took the pills I was hoarding"));
        assertNull(level("tiré por el inodoro las pastillas que estaba guardando"));
        assertNull(level("mi psicóloga se llevó las pastillas que estaba juntando"));
        // saving them is still a plan, and taking them an overdose
        assertEquals(RiskLevel.HIGH, level("I have been stockpiling my pills"));
        assertEquals(RiskLevel.IMMINENT, level("my mom has a stash of pills in her drawer, i took them all an hour ago"));
    }

    @Test
    void pillsForAnEverydayPurposeAreNoMeans() {
        assertNull(level("I bought pills for my headache tonight"));
        assertNull(level("picked up some pills for my migraine tonight, hope they work"));
        assertNull(level("compré pastillas para el dolor de cabeza esta noche"));
        // a purpose named does not hide an overdose
        assertEquals(RiskLevel.IMMINENT, level("took all my pills for my headache tonight, like 40 of them"));
    }

    @Test
    void anIntensifierIdiomIsNoMethod() {
        assertNull(level("i'm deadly tired, been researching for my thesis all night"));
        assertNull(level("deadly serious, I googled how many calories are in this cake"));
        assertNull(level("un aburrimiento mortal, estuve buscando cuántas horas faltan"));
        assertEquals(RiskLevel.HIGH, level("been researching which dose would be lethal"));
    }

    @Test
    void spanishYaAndHeDoNotFlipThePerson() {
        // "ya" (already) is no English "ya" (you); "he tomado" is "I have taken", not English "he"
        RiskAssessment already = assess("ya tengo el frasco en la mochila");
        assertEquals(RiskLevel.HIGH, already.level());
        assertFalse(already.categories().contains(RiskCategory.THIRD_PARTY));
        assertEquals(RiskLevel.IMMINENT, level("ya tengo la cuerda en el coche, mañana lo hago"));
        assertEquals(RiskLevel.IMMINENT, level("el frasco ya esta en la mochila, esta noche lo hago"));
        RiskAssessment taken = assess("he tomado todas las pastillas hace media hora");
        assertEquals(RiskLevel.IMMINENT, taken.level());
        assertFalse(taken.categories().contains(RiskCategory.THIRD_PARTY));
        // English "he" stays someone else
        assertEquals(RiskLevel.CONCERN, level("he took all his pills last night"));
        assertEquals(RiskLevel.CONCERN, level("he cut himself again last night"));
    }

    @Test
    void spanishLookAlikesDoNotEscalate() {
        // reported speech: what follows "me dijo que" is someone else's; recovery in the past
        RiskAssessment friend = assess("mi hermano me contó que piensa en suicidarse, qué hago?");
        assertEquals(RiskLevel.CONCERN, friend.level());
        assertTrue(friend.categories().contains(RiskCategory.THIRD_PARTY));
        assertEquals(RiskLevel.CONCERN, level("hace dos años me quería morir, ahora me alegro de seguir aquí"));
        assertNull(level("hoy me despido de mis compañeros, me voy de intercambio a roma!!"));
    }

    @Test
    void selfHarmByOtherActs() {
        assertEquals(RiskLevel.HIGH, level("skipping meals again as punishment, i deserve it"));
        assertEquals(RiskLevel.HIGH, level("otra vez sin comer como castigo, me lo merezco"));
        assertEquals(RiskLevel.HIGH, level("me doy puñetazos contra la pared, ya van 4 veces este mes"));
        assertNull(level("skipping meals again, so busy at work this week"));
        // a blow told with what it left ("till my knuckles swell"), an urge with words between
        assertEquals(RiskLevel.HIGH, level("me doy puñetazos contra la pared hasta que se me hinchan las manos"));
        assertEquals(RiskLevel.CONCERN, level("tengo muchas ganas otra vez de cortarme, llevo un mes limpio"));
    }

    @Test
    void pillsKeptBackInsteadOfTakenAndEnoughNow() {
        assertEquals(RiskLevel.IMMINENT, level("been keeping my meds back instead of taking them for weeks. there's enough now"));
        assertEquals(RiskLevel.IMMINENT, level("llevo semanas guardando las pastillas en vez de tomarlas. ya tengo suficientes"));
        assertNull(level("kept my meds instead of taking them while i was sick, doctor said it was fine. enough for the trip now"));
    }


    @Test
    void concernInEverydayWordsAndTypos() {
        assertEquals(RiskLevel.CONCERN, level("wats the point tbh nothing evr changes"));
        assertEquals(RiskLevel.CONCERN, level("everything feels hopeless, nothings gonna get better"));
        assertEquals(RiskLevel.CONCERN, level("para q seguir si nada cambia nunca"));
        assertEquals(RiskLevel.CONCERN, level("ya no le veo sentido a la vida"));
        assertEquals(RiskLevel.CONCERN, level("honestly i just feel like dead weight for my brother"));
        assertEquals(RiskLevel.CONCERN, level("lowkey wish a car would clip me on my way to work"));
        assertEquals(RiskLevel.CONCERN, level("si me atropella un camión tampoco pasaría nada"));
        assertEquals(RiskLevel.CONCERN, level("it would be easier to just sleep forever"));
        assertNull(level("no le veo sentido a esta tarea de mates"));
    }

    @Test
    void abuseWithoutTheRulesVerbs() {
        assertEquals(RiskLevel.CONCERN, level("my ex held me down last night and wouldnt let me leave"));
        assertEquals(RiskLevel.CONCERN, level("my aunt gets the wooden spoon out whenever i talk back"));
        assertEquals(RiskLevel.CONCERN, level("mi novio me revisa el cel cada noche y me grita"));
        assertEquals(RiskLevel.CONCERN, level("mi padrastro rompió la puerta de mi cuarto, me da miedo dormir"));
    }

    @Test
    void aDecisionAndDoNotTalkMeOutOfIt() {
        assertEquals(RiskLevel.IMMINENT, level("it's decided. saturday night. please don't try to talk me out of it"));
        assertEquals(RiskLevel.IMMINENT, level("lo tengo claro, el sábado. no intenten convencerme"));
        assertNull(level("decided to quit my job. its friday, dont try to talk me out of it"));
        assertNull(level("ya lo decidí, el viernes me corto el pelo. no intenten convencerme"));
    }

    @Test
    void actsInProgressAndMeansAtHandWithAnOpportunity() {
        assertEquals(RiskLevel.IMMINENT, level("swallowed them a few minutes ago. i just dont want to be alone when it happens"));
        assertEquals(RiskLevel.IMMINENT, level("ya me las tomé hace unos minutos. no quiero estar sola cuando pase"));
        assertEquals(RiskLevel.IMMINENT, level("cutting myself right now and it won't stop bleeding"));
        assertEquals(RiskLevel.IMMINENT, level("me estoy cortando y la sangre no para"));
        assertEquals(RiskLevel.IMMINENT, level("tengo las pastillas de mi madre delante y estoy sola hasta el domingo"));
        assertNull(level("took my allergy tablets 20 min ago, still sneezing"));
    }

    @Test
    void goodbyesAndPlacesWithoutAKeyword() {
        assertEquals(RiskLevel.IMMINENT, level("sorry for everything. wont be on here after tonight"));
        assertEquals(RiskLevel.IMMINENT, level("perdón por todo. después de hoy no me van a ver más"));
        assertEquals(RiskLevel.IMMINENT, level("guess this is it from me. thank you for everything"));
        assertEquals(RiskLevel.IMMINENT, level("wrote letters for my sister and my dad. i think im ready"));
        assertEquals(RiskLevel.IMMINENT, level("le dejé mi gata a mi prima. no voy a volver por ella"));
        assertEquals(RiskLevel.IMMINENT, level("sitting by the tracks behind my house rn"));
        assertEquals(RiskLevel.IMMINENT, level("up here on the top floor rn. looking down"));
        assertNull(level("wrote letters for my mum and my brother for christmas, i think im ready for the holidays"));
        assertNull(level("le dejé mi perro a la vecina, no voy a volver hasta el lunes"));
        assertNull(level("sitting by the tracks taking pics of the steam train, next one in 15 min"));
        assertNull(level("i'm up on the roof rn fixing the gutter. dont look down lol"));
        assertNull(level("dropped my cat at the cattery, not going back for her till sunday"));
        // a pet is a possession, not leisure, and "mi play" a console, not a play in a theatre
        assertEquals(RiskLevel.IMMINENT, level("le dejé mi perro a mi tía. no voy a volver por él"));
        assertEquals(RiskLevel.IMMINENT, level("le regalé mi play a mi hermano. ya no la voy a necesitar"));
        assertNull(level("le dejé mi perro a la vecina, no voy a volver hasta el lunes"));
        assertNull(level("gave my old books to my cousin, wont need them after uni lol"));
        assertNull(level("le regalé mi play a mi primo porque me compré la nueva"));
    }
}
