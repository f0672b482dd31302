package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The twenty-fourth round's English and Spanish kinds, with the rules alone (entries and blocks marked
 * "round 24 en/es" in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml}; docs/crisis.md
 * "Twenty-fourth round: English and Spanish"). First imminent told as a scene without a method word (a
 * countdown, an emptied strip, a sealed room and the night, a poison where there is no pest, a goodbye post
 * pinned or scheduled, means taken from work, a gun and nobody around, letters in a named place with a time,
 * the date set, life "unsubscribed", bank codes handed over with "don't ask"); then method research and
 * pictured methods at {@code high}; then everyday lines that paged and must end at a card or nothing. Each
 * test puts a benign look-alike next to the risk lines. Every line is written for this test (none is a line
 * of a labelled set).
 */
class RiskRound24EnEsTest {
    @Test
    void aCountdownThenGone() {
        assertEquals(RiskLevel.IMMINENT, level("3 more hours and then im gone. thank you all"));
        assertEquals(RiskLevel.IMMINENT, level("just a couple more hours then it's all over"));
        assertEquals(RiskLevel.IMMINENT, level("unas horas más y se acaba todo"));
        assertEquals(RiskLevel.IMMINENT, level("un par de horas y ya no estoy, gracias por todo"));
        assertNoPage("2 more hours of this shift then i'm gone, pizza night");
        assertNoPage("dos horas más de clase y me voy a casa");
    }

    @Test
    void aStripAlreadyEmpty() {
        assertEquals(RiskLevel.IMMINENT, level("the strip is already empty, all of them"));
        assertEquals(RiskLevel.IMMINENT, level("la tira ya está vacía, me las tomé"));
        assertNoPage("blister strip is empty, need a refill from the pharmacy tomorrow");
    }

    @Test
    void aSealedRoomAndTheNight() {
        assertEquals(RiskLevel.IMMINENT, level("taped up the windows and put towels under the door. tonight"));
        assertEquals(RiskLevel.IMMINENT, level("ya tapé las ventanas y puse toallas debajo de la puerta, falta que anochezca"));
        assertEquals(RiskLevel.IMMINENT, level("sellé la puerta del baño, cuando caiga la noche"));
        assertNoPage("taped the windows because the storm hits tonight");
        assertNoPage("sellé las ventanas por la tormenta de esta noche");
    }

    @Test
    void aPoisonWhereThereIsNoPest() {
        assertEquals(RiskLevel.IMMINENT, level("bought rat poison today and we dont even have rats"));
        assertEquals(RiskLevel.IMMINENT, level("compré raticida y no tengo ratones ni nada"));
        assertNoPage("compré veneno para ratas porque en el garaje hay ratas");
        assertNoPage("bought rat poison cause we've got rats in the shed");
    }

    @Test
    void aGoodbyePostPinnedOrScheduled() {
        assertEquals(RiskLevel.IMMINENT, level("scheduled my goodbye post for midnight"));
        assertEquals(RiskLevel.IMMINENT, level("dejé programado mi post de despedida"));
        assertEquals(RiskLevel.IMMINENT, level("ya fijé mi mensaje de despedida en el perfil"));
        assertNoPage("pinned the goodbye post for the old forum, see you all on the new server");
    }

    @Test
    void meansTakenFromWorkOrAGunAndNobodyAround() {
        assertEquals(RiskLevel.IMMINENT, level("pocketed some vials of potassium off the ward today"));
        assertEquals(RiskLevel.IMMINENT, level("me traje del trabajo unas ampollas de morfina"));
        assertEquals(RiskLevel.IMMINENT, level("tengo la escopeta de mi padre y estoy sola en casa"));
        assertNoPage("my mum brings insulin home from the pharmacy for my brother");
        assertNoPage("my grandad keeps a shotgun for the farm, nobody around out there");
    }

    @Test
    void lettersInANamedPlaceWithATime() {
        assertEquals(RiskLevel.IMMINENT, level("the envelopes are in the top drawer for mum and dad. tomorrow"));
        assertEquals(RiskLevel.IMMINENT, level("dejé los sobres en la mesita de noche, esta noche"));
        assertEquals(RiskLevel.IMMINENT, level("dejé las cartas en la mesa de la cocina. esta noche es"));
        assertNoPage("left the birthday cards on the kitchen counter for tomorrow");
    }

    @Test
    void theDateSetLifeUnsubscribedBankCodesHandedOver() {
        assertEquals(RiskLevel.IMMINENT, level("date's set. not telling anyone when"));
        assertEquals(RiskLevel.IMMINENT, level("ya está puesta la fecha, no pregunten"));
        assertEquals(RiskLevel.IMMINENT, level("esta noche me doy de baja de la vida"));
        assertEquals(RiskLevel.IMMINENT, level("unsubscribing from life tonight"));
        assertAtLeast(RiskLevel.HIGH, "thinking about cancelling my subscription to life");
        assertEquals(RiskLevel.IMMINENT, level("le di las claves del banco a mi primo y le regalé mis libros. no pregunten"));
        assertNoPage("la fecha está puesta para la boda, ¡qué nervios!");
        assertNoPage("the date is set for the wedding, so excited");
    }

    @Test
    void methodResearchWithoutAMethodWord() {
        assertAtLeast(RiskLevel.HIGH, "googled how much of my sertraline would kill me");
        assertAtLeast(RiskLevel.HIGH, "been on forums about the least painful way");
        assertAtLeast(RiskLevel.HIGH, "busqué cuántas de mis sertralinas hacen falta");
        assertAtLeast(RiskLevel.HIGH, "leo foros sobre la manera menos dolorosa");
        assertNoPage("looked up the least painful way to wax my legs");
        assertNoPage("busqué cuál es la forma menos dolorosa de depilarme las cejas");
        assertNoPage("took my sertraline at 9 like the doc said, small win");
    }

    @Test
    void picturingAMethod() {
        assertAtLeast(RiskLevel.HIGH, "daydreaming about slitting my throat again");
        assertAtLeast(RiskLevel.HIGH, "fantaseando con cortarme el cuello en el baño");
        assertAtLeast(RiskLevel.HIGH, "sueño despierto con tirarme del puente");
        assertNoPage("sueño despierta con saltar en paracaídas este verano");
        assertNoPage("daydreaming about jumping off the diving board on holiday");
    }

    @Test
    void everydayDecisionsFarewellLettersRopesAndPillBoxes() {
        assertNoPage("está decidido, el domingo se acaba mi etapa de fumadora");
        assertNoPage("lo he decidido: el lunes se acaba mi relación con el azúcar");
        assertNoPage("i know how i'm gonna do it now. saturday i'll repaint the hallway");
        assertNoPage("writing a goodbye card for my counsellor who is retiring");
        assertNoPage("le hice una tarjeta de despedida a mi profe porque se jubila");
        assertNoPage("mi hijo me dejó una nota de despedida porque se va de campamento mañana");
        assertNoPage("counted my pills into the dosette for the week, sunday done");
        assertNoPage("bought a rope for the kayak this weekend");
        assertNoPage("compré una cuerda para la tienda de campaña, nos vamos el sábado");
        assertEquals(RiskLevel.IMMINENT, level("bought a rope today. tonight"));
        assertEquals(RiskLevel.IMMINENT, level("lo he decidido. el domingo lo hago"));
    }
}
