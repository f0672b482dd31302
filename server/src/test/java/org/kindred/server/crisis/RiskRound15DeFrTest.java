package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the fifteenth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 15 de/fr", {@code combos.yaml} "round 15 de/fr"; docs/crisis.md "Fifteenth round"), with the
 * rules alone, and their look-alikes. Every line is written for this test (none is a line of a
 * labelled set); each test method fails with the rules of 01e49d0.
 */
class RiskRound15DeFrTest {
    @Test
    void bladesHandedToSomeoneAreGivenUpNotAtHand() {
        assertNull(level("die rasierklingen aus der schublade hab ich heute meiner mutter gegeben, bin stolz"));
        assertNull(level("die klinge in meiner schublade hab ich gestern weggegeben"));
        assertNull(level("les lames dans mon tiroir, je les ai données à ma sœur ce matin"));
        // with a time and no giving away they stay means at hand
        assertEquals(RiskLevel.IMMINENT, level("die klingen liegen in der schublade, heute nacht mach ich es"));
    }

    @Test
    void dialectAndChatFirstPersonInGerman() {
        assertEquals(RiskLevel.IMMINENT, level("i bring mi um heit, is eh wurscht"));
        assertEquals(RiskLevel.HIGH, level("denk oft drüber nach mi umzubringen"));
        assertEquals(RiskLevel.HIGH, level("ich will mich, keine ahnung, wirklich umbringen"));
        assertEquals(RiskLevel.CONCERN, level("mein leben hot koan sinn mehr"));
        assertEquals(RiskLevel.CONCERN, level("der drang zum ritzen is grad voll da"));
        assertNull(level("wenn du mal den drang hast dich zu verletzen, schreib uns"));
        assertNull(level("die arbeit bringt mich heut noch um, so viel stress"));
        assertNull(level("ich will mich, keine ahnung, einfach mal ausruhen"));
    }

    @Test
    void germanGoodbyesAndDecidedDays() {
        assertEquals(RiskLevel.IMMINENT, level("ciao leute, war schön mit euch, machts gut"));
        assertEquals(RiskLevel.IMMINENT, level("is entschieden, am freitag. dann ist endlich ruhe"));
        assertEquals(RiskLevel.IMMINENT, level("vergebt mir bitte. ich hab euch lieb"));
        assertNull(level("tschüss an alle, war schön mit euch heute, bis morgen"));
        assertNull(level("steht fest, an meinem geburtstag gibts party. dann ist endlich ruhe mit dem stress"));
    }

    @Test
    void germanActsInProgressAndPlaces() {
        assertEquals(RiskLevel.IMMINENT, level("hab grad was genommen, mir wird schon komisch"));
        assertEquals(RiskLevel.IMMINENT, level("sitz schon auf der eisenbahnbrücke"));
        assertEquals(RiskLevel.IMMINENT, level("blute grad echt viel und es hört nicht auf"));
        assertEquals(RiskLevel.IMMINENT, level("hab die waffe von meim vater geholt, liegt jetzt unterm bett"));
        assertNull(level("stand heute auf der eisenbahnbrücke und hab fotos vom sonnenuntergang gemacht"));
    }

    @Test
    void frenchConcernWithoutNe() {
        assertEquals(RiskLevel.CONCERN, level("je voudrais juste plus exister"));
        assertEquals(RiskLevel.CONCERN, level("parfois ce serait plus simple si j'étais jamais né"));
        assertEquals(RiskLevel.CONCERN, level("chu pu capable"));
        assertEquals(RiskLevel.CONCERN, level("j'm'en câlisse de vivre"));
        assertEquals(RiskLevel.CONCERN, level("je vois pas comment ça pourrait aller mieux"));
        assertNull(level("jvois pas comment ça marche ce truc"));
        assertNull(level("il y a un an j'avais plus aucun espoir, aujourd'hui je vais bien"));
    }

    @Test
    void frenchActiveThoughtsInSlang() {
        assertEquals(RiskLevel.HIGH, level("j'ai trop envie de me buter"));
        assertEquals(RiskLevel.HIGH, level("envie de me, bref, foutre en l'air"));
        assertNull(level("je vais me buter à ce jeu ce soir mdr"));
    }

    @Test
    void frenchImminentKinds() {
        assertEquals(RiskLevel.IMMINENT, level("j'ai laissé mon chien à mon voisin en disant que c'était pour une semaine. c'est faux"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai vendu ma guitare à un pote, j'en aurai pu besoin"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai écrit des lettres pour mon frère et mon père, elles sont sous mon oreiller"));
        assertEquals(RiskLevel.IMMINENT, level("c'est décidé, samedi soir. je voulais juste que quelqu'un le sache"));
        assertEquals(RiskLevel.IMMINENT, level("jsuis au bord de la falaise"));
        assertEquals(RiskLevel.IMMINENT, level("je viens d'avaler toutes mes pilules"));
        assertEquals(RiskLevel.IMMINENT, level("merci pour tout, vous allez me manquer"));
        assertNull(level("c'est décidé, vendredi après le taf on va au ciné"));
        assertNull(level("j'ai laissé mon chien à mon voisin pour une semaine, je pars en vacances"));
        assertNull(level("merci pour tout, à demain les gars"));
    }

    @Test
    void germanEverydayConcern() {
        assertEquals(RiskLevel.CONCERN, level("manchmal hoff ich abends nicht mehr aufzuwachen"));
        assertEquals(RiskLevel.CONCERN, level("meine freunde wären ohne mich echt besser dran"));
        assertEquals(RiskLevel.CONCERN, level("bin doch nur ne last für meine eltern"));
        assertEquals(RiskLevel.CONCERN, level("seit der kündigung fühl ich gar nix mehr"));
        assertEquals(RiskLevel.CONCERN, level("der tod wär irgendwie ne erlösung"));
        assertEquals(RiskLevel.CONCERN, level("mei vater hot mi wieder mim gürtl ghaut"));
        assertNull(level("der film hat mich echt umgehauen"));
        assertNull(level("ohne mich wär die party besser dran gewesen, war echt müde lol"));
    }

    @Test
    void frenchEverydayConcern() {
        assertEquals(RiskLevel.CONCERN, level("des fois j'aimerais m'endormir et pas me réveiller"));
        assertEquals(RiskLevel.CONCERN, level("jsuis un boulet pour ma famille"));
        assertEquals(RiskLevel.CONCERN, level("jressens plus rien depuis des semaines"));
        assertEquals(RiskLevel.CONCERN, level("je m'en veux d'exister"));
        assertEquals(RiskLevel.CONCERN, level("mon copain m'a encore poussée hier soir"));
        assertEquals(RiskLevel.CONCERN, level("plus goût à rien, même au foot"));
        assertNull(level("ton message me touche beaucoup, merci"));
        assertNull(level("j'aimerais m'endormir tôt ce soir, grosse journée demain"));
    }

    @Test
    void highKindsInBothLanguages() {
        assertEquals(RiskLevel.HIGH, level("denk echt oft drüber nach mich vor den zug zu werfen"));
        assertEquals(RiskLevel.HIGH, level("hab mir gestern mit absicht den arm verbrüht"));
        assertEquals(RiskLevel.HIGH, level("wie hoch muss ein dach sein damit man nicht überlebt"));
        assertEquals(RiskLevel.HIGH, level("hab's vor drei jahren schon mal versucht, jetzt kommt alles wieder"));
        assertEquals(RiskLevel.HIGH, level("à partir de quel étage on survit pas au juste"));
        assertEquals(RiskLevel.HIGH, level("ça me démange d'en finir depuis lundi"));
        assertEquals(RiskLevel.HIGH, level("jme frappe la tête contre le mur quand ça va pas"));
        assertEquals(RiskLevel.HIGH, level("ma première ts c'était au lycée et j'y pense encore"));
        assertNull(level("wie hoch muss ein zaun sein damit der hund nicht drüber springt"));
        assertNull(level("j'ai tellement de taf que jvais crever lol"));
    }

    @Test
    void supportTalkQuotedWordsAndRecoveryStayQuiet() {
        assertNull(level("wenn jemand hier schreibt dass er sich ritzt, bitte zuhören statt urteilen"));
        assertNull(level("erste woche ohne selbstverletzung, bin stolz"));
        assertNull(level("si tu penses au suicide, parle-nous, on est là"));
        assertNull(level("après la thérapie je peux dire que j'ai plus envie de mourir"));
        assertNull(level("je me suis coupée en épluchant les carottes, ça saigne un peu"));
        assertEquals(RiskLevel.HIGH, level("je pense au suicide tous les jours"));
    }

    @Test
    void savedMeansNowAtHandOrWhenTheHouseSleeps() {
        assertEquals(RiskLevel.IMMINENT, level("hab seit wochen tabletten gesammelt, jetzt liegen sie vor mir"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai mis mes cachets sur le bureau, j'attends que tout le monde dorme"));
        assertEquals(RiskLevel.IMMINENT, level("ça fait un mois que je mets de côté ma morphine, j'en ai assez maintenant"));
        assertEquals(RiskLevel.IMMINENT, level("jsais où et quand, c'est décidé"));
        assertNull(level("hab seit wochen briefmarken gesammelt, jetzt liegen sie vor mir"));
        assertNull(level("je sais où et quand on se retrouve pour le ciné"));
    }
}
