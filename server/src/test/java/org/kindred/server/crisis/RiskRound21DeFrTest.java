package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the twenty-first round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 21 de/fr", {@code combos.yaml} "round 21 de/fr"; docs/crisis.md "Twenty-first round: German and
 * French"), with the rules alone, and their look-alikes. Every line is written for this test (none is a
 * line of a labelled set); each test method fails with the rules of e1d34d8.
 */
class RiskRound21DeFrTest {

    @Test
    void aDayOffTakenForThatIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("j'ai posé mon lundi. pour ça, vous devinez"));
        assertEquals(RiskLevel.IMMINENT, level("hab mir den freitag frei genommen. ihr wisst schon"));
        // a day off for something named stays quiet
        assertNoPage("j'ai posé mon lundi pour le déménagement de ma sœur");
        assertNoPage("hab mir den freitag frei genommen, endlich mal ausschlafen");
    }

    @Test
    void aDateFixedWithADayIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("c'est calé, mardi soir. personne le sait"));
        // a date fixed for an everyday thing stays quiet
        assertNoPage("c'est calé, mardi soir apéro avec les collègues");
    }

    @Test
    void theEndToldOfOneselfThenAFarewellOrForGoodIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("c'est fini pour moi. adieu à vous"));
        assertEquals(RiskLevel.IMMINENT, level("ich mach heute schluss. für immer."));
        // a couple over for good, a habit ended tonight: no page
        assertNoPage("ma copine et moi c'est fini pour de bon, et franchement tant mieux");
        assertNoPage("heute nacht mach ich schluss mit dem zocken, ab morgen wird gelernt");
    }

    @Test
    void anActBegunAndItsEffectAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ça a commencé, je vois flou maintenant"));
        // the effect of a film or a ride without an act begun stays quiet
        assertNoPage("le film a commencé, tout va bien");
    }

    @Test
    void leavingLifeWithATimeIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ich melde mich morgen früh vom leben ab"));
        assertEquals(RiskLevel.IMMINENT, level("demain je me désabonne de la vie"));
    }

    @Test
    void myLastEveningThenTheEndIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("mein letzter abend. danach ist schluss"));
        assertNoPage("letzter abend im urlaub, dann ist schluss mit faulenzen");
    }

    @Test
    void notNeedingThingsAnyMoreWhenGivenAwayIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab meine bücher und den laptop verschenkt, werd ich nicht mehr brauchen"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai donné ma guitare à mon pote, j'en aurai plus l'usage"));
    }

    @Test
    void everydayLastPostsAndReturnsAreNoPage() {
        assertNoPage("c'est mon dernier post avant les partiels, souhaitez-moi bonne chance");
        assertNoPage("wenn ihr das lest bin ich schon im urlaub, bis in zwei wochen");
        assertNoPage("morgen is mein letzter tag im praktikum, dann gehts an die uni");
        // a last post with thanks and adieu still pages
        assertAtLeast(RiskLevel.HIGH, "c'est mon dernier message, merci pour tout, adieu");
    }

    @Test
    void leisureAtABridgeAndToolsForBuildingAreNoPage() {
        assertNoPage("sitz grad an der brücke und angle, herrlich ruhig");
        assertNoPage("seil und flaschenzug liegen bereit, samstag wird das dach gedeckt");
        // at a bridge without leisure stays imminent
        assertEquals(RiskLevel.IMMINENT, level("steh grad auf der brücke"));
    }

    @Test
    void tabletsAsTheDoctorSaidOrAQuestionAnsweredNoAreNoPage() {
        assertNoPage("nehm meine tabletten jetzt wie die ärztin es verschrieben hat, morgens und abends");
        assertNoPage("die psychiaterin hat gefragt ob ich gedanken hab mich umzubringen, ich konnte nein sagen");
        assertNoPage("y a 4 ans je me scarifiais, aujourd'hui je suis infirmière et ça va");
    }
}
