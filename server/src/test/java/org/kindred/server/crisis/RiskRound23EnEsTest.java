package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The twenty-third round's English and Spanish kinds, with the rules alone (entries and blocks marked
 * "round 23 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml}; docs/crisis.md
 * "Twenty-third round: English and Spanish"). First the rules' own pages on everyday lines: pills counted into
 * a weekly box, blood given or taken for a test, a farewell letter for someone who retires, a discharge from
 * therapy with its day, goodbye said to an everyday thing or a place, a last message for a holiday, medication
 * taken with a meal, a haircut with its evening, a kitchen cut, a shopping list, painkillers for cramps, the
 * adjective "odd"; each test puts next to them risk lines in the same words that must still be found. Then the
 * abbreviations "sh'd" and "od'd" with a time, method thoughts and research of a height, and imminent lines
 * without a method word. Every line is written for this test (none is a line of a labelled set).
 */
class RiskRound23EnEsTest {
    @Test
    void pillsCountedIntoAWeeklyBox() {
        assertNoPage("counted my tablets into the pill organiser, sunday job done");
        assertEquals(RiskLevel.IMMINENT, level("counted out my tablets, saved them for weeks. sunday is the day"));
    }

    @Test
    void bloodGivenOrTakenForATest() {
        assertNoPage("el jueves me sacan sangre para la analítica, qué nervios");
        assertNoPage("hoy fui a donar sangre con mi hermana por primera vez");
        assertAtLeast(RiskLevel.HIGH, "me rasqué el brazo hasta sacarme sangre otra vez");
    }

    @Test
    void aFarewellLetterForSomeoneWhoLeaves() {
        assertNoPage("estoy escribiendo una carta de despedida para mi jefe que se jubila el viernes");
        assertNoPage("hice una tarjeta de despedida pa la vecina que se muda a valencia");
        assertEquals(RiskLevel.IMMINENT, level("dejé mi carta de despedida en la mesa"));
    }

    @Test
    void aDischargeFromTherapyWithItsDay() {
        assertNoPage("mi terapeuta me ha dado el alta hoy, después de años con las autolesiones");
        assertNoPage("my counsellor signed me off today after two years of self harm support");
        assertAtLeast(RiskLevel.HIGH, "my therapist discharged me last month. cut again tonight");
    }

    @Test
    void goodbyeToAnEverydayThingOrAPlace() {
        assertNoPage("quitting sugar for january. this is goodbye, chocolate");
        assertNoPage("last shift done, goodbye horrible boss forever");
        assertNoPage("el sábado me despido de mi pueblo, mañana empiezo en la capital");
        assertEquals(RiskLevel.IMMINENT, level("this is goodbye. i love you all"));
    }

    @Test
    void aLastMessageForAHoliday() {
        assertNoPage("este es mi último mensaje en unos días, el jueves me voy de acampada");
        assertEquals(RiskLevel.IMMINENT, level("este es mi último mensaje. gracias por todo"));
    }

    @Test
    void medicationWithAMealAHaircutAKitchenCut() {
        assertNoPage("ya me tomé el litio con el desayuno, la psiquiatra está contenta con los análisis");
        assertNoPage("lo tengo decidido: mañana me corto el flequillo yo misma");
        assertNoPage("me he cortado con el rallador haciendo la cena, nada grave");
        assertAtLeast(RiskLevel.HIGH, "me he cortado otra vez los brazos");
    }

    @Test
    void aShoppingListPainkillersForCrampsAndTheWordOdd() {
        assertNoPage("shopping list: eggs, paracetamol, oat milk");
        assertNoPage("cramps again, took 2 paracetamol and the hot water bottle, bed");
        assertNoPage("so odd when you bump into your old teacher at the shops");
        assertAtLeast(RiskLevel.HIGH, "i odd when i was 15 and the thoughts are back");
        assertEquals(RiskLevel.IMMINENT, level("took a whole bottle of paracetamol an hour ago"));
    }

    @Test
    void theAbbreviationsWithATime() {
        assertAtLeast(RiskLevel.HIGH, "shd in my room 4 days ago and still feel awful");
        assertAtLeast(RiskLevel.HIGH, "sh’d last week for the first time in ages");
        assertAtLeast(RiskLevel.HIGH, "i od'd back in 2021, nobody knows");
        assertAtLeast(RiskLevel.HIGH, "oded again on my sleeping tablets over the summer");
        assertNoPage("shh the baby finally went down an hour ago");
        assertNoPage("that was an odd thing to say yesterday");
    }

    @Test
    void methodThoughtsAndResearchOfAHeight() {
        assertAtLeast(RiskLevel.HIGH, "cant stop thinking about which method would hurt the least");
        assertAtLeast(RiskLevel.HIGH, "no paro de pensar en qué forma dolería menos");
        assertAtLeast(RiskLevel.HIGH, "keep googling how high the multi storey by the station is");
        assertAtLeast(RiskLevel.HIGH, "he buscado la altura del puente de la autopista");
        assertAtLeast(RiskLevel.HIGH, "me paso las noches viendo vídeos de gente que lo hizo con una cuerda y no dejo de pensar en ello");
        assertNoPage("thinking about which tattoo spot hurts the least, maybe the forearm");
        assertNoPage("looked up how tall the bridge is for our trip, the view must be amazing");
    }

    @Test
    void imminentWithoutAMethodWord() {
        assertEquals(RiskLevel.IMMINENT, level("gave my guitar to my cousin and cleared out my room. everything is sorted"));
        assertEquals(RiskLevel.IMMINENT, level("ya sé qué puente y a qué hora no hay vigilante. el sábado"));
        assertEquals(RiskLevel.IMMINENT, level("tengo el cúter aquí. mañana."));
        assertEquals(RiskLevel.IMMINENT, level("me tomé como media tira de las que me dio la psiquiatra, con ron"));
        assertAtLeast(RiskLevel.HIGH, "me he vuelto a golpear con la hebilla del cinturón");
        assertNoPage("gave my old clothes to charity and cleared out my room, moving to the new flat on saturday");
        assertNoPage("tengo las pastillas aquí para la alergia, por si acaso");
        assertNoPage("me volví a pegar con mi hermano por el mando de la tele");
    }
}
