package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The twenty-fifth round's English and Spanish kinds, with the rules alone (entries and blocks marked
 * "round 25 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml}; docs/crisis.md
 * "Twenty-fifth round: English and Spanish"). First imminent told as an act or a scene without a method word
 * (a farm or garden poison drunk, the gas opened and the windows shut, a gun taken to a place with a time or
 * borrowed with a cover story, means ordered with a delivery day, a decision with a holiday as its time, a
 * keepsake given to keep forever, an act and what it already does, logging out of everything); then method
 * thoughts, a relapse with blood, blows to oneself and an afterthought that names it at {@code high}; then
 * everyday lines that must end at a card or nothing. Each test puts a benign look-alike next to the risk
 * lines. Every line is written for this test (none is a line of a labelled set).
 */
class RiskRound25EnEsTest {
    @Test
    void aFarmOrGardenPoisonDrunk() {
        assertEquals(RiskLevel.IMMINENT, level("necked the weedkiller from the shed about 10 mins ago"));
        assertEquals(RiskLevel.IMMINENT, level("me he bebido el glifosato del huerto"));
        assertEquals(RiskLevel.IMMINENT, level("me tragué el insecticida de la granja hace nada"));
        assertNoPage("sprayed the weedkiller round the patio and had a coffee after");
        assertNoPage("eché el herbicida en la finca y me tomé un café con mi padre");
    }

    @Test
    void theGasOpenedAndTheWindowsShut() {
        assertEquals(RiskLevel.IMMINENT, level("dejé el gas abierto y cerré todas las ventanas"));
        assertEquals(RiskLevel.IMMINENT, level("left the gas on. shut all the windows"));
        assertNoPage("cerré las ventanas por el frío y dejé el gas de la estufa encendido");
        assertNoPage("left the gas on for the stew and closed the windows because of the rain");
    }

    @Test
    void aGunTakenToAPlaceWithATimeOrACoverStory() {
        assertEquals(RiskLevel.IMMINENT, level("taking my rifle up to the top field tonight"));
        assertEquals(RiskLevel.IMMINENT, level("got grandad's shotgun, told him it was for the crows. out to the woods tonight"));
        assertEquals(RiskLevel.IMMINENT, level("le pedí la escopeta a mi tío, le dije que era para cazar"));
        assertNoPage("taking the rifle out to the back paddock tonight for the foxes");
        assertNoPage("el sábado me llevo la escopeta al monte, temporada de perdices");
    }

    @Test
    void meansOrderedWithADeliveryDay() {
        assertEquals(RiskLevel.IMMINENT, level("ordered the charcoal online, it arrives on friday"));
        assertEquals(RiskLevel.IMMINENT, level("lo pedí por internet, la cuerda me llega el martes"));
        assertNoPage("ordered a climbing rope online for the gym, arrives saturday");
        assertNoPage("pedí por internet un juego de cuchillos, llega el martes");
    }

    @Test
    void aDecisionWithAHolidayAsItsTime() {
        assertEquals(RiskLevel.IMMINENT, level("i've decided. after christmas day"));
        assertEquals(RiskLevel.IMMINENT, level("está decidido. después de nochevieja"));
        assertNoPage("ya lo decidí: después de navidad me apunto al gimnasio");
        assertNoPage("decided. after new year i'm going vegan");
    }

    @Test
    void aKeepsakeGivenToKeepForever() {
        assertEquals(RiskLevel.IMMINENT, level("le regalé mi medalla a mi primo, pa siempre"));
        assertEquals(RiskLevel.IMMINENT, level("gave my locket to my best mate. it's hers forever"));
        assertNoPage("gave my niece my old locket for her birthday, she'll keep it forever");
    }

    @Test
    void anActAndWhatItAlreadyDoes() {
        assertEquals(RiskLevel.IMMINENT, level("me metí una caja entera de las del botiquín y ya me pesan los ojos"));
        assertEquals(RiskLevel.IMMINENT, level("me tragué una caja entera de las de mi abuela y se me cierran los ojos"));
        assertEquals(RiskLevel.IMMINENT, level("me acabo de meter todo"));
        assertEquals(RiskLevel.IMMINENT, level("i just swallowed everything i had"));
        assertNoPage("me tomé toda la manzanilla y ya me pesan los ojos, buenas noches");
        assertNoPage("took a whole melatonin and my eyes are getting heavy, night all");
        assertNoPage("just took everything to the charity shop, feels good");
    }

    @Test
    void aDecisionMadeAndLoggingOutOfEverything() {
        assertEquals(RiskLevel.IMMINENT, level("it's my decision and it's final"));
        assertEquals(RiskLevel.IMMINENT, level("signing off from every account now"));
        assertEquals(RiskLevel.IMMINENT, level("cierro sesión de todo. gracias"));
        assertNoPage("logging off from everything for a week of detox, back monday");
        assertNoPage("cerrando sesión de todo una semana, desconexión total");
    }

    @Test
    void methodThoughtsAtHigh() {
        assertAtLeast(RiskLevel.HIGH, "keep imagining how i would do it");
        assertAtLeast(RiskLevel.HIGH, "le doy vueltas a cómo me mataría");
        assertAtLeast(RiskLevel.HIGH, "pensando en qué pastillas necesitaría");
        assertNoPage("thinking about how i would do it if i got the job");
        assertNoPage("pienso en cómo lo haría si me dan el trabajo");
    }

    @Test
    void aRelapseWithBloodAtHigh() {
        assertAtLeast(RiskLevel.HIGH, "relapsed tonight. there's blood on the bathroom floor");
        assertAtLeast(RiskLevel.HIGH, "recaí anoche, hay sangre en las sábanas");
        assertNoPage("relapsed on sugar and my blood sugar is through the roof");
        assertNoPage("recaí con el tabaco, y hoy tocaba análisis de sangre");
        assertNoPage("relapsed into biting my nails, there's blood on my cuticles lol");
    }

    @Test
    void blowsToOneselfAtHigh() {
        assertAtLeast(RiskLevel.HIGH, "me estaba dando puñetazos en las piernas");
        assertAtLeast(RiskLevel.HIGH, "llevo un rato dándome cabezazos");
        assertAtLeast(RiskLevel.HIGH, "me golpeé la cabeza contra el armario a propósito");
        assertNoPage("me di un golpe en la cabeza con la puerta del armario");
    }

    @Test
    void anAfterthoughtThatNamesIt() {
        assertAtLeast(RiskLevel.HIGH, "it crossed my mind again on the bus. suicide i mean");
        assertAtLeast(RiskLevel.HIGH, "me vino otra vez en el tren. suicidarme digo");
        assertNoPage("watched it again last night. suicide squad i mean");
    }

    @Test
    void idiomsAndQuietPlansDoNotPage() {
        assertNoPage("got a plan for tomorrow: netflix, takeaway and early night");
        assertNoPage("el plan para el finde: manta, peli y palomitas");
        assertNoPage("gonna jump off this zoom, my tea is ready");
        assertNoPage("me mato a estudiar toda la semana para el examen");
        assertNoPage("esta semana me voy a matar a entrenar");
        assertNoPage("cut my thumb on the chainsaw at the farm today");
        assertNoPage("me corté con el rallador, nada grave");
    }

    @Test
    void safeLinesOfTheKindsStayQuiet() {
        assertNoPage("handed my grandad's old shotgun in to the police amnesty today");
        assertNoPage("entregué la escopeta de mi abuelo en el cuartel");
        assertNoPage("keep the dog's tablets on the top shelf where the kids can't reach");
        assertNoPage("attempted in 2016, now i answer calls on a crisis line twice a week");
        assertNoPage("mi hermano se quitó la vida hace dos años, hoy lo he contado en el grupo de duelo");
        assertNoPage("esta noche lo hago: le pido que se case conmigo");
        assertNoPage("ya está todo listo pa mañana: la mochila, el almuerzo y el uniforme");
    }
}
