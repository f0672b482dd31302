package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the twenty-second round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 22 de/fr", {@code combos.yaml} "round 22 de/fr"; docs/crisis.md "Twenty-second round: German and
 * French"), with the rules alone, and their look-alikes. Every line is written for this test (none is a
 * line of a labelled set); each test method fails with the rules of 736f411.
 */
class RiskRound22DeFrTest {

    @Test
    void aDecisionAboutAnEverydayThingWithATimeDoesNotPage() {
        assertNoPage("c'est décidé, ce soir je cuisine des légumes et au lit tôt");
        assertNoPage("ich hab mich entschieden: heute abend nur noch sofa und netflix");
        // a decision with a time and nothing named stays imminent
        assertEquals(RiskLevel.IMMINENT, level("ich hab mich entschieden. morgen abend."));
        assertEquals(RiskLevel.IMMINENT, level("c'est décidé, demain soir."));
    }

    @Test
    void enoughForTodayAndTheEndOfANamedThingDoNotPage() {
        assertNoPage("für heute ist schluss, ich geh pennen");
        assertNoPage("demain soir c'est fini pour les travaux, enfin");
        // the end of oneself with a time stays imminent
        assertEquals(RiskLevel.IMMINENT, level("demain soir c'est fini pour moi"));
    }

    @Test
    void anAbsenceWithAJourneyDoesNotPage() {
        assertNoPage("demain je serai plus là, je pars en voyage scolaire avec mes élèves");
        assertNoPage("je suis sur le quai, mon train part dans 10 min, à ce soir");
        // no longer here by a time without a journey, the next train at the platform: imminent
        assertEquals(RiskLevel.IMMINENT, level("demain je serai plus là"));
        assertEquals(RiskLevel.IMMINENT, level("je suis sur le quai, le prochain train passe dans 3 min"));
    }

    @Test
    void medicineTakenToTheEndOfACourseDoesNotPage() {
        assertNoPage("hab grad die letzten tabletten vom antibiotikum genommen, endlich gesund");
        assertNoPage("ich halt die tabletten in der hand und weiß nicht mehr ob ich die heute schon genommen hab");
        // all the tablets taken just now stays imminent
        assertEquals(RiskLevel.IMMINENT, level("hab grad alle tabletten genommen"));
    }

    @Test
    void theNewsAboutSuicidesWithAnElidedArticleDoesNotPage() {
        assertNoPage("l'actu sur les suicides des ados, ça me fait penser à ma cousine, je l'appelle samedi");
    }

    @Test
    void whatOneNeedsGotWithItsOrdinaryPurposeDeniedIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab im baumarkt geholt was ich brauche. nicht zum heimwerken"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai acheté ce dont j'ai besoin à la quincaillerie. pas pour le bricolage"));
        // a purpose named, not denied: no page
        assertNoPage("hab im baumarkt geholt was ich brauche für die terrasse");
    }

    @Test
    void aTrainThatPassesLookedUpIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab nachgesehen wann der güterzug durchfährt. jetzt weiß ich es"));
        // a train looked up to photograph it: no page
        assertNoPage("hab nachgeschaut wann der güterzug durchfährt, will ihn fotografieren");
    }

    @Test
    void aStockpileThatWillSoonBeEnoughIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ma boîte à chaussures est pleine de cachets, bientôt ça suffira"));
        assertEquals(RiskLevel.IMMINENT, level("ich hab nen schuhkarton voller tabletten, bald reicht es"));
    }

    @Test
    void selfHarmWithNewObjectsAndWordsIsHigh() {
        assertAtLeast(RiskLevel.HIGH, "j'ai arraché mes croûtes exprès jusqu'au sang");
        assertAtLeast(RiskLevel.HIGH, "hab mir heißes wasser über den arm laufen lassen bis es blasen gab");
        assertAtLeast(RiskLevel.HIGH, "je me suis griffé le bras avec un éclat de verre");
    }

    @Test
    void intensiveCareAndTheThoughtsBackIsHigh() {
        assertAtLeast(RiskLevel.HIGH, "2 jours en réa l'année dernière. et là ça revient");
        assertAtLeast(RiskLevel.HIGH, "war 3 tage auf der intensiv letztes jahr. die gedanken kommen wieder");
    }

    @Test
    void aSlapAtHomeAndWishingToJoinADeadGrandparentAreConcern() {
        assertEquals(RiskLevel.CONCERN, level("meine mutter hat mir gestern eine geknallt"));
        assertEquals(RiskLevel.CONCERN, level("ich möchte einfach zu meiner oma, die letzten winter gestorben ist"));
        assertEquals(RiskLevel.CONCERN, level("j'aimerais rejoindre mamie, elle est décédée en mai"));
        // visiting a living grandmother: nothing
        assertEquals(null, level("ich will am wochenende zu meiner oma, sie backt kuchen"));
    }
}
