package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the twenty-fifth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 25 de/fr", {@code combos.yaml} "round 25 de/fr"; docs/crisis.md "Twenty-fifth round: German and French"),
 * with the rules alone, and their look-alikes. Every line is written for this test (none is a line of a labelled
 * set); each test method fails with the rules of 08b248f.
 */
class RiskRound25DeFrTest {

    @Test
    void swissMeansLaidReadyAndANightDriveToABridgeAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("d'tablette lige scho parat, hüt znacht"));
        assertEquals(RiskLevel.IMMINENT, level("s seil isch scho parat glegt. hüt znacht"));
        assertEquals(RiskLevel.IMMINENT, level("hüt znacht, d'pille sind scho parat"));
        assertEquals(RiskLevel.IMMINENT, level("um 4 fahr ich los, richtung staudamm"));
        assertEquals(RiskLevel.IMMINENT, level("um mitternacht lauf ich zur autobahnbrücke"));
        assertEquals(RiskLevel.IMMINENT, level("vers 2h du mat je prends la bagnole direction le barrage"));
        assertEquals(RiskLevel.IMMINENT, level("à 4h je prends la voiture jusqu'au viaduc"));
        // a swim or a sunrise at the lake: no page
        assertNoPage("um 4 fahr ich los richtung see, zum schwimmen und sonnenaufgang");
        assertNoPage("vers 5h je prends la voiture direction le lac pour le lever du soleil");
    }

    @Test
    void aPlaceWithNobodyAndADecisionBeforeAnyoneWakesAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("bin am stausee. hier is keiner um die uhrzeit"));
        assertEquals(RiskLevel.IMMINENT, level("je suis sur le barrage. y a personne"));
        assertEquals(RiskLevel.IMMINENT, level("morgen früh, bevor jemand wach is, mach ichs"));
        assertEquals(RiskLevel.IMMINENT, level("heut nacht bevor die kinder aufwachen tu ich es"));
        assertEquals(RiskLevel.IMMINENT, level("demain à l'aube avant que mes parents se lèvent, je le fais"));
        assertEquals(RiskLevel.IMMINENT, level("je le fais demain avant que tout le monde se réveille"));
        // pancakes before everyone is up: nothing
        assertNoPage("demain avant que tout le monde se lève je fais les crêpes");
    }

    @Test
    void aConditionEndingInTakingAllAndASureWayNowKnownAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("si il me crie dessus encore ce soir, je prends toute la boîte"));
        assertEquals(RiskLevel.IMMINENT, level("wenn er heut nacht wieder brüllt, schluck ich alles"));
        assertEquals(RiskLevel.IMMINENT, level("hab recherchiert wie mans macht damit es sicher klappt. jetzt weiß ichs"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai cherché comment faire sans me rater. maintenant je sais"));
        // coffee, a sourdough: no page
        assertNoPage("si le bébé dort encore cette nuit, je bois tout le café demain matin");
        assertNoPage("hab recherchiert wie man sauerteig macht damit er sicher klappt. jetzt weiß ichs");
    }

    @Test
    void affairsSettledPeaceMadeAndATherapyNoLongerNeededAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("j'ai remboursé toutes mes dettes et vidé mon compte. voilà c'est fait"));
        assertEquals(RiskLevel.IMMINENT, level("alle schulden bezahlt, wohnung gekündigt. so, das wars"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai demandé pardon à mon père. je suis en paix maintenant, je peux partir"));
        assertEquals(RiskLevel.IMMINENT, level("hab mich bei meiner schwester entschuldigt. jetzt hab ich frieden und kann gehen"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai annulé mon rendez-vous chez le psychiatre, j'en aurai plus besoin"));
        assertEquals(RiskLevel.IMMINENT,
                level("den termin bei meiner therapeutin am montag hab ich abgesagt, brauch ich eh nicht mehr"));
        // chores done, peace with a father and sleep, a dentist no longer needed: no page
        assertNoPage("j'ai rangé ma chambre et fait la vaisselle, voilà c'est bon");
        assertNoPage("hab frieden mit meinem vater geschlossen, jetzt kann ich endlich schlafen");
        assertNoPage("j'ai annulé mon rdv chez le dentiste, plus besoin, la douleur est partie");
        assertNoPage("den zahnarzttermin hab ich abgesagt, brauch ich nicht mehr, der zahn tut nicht mehr weh");
    }

    @Test
    void blowsATreeThatWouldHoldABladeTakenOutAndAPastOverdoseFoundAreHigh() {
        assertAtLeast(RiskLevel.HIGH, "box mich die ganze zeit in den bauch bis es wehtut");
        assertAtLeast(RiskLevel.HIGH, "je me suis donné des coups de poing sur la tête toute la soirée");
        assertAtLeast(RiskLevel.HIGH, "jme mets des claques dans la figure quand ça va pas");
        assertAtLeast(RiskLevel.HIGH, "schau mir ständig äste an ob die mich halten würden");
        assertAtLeast(RiskLevel.HIGH, "je regarde quelle branche serait assez solide pour me tenir");
        assertAtLeast(RiskLevel.HIGH, "j'ai sorti la lame de mon taille-crayon. j'ai recommencé");
        assertAtLeast(RiskLevel.HIGH, "hab die klinge aus dem anspitzer rausgeholt. wieder passiert");
        assertAtLeast(RiskLevel.HIGH, "letztes jahr hab ich tabletten geschluckt, meine mitbewohnerin hat mich gefunden");
        assertAtLeast(RiskLevel.HIGH, "l'année dernière j'ai avalé des somnifères, c'est mon frère qui m'a trouvée");
        // a door, a brother at play, a swing, a hammock, a jammed sharpener, a doctor's appointment: no page
        assertNoPage("hau mir den kopf an der tür angeschlagen, aua");
        assertNoPage("mon frère m'a donné un coup de poing dans le ventre en jouant");
        assertNoPage("hab geschaut welcher ast stark genug für die schaukel is");
        assertNoPage("on a regardé quelle branche serait assez solide pour le hamac");
        assertNoPage("hab den anspitzer zerlegt weil er klemmt");
        assertNoPage("j'ai avalé des cachets pour la migraine, ma soeur m'a trouvé un rdv chez le médecin");
    }

    @Test
    void fineIfItWereOverIsACard() {
        assertEquals(RiskLevel.CONCERN, level("wär mir egal wenns morgen vorbei wär"));
        assertEquals(RiskLevel.CONCERN, level("ce serait un soulagement si tout s'arrêtait"));
        // the rain over: nothing
        assertEquals(null, level("wär echt gut wenns bald vorbei wär mit dem regen"));
    }

    @Test
    void aSideEffectQuestionAKnifeForWorkAndJokesDoNotPage() {
        assertNoPage("hab heut die erste sertralin genommen, mir is schwindlig, ist das normal?");
        assertNoPage("hab grad meine neuen tabletten genommen und bin so benommen, nebenwirkung oder?");
        assertNoPage("j'ai pris mon traitement et j'ai des vertiges, c'est normal au début ?");
        assertNoPage("j'ai un cutter sur moi pour le chantier, je suis plaquiste");
        assertNoPage("toujours un opinel dans la poche pour le boulot, je suis paysagiste");
        assertNoPage("je vais sauter par la fenêtre si le prof nous rajoute un exam lol");
        assertNoPage("ich bring mich um vor lachen über meinen hund");
        assertNoPage("j'ai une TS demain, traduction simultanée pour un colloque");
        assertNoPage("je garde le couteau de mon père, c'est un souvenir");
        // a knife with no work named stays what it was
        assertAtLeast(RiskLevel.HIGH, "j'ai un couteau sur moi, je vais le faire ce soir");
    }

    @Test
    void everydayStartsGoodbyesAndThingsDoNotPage() {
        assertNoPage("morgen um 7 gehts los, hab alles gepackt. strand!!");
        assertNoPage("ich geh jetzt pennen, danke fürs zuhören heute abend");
        assertNoPage("das is mein letzter post vor der auszeit, bis bald");
        assertNoPage("ich hab mich entschieden: heut abend geh ich mit ihr ins kino");
        assertNoPage("hab nen abschiedsbrief an meine essstörung geschrieben, als übung in der therapie");
        assertNoPage("c'est mon dernier message ce soir, à demain tout le monde");
        assertNoPage("j'ai acheté une corde pour attacher le canoë, départ demain");
        assertNoPage("je suis sur le rebord de la fenêtre à regarder les étoiles");
        // a last message with a farewell and no return stays imminent
        assertEquals(RiskLevel.IMMINENT, level("c'est mon dernier message. adieu"));
    }
}
