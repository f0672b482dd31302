package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the twentieth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 20 de/fr", {@code combos.yaml} "round 20 de/fr"; docs/crisis.md "Twentieth round: German and
 * French"), with the rules alone, and their look-alikes. Every line is written for this test (none is a
 * line of a labelled set); each test method fails with the rules of eb8aab2.
 */
class RiskRound20DeFrTest {

    @Test
    void aPastWishWithAPresentGoodInOtherWordsIsNoPage() {
        assertNoPage("il y a 4 ans je voulais en finir. maintenant je me marie au printemps");
        assertNoPage("vor 6 jahren hab ich versucht mich umzubringen. heute bin ich verheiratet und hab zwei kinder");
        assertNoPage("2020 hab ich gedacht ich will sterben, heute bin ich verheiratet und glücklich");
        // the same wish said now still pages
        assertAtLeast(RiskLevel.HIGH, "je veux en finir, je n'en peux plus");
        assertAtLeast(RiskLevel.HIGH, "ich will sterben, ich kann nicht mehr");
    }

    @Test
    void aHabitQuitFromADayOnIsNoPlan() {
        assertNoPage("c'est décidé : dès demain j'arrête les sodas, soutenez-moi");
        assertNoPage("c'est fini entre moi et le chocolat, j'arrête tout à partir de demain");
        assertNoPage("ich hab mich entschieden: ab morgen hör ich auf zu rauchen");
        // a decision and a time of one's own without a habit stays imminent
        assertEquals(RiskLevel.IMMINENT, level("c'est décidé, demain je me tue"));
    }

    @Test
    void goodbyesToThePeopleOfAPlaceOneLeavesAreNoFarewell() {
        assertNoPage("j'ai fait mes adieux à mes élèves aujourd'hui, je change d'école en septembre");
        assertEquals(RiskLevel.IMMINENT, level("j'ai fait mes adieux, ce soir c'est la fin"));
    }

    @Test
    void someoneElseAlmostKillingMeIsAnIdiom() {
        assertNoPage("mon père a failli me tuer quand il a vu la rayure sur la voiture 😅");
        assertAtLeast(RiskLevel.HIGH, "j'ai envie de me tuer");
    }

    @Test
    void aCutWhileDoingSomethingOrdinaryIsNoSelfHarm() {
        assertNoPage("je me suis coupée avec le cutter en déballant le colis");
        assertAtLeast(RiskLevel.HIGH, "je me suis coupé avec le rasoir hier soir, exprès");
    }

    @Test
    void aThoughtDeniedWithNichIsNoPage() {
        assertNoPage("ich denk nich mehr ans sterben, mir gehts besser");
        assertAtLeast(RiskLevel.HIGH, "ich denk dauernd ans sterben");
    }

    @Test
    void thingsKeptForLeisureOrTakenBackAreNoPlan() {
        assertNoPage("hab immer ein messer dabei fürs picknick");
        assertNoPage("je garde toujours un couteau dans mon sac pour les pique-niques");
        assertNoPage("hab gestern die übrigen schlaftabletten zur apotheke zurückgebracht, brauch sie nicht mehr, schlaf wieder durch");
        // a knife kept at hand without leisure is still a plan
        assertAtLeast(RiskLevel.HIGH, "je garde toujours un couteau dans mon sac");
    }

    @Test
    void neverWouldICutAgainIsNoSelfHarm() {
        assertNoPage("jamais je me couperais à nouveau, c'est fini tout ça");
        assertAtLeast(RiskLevel.HIGH, "je me suis coupée encore hier");
    }

    @Test
    void thingsGivenAwayThatOneWontNeedAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab meine pflanzen und die konsole verteilt, brauch die nich mehr"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai filé mes bijoux à ma cousine, elle en aura plus besoin que moi"));
        // given away for a move: everyday
        assertNoPage("hab die pflanzen verteilt weil ich umziehe, brauch die nich mehr in der neuen wohnung");
    }

    @Test
    void aDoseReadUpAndEnoughAtHandIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab nachgeschaut wie viel man braucht, hab jetzt genug zusammen"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai cherché combien il en faudrait, y en a assez dans l'armoire"));
        assertNull(level("hab nachgeschaut wie viel mehl man für den kuchen braucht, hab genug zuhause"));
    }

    @Test
    void thatWasItFromMeWithThanksIsAGoodbye() {
        assertEquals(RiskLevel.IMMINENT, level("das wars von mir. danke dass ihr da wart"));
        // the end of a post for the day
        assertNull(level("das wars von mir für heute, danke dass ihr da wart, gute nacht"));
    }

    @Test
    void somethingTakenAShortWhileAgoWithItsEffectIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("j'ai avalé ce que j'ai trouvé dans l'armoire y a une heure, j'ai la tête qui tourne"));
        assertEquals(RiskLevel.IMMINENT, level("hab vor ner stunde was aus dem schrank geschluckt, mir is schwindlig"));
        assertNull(level("j'ai pris un sirop y a une heure, j'ai la tête qui tourne, la grippe quoi"));
    }
}
