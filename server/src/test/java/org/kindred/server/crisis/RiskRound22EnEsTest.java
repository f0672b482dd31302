package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The twenty-second round's English and Spanish kinds, with the rules alone (entries and blocks marked
 * "round 22 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml}; docs/crisis.md
 * "Twenty-second round: English and Spanish"). First the rules' own pages on everyday lines that use the
 * risk lines' words (a last message before getting up for work, a question answered no, a dark word taken
 * back at once, someone's last words, medication as prescribed, a last day at work, someone else's
 * farewell, an everyday move with its day, a third person's letters, a comedian's joke); each test puts
 * next to them risk lines in the same words that must still be found. Then self-harm with new objects and
 * words (scabs picked open, scratching, a shard of glass) and a past attempt (a stomach pumped) with the
 * thoughts coming back, with everyday look-alikes that must stay quiet. Every line is written for this test
 * (none is a line of a labelled set).
 */
class RiskRound22EnEsTest {
    @Test
    void aLastMessageBeforeGettingUpForWork() {
        assertNoPage("last msg from me tonight, up at 5 for work. night everyone");
        assertEquals(RiskLevel.IMMINENT, level("last message from me. tonight i end it"));
    }

    @Test
    void aQuestionAnsweredNoAndSaidToBeTrue() {
        assertNoPage("my gp asked whether i still had thoughts of ending my life and i said no, for the first time in years");
        assertAtLeast(RiskLevel.HIGH, "my gp asked if i had thoughts of ending my life and i said no. that was a lie");
    }

    @Test
    void aDarkWordTakenBackAtOnce() {
        assertNoPage("kms 😂 jk i just locked myself out again");
        assertAtLeast(RiskLevel.HIGH, "kms. nobody would even notice");
    }

    @Test
    void someonesLastWordsToldAsAMemory() {
        assertNoPage("my nan's last words to me were \"wear a coat\"");
        assertEquals(RiskLevel.IMMINENT, level("these are my last words. goodbye"));
    }

    @Test
    void medicationTakenAsTheDoctorPrescribed() {
        assertNoPage("me he tomado el diazepam que me mandó la psiquiatra y ahora a dormir tranquila");
        assertEquals(RiskLevel.IMMINENT, level("me he tomado todas las pastillas que me recetó la doctora, adiós"));
    }

    @Test
    void aLastDayAtWorkOrSomeoneElsesFarewell() {
        assertNoPage("hoy es mi último día en la tienda, la semana que viene empiezo en otra");
        assertNoPage("la carta de despedida del entrenador me ha emocionado");
        assertEquals(RiskLevel.IMMINENT, level("hoy es mi último día en la tierra"));
        assertEquals(RiskLevel.IMMINENT, level("ya escribí mi carta de despedida, esta noche me voy"));
    }

    @Test
    void anEverydayMoveWithItsDay() {
        assertNoPage("he decidido. mañana dejo el curro y me voy a vivir a málaga");
        assertNoPage("he decidido. el lunes dejo la academia y me voy a vivir a cádiz con mi hermana");
        assertEquals(RiskLevel.IMMINENT, level("lo he decidido. mañana lo hago"));
    }

    @Test
    void aThirdPersonsLettersOrAComediansJoke() {
        assertNoPage("my grandad wrote letters to all his grandkids before his op");
        assertNoPage("el humorista hizo un chiste sobre un suicida, qué mal gusto");
        assertEquals(RiskLevel.IMMINENT, level("wrote letters to all of you. im ready now"));
    }

    @Test
    void selfHarmWithNewObjectsAndWords() {
        assertAtLeast(RiskLevel.HIGH, "kept picking my scabs open on purpose again tonight");
        assertAtLeast(RiskLevel.HIGH, "me he estado arañando las piernas en el baño");
        assertAtLeast(RiskLevel.HIGH, "pressed a shard of glass into my wrist after school");
        assertAtLeast(RiskLevel.HIGH, "me pasé el trozo de cristal por el muslo");
        // a scab picked as a habit, a cut on glass by accident, a spider (Spanish "araña") on an arm, scabs of an illness
        assertNoPage("picked at a scab on my knee, gross habit, sorry");
        assertNoPage("cut my hand on a piece of glass at the beach by accident");
        assertNoPage("había una araña en mi brazo y grité");
        assertNoPage("tengo costras en las piernas de la varicela");
    }

    @Test
    void aPastAttemptWithTheThoughtsComingBack() {
        assertAtLeast(RiskLevel.HIGH, "had my stomach pumped in march after i took too many, and i still think about doing it again");
        assertAtLeast(RiskLevel.HIGH, "me hicieron un lavado de estomago el año pasado y vuelvo a tener esas ideas");
        assertNoPage("my stomach was pumped as a kid after i swallowed a battery, funny story now");
    }
}
