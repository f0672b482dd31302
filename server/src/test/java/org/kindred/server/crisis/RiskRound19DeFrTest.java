package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the nineteenth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 19 de/fr", {@code combos.yaml} "round 19 de/fr"; docs/crisis.md "Nineteenth round: German and
 * French"), with the rules alone, and their look-alikes. Every line is written for this test (none is a
 * line of a labelled set); each test method fails with the rules of 7226cee.
 */
class RiskRound19DeFrTest {

    @Test
    void aLastEveningOfOnesOwnSaidPlainlyIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("voilà, c'est ma dernière nuit."));
        assertEquals(RiskLevel.IMMINENT, level("das ist mein letzter abend."));
        assertEquals(RiskLevel.IMMINENT, level("heute ist meine letzte nacht"));
        // a last evening somewhere, of something, stays everyday
        assertNull(level("c'est mon dernier soir à Lyon, demain je rentre"));
        assertNull(level("c'est mon dernier soir de stage, on fait un pot"));
        assertNull(level("heute ist mein letzter abend im urlaub, morgen gehts heim"));
        assertNull(level("heute ist der letzte abend vom festival"));
    }

    @Test
    void leavingLifeSaidAsSigningOffIsAtLeastHigh() {
        assertAtLeast(RiskLevel.HIGH, "je me désinscris de la vie, voilà");
        assertAtLeast(RiskLevel.HIGH, "ich melde mich vom leben ab");
        assertEquals(RiskLevel.IMMINENT, level("je quitte la vie ce soir"));
        assertNull(level("je me désinscris de la newsletter ce soir"));
    }

    @Test
    void waitingForTheMomentWithTheMeansIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("tabletten liegen hier, ich warte nur bis es dunkel ist"));
        assertEquals(RiskLevel.IMMINENT, level("tabletten liegen hier, warte bis er schläft"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai le couteau avec moi, j'attends que mes colocs soient partis"));
        // waiting without a means is everyday
        assertNull(level("j'attends que mes parents soient couchés pour regarder la série"));
        assertNull(level("warte bis der bus kommt, dann gehts zur arbeit"));
    }

    @Test
    void aNoteLeftWhereItWillBeFoundIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("alles aufgeräumt, der brief liegt auf dem küchentisch."));
        assertEquals(RiskLevel.IMMINENT, level("j'ai mis la lettre sous mon oreiller, maman la trouvera demain"));
        assertNoPage("la lettre de la banque est sur le frigo, je l'ouvrirai demain");
    }

    @Test
    void aDayOffTakenForThatIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab mir urlaub genommen. ihr wisst wofür"));
        assertNull(level("hab mir freitag frei genommen, wir fahren an die see"));
        assertNull(level("j'ai posé un jour de congé lundi pour le déménagement"));
    }

    @Test
    void aGoodbyeForGoodOrWithThanksForTheTimeIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ich verabschiede mich von euch, für immer"));
        assertEquals(RiskLevel.IMMINENT, level("je vous dis adieu. c'était bien de vous connaître"));
        assertNull(level("ich verabschiede mich für heute, bis morgen"));
        assertNull(level("je vous dis au revoir, à la semaine prochaine!"));
    }

    @Test
    void selfHarmWithEverydayObjectsIsHigh() {
        assertEquals(RiskLevel.HIGH, level("hab mir absichtlich mit dem glätteisen den arm verbrannt"));
        assertEquals(RiskLevel.HIGH, level("je me suis blessée exprès avec les ciseaux à ongles"));
        assertEquals(RiskLevel.HIGH, level("zigarette auf dem unterarm ausgedrückt"));
        assertEquals(RiskLevel.HIGH, level("j'ai replongé dans l'automutilation hier"));
        // by accident, or a cigarette in an ashtray, is nothing
        assertNull(level("hab mich aus versehen am glätteisen verbrannt"));
        assertNull(level("je me suis brûlée pas exprès avec le fer à lisser"));
        assertNull(level("zigarette im aschenbecher ausgedrückt"));
    }

    @Test
    void plainWordsOfKillingOneselfAreFound() {
        assertEquals(RiskLevel.HIGH, level("ich töte mich"));
        assertEquals(RiskLevel.IMMINENT, level("je me tuerai ce soir"));
        assertEquals(RiskLevel.HIGH, level("je vais me mettre en l'air"));
        assertNull(level("je tuerais pour un café"));
    }

    @Test
    void aPastAttemptToldInPassingIsHigh() {
        assertEquals(RiskLevel.HIGH, level("l'année dernière j'ai fait une IMV"));
        assertEquals(RiskLevel.HIGH, level("letzten sommer stand ich am geländer, die polizei hat mich runtergeholt"));
        assertNoPage("mon frère a fait une TS");
    }

    @Test
    void recoveryJokesAndBladesThrownAwayPageNobody() {
        assertNoPage("2019 hab ich versucht mich umzubringen, heute hab ich meine ausbildung abgeschlossen");
        assertNull(level("« je vais me tuer » ma mère quand elle a vu la facture mdr"));
        assertNull(level("j'ai jeté la boîte où je gardais mes lames, plus besoin 💪"));
    }

    @Test
    void aMethodPicturedIsHighNotImminent() {
        assertEquals(RiskLevel.HIGH, level("je m'imagine avaler toute la boîte ce soir"));
        // a picture in one sentence does not hold a plan with its time in the next
        assertEquals(RiskLevel.IMMINENT, level("je m'imagine souvent la scène. les cachets sont prêts, c'est ce soir"));
    }

    @Test
    void aloneAtAPlaceOfDangerIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("stehe oben auf dem parkhaus, ganz allein"));
        assertEquals(RiskLevel.IMMINENT, level("je suis sur le toit, toute seule, il fait nuit"));
        assertNull(level("sitz auf dem balkon, allein, mit nem kaffee"));
    }

    @Test
    void pillsWorkingOrALastTimeNobodyKnowsOfIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("die schlaftabletten wirken schon, alles wird so schwer"));
        assertNull(level("die tabletten gegen kopfschmerzen wirken schon"));
        assertEquals(RiskLevel.IMMINENT, level("hab meinen bruder heut umarmt, er ahnt nicht, dass es das letzte mal war"));
        assertEquals(RiskLevel.IMMINENT, level("ab morgen werd ich nicht mehr antworten"));
        assertNull(level("ab morgen werd ich nicht mehr antworten, bin im urlaub ohne netz"));
        assertEquals(RiskLevel.IMMINENT, level("je m'en vais dormir pour toujours. adieu tout le monde"));
    }
}
