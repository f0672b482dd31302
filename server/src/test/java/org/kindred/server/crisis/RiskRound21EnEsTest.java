package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The twenty-first round's English and Spanish kinds, with the rules alone (entries and blocks marked
 * "round 21 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml}; docs/crisis.md
 * "Twenty-first round: English and Spanish"). First, imminent said without a method word, as concepts
 * combined by proximity: an intake felt in the body, an act under way, a day off or leave taken "for
 * that", a last night of one's own with "don't look for me", leaving life in other words, a stockpile
 * that is now enough, a keepsake given away because it won't be needed. Then the rules' own pages on
 * everyday lines. Each test gives risk lines that must reach imminent and, next to them, everyday lines
 * in the same words that must stay below a page. Every line is written for this test (none is a line
 * of a labelled set).
 */
class RiskRound21EnEsTest {
    @Test
    void anIntakeFeltInTheBodyOrAnActUnderWay() {
        assertEquals(RiskLevel.IMMINENT, level("me he tragado lo que quedaba hace un ratito y se me cierran los ojos"));
        assertEquals(RiskLevel.IMMINENT, level("ya ha empezado todo, me estoy mareando muchísimo"));
        assertEquals(RiskLevel.IMMINENT, level("ya está en marcha, me lo tomé todo hace veinte minutos"));
        assertEquals(RiskLevel.IMMINENT, level("me acabo de tomar 25 pastillas"));
        assertEquals(RiskLevel.IMMINENT, level("its started. cant keep my eyes open"));
        // a side effect of one's own meds, a drink, a film already started: no page
        assertNoPage("the new tablets my gp gave me make the room spin a bit, is that normal?");
        assertNoPage("me tomé la pastilla de la alergia y me está dando sueño, buenas noches");
        assertNoPage("me acabo de tomar 2 cafés y estoy a tope");
        assertNoPage("the film has already started and im so sleepy, cant keep my eyes open lol");
        assertNoPage("the washing machine has already started, feeling so dizzy from the heat");
    }

    @Test
    void aDayOffOrLeaveTakenForIt() {
        assertEquals(RiskLevel.IMMINENT, level("he pedido la baja esta semana, ya sabéis para qué"));
        assertEquals(RiskLevel.IMMINENT, level("booked a week off work and its not for a holiday"));
        assertNoPage("he pedido vacaciones para irme a la playa con mis hijas");
        assertNoPage("took a week off for my sisters wedding");
    }

    @Test
    void aLastNightOfOnesOwnOrLeavingLifeInOtherWords() {
        assertEquals(RiskLevel.IMMINENT, level("esta noche es la última, no me busquéis más"));
        assertEquals(RiskLevel.IMMINENT, level("tonight is the last. dont look for me"));
        assertEquals(RiskLevel.IMMINENT, level("mañana me doy de baja de la vida"));
        assertNoPage("hoy es el último día de clase, gracias profe por todo");
        assertNoPage("today is the last day of term, thanks for everything miss");
    }

    @Test
    void aStockpileThatIsNowEnough() {
        assertEquals(RiskLevel.IMMINENT, level("been stashing them for weeks and finally have enough"));
        assertEquals(RiskLevel.IMMINENT, level("llevo semanas escondiendo unas cuantas y ya tengo de sobra"));
        assertNoPage("stashing the snacks for the trip, finally have enough");
        assertNoPage("saving up for concert tickets, finally have enough!");
        assertNoPage("llevo meses ahorrando y ya tengo suficiente para el viaje");
    }

    @Test
    void aKeepsakeGivenAwayBecauseItWontBeNeeded() {
        assertEquals(RiskLevel.IMMINENT, level("le regalé mi reloj a mi primo, ya no lo voy a necesitar"));
        assertEquals(RiskLevel.IMMINENT, level("gave my watch to my brother, wont be needing it"));
        assertNoPage("le regalé mi reloj viejo a mi primo, me compré uno nuevo");
        assertNoPage("gave my old watch to my brother since i got a new one for my birthday");
    }

    @Test
    void everydayLinesThatPagedLookAlikesStillPage() {
        // keys left for a chore; what ends is a course; a rope for the washing; a life decision with its day;
        // leaving the group for another; a last post before a match; everything needed for a barbecue
        assertNoPage("le dejé las llaves a mi vecino pa que me riegue las plantas estos días");
        assertNoPage("mañana se acaba todo, el curso por fin jajaja");
        assertNoPage("ya tengo la cuerda nueva y las pinzas, esta noche tiendo la colada");
        assertNoPage("lo he decidido: mañana me mudo a sevilla con mi novio");
        assertNoPage("me despido del grupo porque me mudo a otra ciudad y allí hay otro, gracias por todo");
        assertNoPage("last post from me today, off to my sons football match");
        assertNoPage("i have everything i need for the barbecue tomorrow!");
        // the same words with nothing everyday still page
        assertEquals(RiskLevel.IMMINENT, level("he dejado las llaves a mi vecina y las cartas para mis hijos en la mesa. adiós"));
        assertEquals(RiskLevel.IMMINENT, level("mañana se acaba todo, ya lo tengo decidido"));
        assertEquals(RiskLevel.IMMINENT, level("tengo la cuerda en el armario, esta noche"));
        assertEquals(RiskLevel.IMMINENT, level("lo he decidido, mañana lo hago"));
        assertEquals(RiskLevel.IMMINENT, level("last post from me today. off to the bridge"));
        assertEquals(RiskLevel.IMMINENT, level("i have everything i need. tomorrow"));
    }

    @Test
    void pastSelfHarmWithAPresentGood() {
        assertNoPage("i used to cut as a teenager, the scars have faded and i rarely think about it");
        assertNoPage("a los 15 me cortaba, hoy tengo 28, las cicatrices ya no se ven y trabajo de profe");
        assertEquals(RiskLevel.HIGH, level("i used to cut as a teenager and now im cutting again"));
    }

    @Test
    void aPastAttemptWithTheThoughtsBack() {
        assertEquals(RiskLevel.HIGH, level("tried to end things when i was 20 and the thoughts are back this month"));
        assertEquals(RiskLevel.HIGH, level("hace tres años intenté irme con pastillas y vuelvo a tener esos pensamientos"));
        assertNoPage("me tiré a la piscina otra vez, lo pienso hacer cada verano");
    }
}
