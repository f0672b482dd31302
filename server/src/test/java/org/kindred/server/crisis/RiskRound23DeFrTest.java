package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the twenty-third round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 23 de/fr", {@code combos.yaml} "round 23 de/fr"; docs/crisis.md "Twenty-third round: German and
 * French"), with the rules alone, and their look-alikes. Every line is written for this test (none is a
 * line of a labelled set); each test method fails with the rules of 0bed60b.
 */
class RiskRound23DeFrTest {

    @Test
    void aFarewellLetterToAJobAndALastPostForTheNightDoNotPage() {
        assertNoPage("hab heute nen abschiedsbrief an meine alte firma geschrieben, also die kündigung, endlich frei");
        assertNoPage("mein letzter post für heute, muss früh ins bett, bis morgen");
        // a farewell letter to everyone stays a goodbye
        assertEquals(RiskLevel.IMMINENT, level("hab heute meinen abschiedsbrief geschrieben"));
    }

    @Test
    void aHappyBigEveningAndAnEverydayDecisionDoNotPage() {
        assertNoPage("heute abend ist es soweit: umzug in die neue wohnung!!");
        assertNoPage("ich hab mich entschieden: ab morgen kein alkohol mehr");
        // the evening with nothing named stays imminent
        assertEquals(RiskLevel.IMMINENT, level("heute abend ist es soweit"));
    }

    @Test
    void aStateOrAnActDeniedWithAClippedNegationDoesNotPage() {
        assertNoPage("bin nich suizidal, nur müde vom schichtdienst");
        assertNoPage("hab mich nich geritzt, hab stattdessen gemalt");
        // "nich" is no negator of its own: not wanting to live any more stays found
        assertAtLeast(RiskLevel.CONCERN, "will nich mehr leben");
    }

    @Test
    void savedTabletsThrownAwayAndTabletsCountedToBuyMoreDoNotPage() {
        assertNoPage("hab die gehorteten tabletten heute mit meiner ärztin entsorgt");
        assertNoPage("die letzte tablette vom antibiotikum geschluckt, endlich durch");
        assertNoPage("je compte les cachets de doliprane pour savoir s'il faut en racheter");
        // saved tablets kept stay a plan
        assertAtLeast(RiskLevel.HIGH, "hab die tabletten gehortet");
    }

    @Test
    void selfHarmYearsAgoWithCleanYearsIsACardAtMost() {
        assertNoPage("hab mich damals geritzt, ist jetzt 6 jahre her und ich red inzwischen offen drüber");
        assertNoPage("2019 hatte ich ne überdosis, seitdem clean und ich hab grad meinen führerschein");
        assertNoPage("quand j'avais 17 ans je voulais mourir, aujourd'hui j'en ai 40 et je suis heureuse");
    }

    @Test
    void anActJustDoneWithItsEffectOnTheBodyIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("fast alle meine schlaftabletten geschluckt, alles wird so schwummrig"));
        assertEquals(RiskLevel.IMMINENT, level("la plaquette est vide, je sens plus mes jambes"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai gobé une vingtaine de cachets il y a 10 minutes"));
        // an empty box of food: nothing
        assertEquals(null, level("la boîte de céréales est vide, va falloir faire les courses"));
    }

    @Test
    void aWaySeenAndMeansBoughtAndAStockThatIsEnoughAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("j'ai trouvé sur internet comment faire et j'ai acheté ce qu'il faut"));
        assertEquals(RiskLevel.IMMINENT, level("mes somnifères mis de côté depuis cet été, y'en a assez maintenant"));
        assertEquals(RiskLevel.IMMINENT, level("hab die pillen monatelang gesammelt, die liegen jetzt alle in meiner schublade"));
        // a recipe seen: nothing
        assertEquals(null, level("j'ai vu sur youtube comment faire un gâteau"));
    }

    @Test
    void affairsLaidOutNoMoreNewsAndADecidedDayAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab heute mein testament unterschrieben und für den hund alles aufgeschrieben"));
        assertEquals(RiskLevel.IMMINENT, level("morgen hört ihr nichts mehr von mir"));
        assertEquals(RiskLevel.IMMINENT, level("demain vous aurez plus de nouvelles de moi"));
        assertEquals(RiskLevel.IMMINENT, level("morgen ist der tag. hab lange genug durchgehalten"));
        assertEquals(RiskLevel.IMMINENT, level("cette nuit je fais le grand dodo pour de bon"));
        assertEquals(RiskLevel.IMMINENT, level("blute ziemlich heftig, war zu tief und ich will nix dagegen tun"));
        // news tomorrow, a long sleep, a day waited for a console: no page
        assertNoPage("demain vous aurez des nouvelles de moi, je vous raconte le concert");
        assertNoPage("ce soir gros dodo, 12h de sommeil au moins");
        assertNoPage("heute ist der tag, hab lang genug auf die neue konsole gespart");
    }

    @Test
    void methodThoughtsAndResearchWithoutASuicideWordAreHigh() {
        assertAtLeast(RiskLevel.HIGH, "ich stell mir immer wieder vor, wie ich vor den zug springe");
        assertAtLeast(RiskLevel.HIGH, "hab recherchiert, welche höhe reicht");
        assertAtLeast(RiskLevel.HIGH, "hab mir schon ausgemalt welche tabletten ich nehmen würde");
        assertAtLeast(RiskLevel.HIGH, "denk grad oft an sui, glaub ich brauch hilfe");
        assertAtLeast(RiskLevel.HIGH, "j'arrête pas de penser à sauter du pont");
        assertAtLeast(RiskLevel.HIGH, "j'ai regardé sur google quels cachets sont les plus toxiques");
        // the thought denied stays quiet
        assertNoPage("je pense pas à me jeter sous le métro, t'inquiète");
    }

    @Test
    void selfHarmAgainInNewWordsAndAPastOverdoseWithAnAgeAreHigh() {
        assertAtLeast(RiskLevel.HIGH, "rescarifiée hier soir, sur les cuisses");
        assertAtLeast(RiskLevel.HIGH, "je me suis refait du mal ce matin");
        assertAtLeast(RiskLevel.HIGH, "hab mir wieder mit ner nadel die haut aufgestochen");
        assertAtLeast(RiskLevel.HIGH, "überdosis mit 17, keiner weiß davon");
    }

    @Test
    void abuseToldAsActsAndABurdenAreConcern() {
        assertEquals(RiskLevel.CONCERN, level("il a levé la main sur mon petit frère hier soir"));
        assertEquals(RiskLevel.CONCERN, level("je plombe tout le monde avec mes histoires"));
        assertEquals(RiskLevel.CONCERN, level("mes amis me gardent par pitié"));
        assertEquals(RiskLevel.CONCERN, level("die leute in der klasse reden mit mir nur aus mitleid"));
        assertEquals(RiskLevel.CONCERN, level("l'envie de me faire du mal me reprend depuis lundi"));
        assertEquals(RiskLevel.CONCERN, level("si je crève demain tant pis honnêtement"));
        // a raised hand in class, a gloomy weather: nothing
        assertEquals(null, level("mon prof a levé la main pour répondre"));
        assertEquals(null, level("ça plombe l'ambiance ce temps"));
    }
}
