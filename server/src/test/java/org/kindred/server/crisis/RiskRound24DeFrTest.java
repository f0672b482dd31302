package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the twenty-fourth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 24 de/fr", {@code combos.yaml} "round 24 de/fr", the German stem "kill" of {@code masked-forms.yaml};
 * docs/crisis.md "Twenty-fourth round: German and French"), with the rules alone, and their look-alikes. Every
 * line is written for this test (none is a line of a labelled set); each test method fails with the rules of
 * 535f2e9.
 */
class RiskRound24DeFrTest {

    @Test
    void goingToTheWaterAndNotComingBackIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("fahr heut nacht an den rhein und komm nicht mehr zurück"));
        assertEquals(RiskLevel.IMMINENT, level("lauf jetzt zur brücke und kehr nie wieder heim"));
        // back in the evening: nothing
        assertNoPage("geh gleich an den see, komm erst abends zurück");
    }

    @Test
    void aCountdownOrAnHourThatEndsTheMessageIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("noch 3 stunden und dann bin ich erlöst"));
        assertEquals(RiskLevel.IMMINENT, level("noch zwanzig minuten, dann ist es vorbei"));
        assertEquals(RiskLevel.IMMINENT, level("um mitternacht, dann is endlich ruhe"));
        assertEquals(RiskLevel.IMMINENT, level("mitternacht. dann ist endlich ruhe"));
        assertEquals(RiskLevel.IMMINENT, level("le compte à rebours est lancé"));
        assertEquals(RiskLevel.IMMINENT, level("tout est prêt. je suis prête, le décompte a commencé"));
        assertEquals(RiskLevel.IMMINENT, level("encore trois heures et je serai plus là"));
        assertEquals(RiskLevel.IMMINENT, level("à 3h du mat. après ce sera fini"));
        // the end of a shift, a goodbye for the night, a wedding, a holiday: no page
        assertNoPage("noch 20 minuten dann hab ich feierabend");
        assertNoPage("noch 2 stunden dann bin ich weg, bis morgen leute");
        assertNoPage("le compte à rebours a commencé pour le mariage de ma soeur");
        assertNoPage("encore 2 heures et je serai plus là, je pars en vacances");
        assertNoPage("la fête des voisins finit à 2h, après ce sera le calme");
    }

    @Test
    void everyoneAsleepAndNowIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("meine eltern pennen endlich, jetzt oder nie"));
        assertEquals(RiskLevel.IMMINENT, level("meine eltern pennen endlich. jetzt oder nie"));
        assertEquals(RiskLevel.IMMINENT, level("mes parents dorment enfin, c'est le moment"));
        assertEquals(RiskLevel.IMMINENT, level("la maison dort. c'est le moment"));
        // a game or a series once everyone sleeps: no page
        assertNoPage("meine eltern schlafen endlich, jetzt kann ich in ruhe zocken");
        assertNoPage("alle schlafen endlich. jetzt oder nie, netflix marathon");
        assertNoPage("tout le monde dort enfin, c'est maintenant que je peux regarder ma série");
    }

    @Test
    void lettersInADrawerWithTonightAndThingsGivenAwayAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("der brief liegt in der schublade, heute nacht"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai écrit une lettre, elle est dans mon tiroir. c'est pour ce soir"));
        assertEquals(RiskLevel.IMMINENT, level("meine kamera kannst du haben, die brauch ich ab freitag nicht mehr"));
        // a letter to read or to send, a coat not needed in spring: no page
        assertNoPage("der brief von oma liegt in der schublade, heute abend lese ich ihn");
        assertNoPage("j'ai laissé une lettre de motivation dans le tiroir, je l'envoie ce soir");
        assertNoPage("die winterjacke brauch ich ab märz nicht mehr");
    }

    @Test
    void medicinesKeptInsteadOfTakenWithTheirCountAreImminent() {
        assertEquals(RiskLevel.IMMINENT,
                level("hab meine schlaftabletten nicht genommen sondern gesammelt, sind jetzt 40 stück"));
        assertEquals(RiskLevel.IMMINENT, level("nicht genommen sondern gebunkert. hab jetzt 60"));
        assertEquals(RiskLevel.IMMINENT,
                level("mes antidépresseurs, au lieu de les prendre je les garde, j'en ai 60 maintenant"));
        // tablets counted for the prescription: no page
        assertNoPage("je compte mes cachets pour l'ordonnance, j'en ai 30");
    }

    @Test
    void aHeightLookedUpAndAJumpPicturedAreHigh() {
        assertAtLeast(RiskLevel.HIGH, "hab recherchiert aus welchem stockwerk man garantiert nicht überlebt");
        assertAtLeast(RiskLevel.HIGH, "j'ai regardé à partir de quel étage on meurt à coup sûr");
        assertAtLeast(RiskLevel.HIGH, "je m'imagine tout le temps me jeter du toit de mon immeuble");
        assertAtLeast(RiskLevel.HIGH, "j'arrête pas de m'imaginer tomber de la fenêtre");
        // a jump as a sport: no page
        assertNoPage("hab gegoogelt ab welcher höhe man bungeespringen darf");
        assertNoPage("je m'imagine sauter à l'élastique cet été");
    }

    @Test
    void selfHarmInFrenchSlangAndAMaskedWishToKillOneselfAreHigh() {
        assertAtLeast(RiskLevel.HIGH, "je me suis encore fait des coupures sur les cuisses hier soir");
        assertAtLeast(RiskLevel.HIGH, "jme brule avec le briquet tous les soirs");
        assertAtLeast(RiskLevel.HIGH, "je me brûle avec des clopes quand ça va pas");
        assertAtLeast(RiskLevel.HIGH, "je me mords les poignets jusqu'au sang quand je stresse");
        assertAtLeast(RiskLevel.HIGH, "will mich endlich einfach nur umbringen");
        assertAtLeast(RiskLevel.HIGH, "ich will mich einfach nur noch k*llen, sorry");
        // an accident with a straightener, a cat's bite: no page
        assertNoPage("je me suis brûlée avec le fer à lisser ce matin, aïe");
        assertNoPage("mon chat m'a mordu la main jusqu'au sang");
    }

    @Test
    void notWakingUpOrAnIllnessWishedForIsACard() {
        assertEquals(RiskLevel.CONCERN, level("si je me fais renverser par un bus demain ça me dérangerait pas"));
        assertEquals(RiskLevel.CONCERN, level("si j'attrape une maladie grave ce serait un soulagement"));
        assertEquals(RiskLevel.CONCERN, level("wenn ich heute nacht einfach nicht mehr aufwache, wär das okay"));
        assertEquals(RiskLevel.CONCERN, level("wenn ich morgens nich mehr aufwachen würde wär mir das egal"));
        // late for work: nothing
        assertEquals(null, level("wenn ich morgen nicht aufwache bin ich zu spät bei der arbeit"));
    }

    @Test
    void aShavingCutAJokeTakenBackAndEverydayDecisionsDoNotPage() {
        assertNoPage("hab mich beim rasieren am hals geschnitten, blutet wie sau");
        assertNoPage("mit dem rasiermesser am kinn geschnitten, aua");
        assertNoPage("das ich spring gleich aus dem fenster war nur ein witz, die klausur war einfach schlimm");
        assertNoPage("steht fest: ab montag bewerbe ich mich überall");
        assertNoPage("ab nächster woche wieder vegan");
        assertNoPage("hab mich entschieden, morgen kündige ich meinen handyvertrag");
        assertNoPage("c'est décidé, demain j'arrête les sodas");
        assertNoPage("c'est décidé, lundi je démissionne");
        assertNoPage("j'ai mangé tout le paquet de bonbons 😂");
        assertNoPage("j'ai pris toute la boîte de biscuits, oups");
        // a decision with a day and nothing everyday named stays imminent
        assertEquals(RiskLevel.IMMINENT, level("hab mich entschieden. übermorgen."));
    }
}
