package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assess;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the seventeenth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 17 de/fr", {@code combos.yaml} "round 17 de/fr"; docs/crisis.md "Seventeenth round: German and
 * French"), with the rules alone, and their look-alikes. Every line is written for this test (none is a
 * line of a labelled set); each test method fails with the rules of ca9fa50.
 */
class RiskRound17DeFrTest {
    @Test
    void thingsThatDieGamesAndBreaksWithAReturnStayQuiet() {
        assertNull(level("sorry, mein akku war komplett tot, bin jetzt wieder on"));
        assertNull(level("in fortnite heut abend 20 mal gestorben, ich will sterben haha"));
        assertNull(level("ich verabschied mich in den urlaub, passt auf euch auf, bin in zwei wochen zurück"));
        // one's own words stay what they were
        assertEquals(RiskLevel.HIGH, level("ich will sterben, echt jetzt"));
    }

    @Test
    void someoneElsesWordsInDirectSpeechStayQuiet() {
        assertNull(level("meine schwester so \"ich bring mich um\" weil ihr handy runtergefallen is"));
        assertNull(level("\"ich will sterben\" hat meine tochter gejammert als sie aufräumen sollte"));
        assertFalse(assess("früher dachte ich ich bin für alle ne last, heute seh ich das anders").escalates());
    }

    @Test
    void frenchHoursAndLentKnivesStayQuiet() {
        assertNull(level("mon bus passe à 5h, je me lève tous les jours trop tôt"));
        assertNull(level("mon voisin m'a prêté son opinel pour la rando de samedi"));
        // self-harm told in the chat abbreviation still counts
        assertFalse(level("j'ai encore fait du sh hier soir") == null);
    }

    @Test
    void frenchRecoveryToldWithYearsOfBeingWellIsACardAtMost() {
        for (String line : new String[] {
                "je me suis coupée ado, ça fait 6 ans que j'ai arrêté, courage à vous",
                "il y a trois ans j'ai fait une TS, aujourd'hui je fête mes 25 ans entourée",
                "j'ai eu des idées noires il y a longtemps, ça va bien maintenant"}) {
            RiskLevel l = level(line);
            assertFalse(l == RiskLevel.HIGH || l == RiskLevel.IMMINENT, line);
        }
    }

    @Test
    void researchWithEnoughMeansAtHandIsImminent() {
        assertEquals(RiskLevel.IMMINENT,
                level("hab nachgelesen wie viele tabletten man braucht und hab mehr als genug da"));
        assertEquals(RiskLevel.IMMINENT,
                level("j'ai regardé combien de cachets il faut et j'en ai largement dans ma chambre"));
        // research alone stays high (the project's decision), and a diet question is nothing
        assertEquals(RiskLevel.HIGH, level("hab gegoogelt wie viele schlaftabletten tödlich sind"));
        assertNull(level("hab nachgeguckt wie viele stühle wir brauchen, hab genug da"));
    }

    @Test
    void possessionsGivenAwayForWhereOneIsGoingAreImminent() {
        assertEquals(RiskLevel.IMMINENT,
                level("hab meiner besten freundin meine gitarre geschenkt, brauch ich eh nicht mehr"));
        assertEquals(RiskLevel.IMMINENT,
                level("hab meiner cousine meine kette gegeben, wo ich hingehe brauch ich die nicht"));
        // outgrown or sorted-out things are decluttering
        assertNull(level("hab meiner nichte meine alten klamotten geschenkt, brauch ich eh nicht mehr"));
        assertNull(level("beim ausmisten meine kamera verschenkt, brauch ich eh nicht mehr"));
    }

    @Test
    void overSoonInChatFormsIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("nachher is alles vorbei, danke für alles"));
        assertEquals(RiskLevel.IMMINENT, level("dans quelques heures ce sera fini pour moi"));
        // an exam or a shift that ends is nothing
        assertNull(level("gleich is die prüfung vorbei, dann erstmal pizza"));
    }

    @Test
    void theConcernHighBorderInGerman() {
        assertEquals(RiskLevel.HIGH, level("ich würd mich am liebsten suizidieren"));
        assertEquals(RiskLevel.HIGH, level("kann nur noch an den tod denken seit wochen"));
        assertEquals(RiskLevel.HIGH, level("ich stell mir ständig vor alle tabletten aus dem schrank zu nehmen"));
        assertEquals(RiskLevel.HIGH, level("ich seh mich jede nacht von der brücke springen"));
        assertEquals(RiskLevel.HIGH, level("bin nach meinem versuch letzten winter nie richtig zurückgekommen"));
        assertEquals(RiskLevel.HIGH, level("hab heute wieder geritzt"));
        // look-alikes
        assertNull(level("hab unsere initialen in die bank geritzt"));
        assertNull(level("ich seh mich schon im freibad vom dreier springen"));
        assertNull(level("ich würd mich nie suizidieren, keine sorge"));
    }

    @Test
    void theConcernHighBorderInFrench() {
        assertEquals(RiskLevel.HIGH, level("j'arrête pas de penser à mourir ces jours-ci"));
        assertEquals(RiskLevel.HIGH, level("je peux pas m'empêcher de penser à me tuer"));
        assertEquals(RiskLevel.HIGH, level("j'ai trop envie de m'foutre en l'air en ce moment"));
        assertEquals(RiskLevel.HIGH, level("j'imagine prendre toutes mes gélules d'un coup"));
        assertEquals(RiskLevel.HIGH, level("j'ai tenté de me noyer l'été dernier et personne le sait"));
        assertEquals(RiskLevel.HIGH, level("j'ai fait une od cet hiver et j'en parle à personne"));
        assertEquals(RiskLevel.HIGH, level("je me suis griffée les cuisses jusqu'au sang hier"));
        // look-alikes
        assertNull(level("mon chat m'a griffé le bras jusqu'au sang ce matin"));
        assertNull(level("j'arrête pas de penser à mes vacances"));
        assertEquals(RiskCategory.ATTEMPT, assess("j'ai fait une od cet hiver").categories().iterator().next());
    }

    @Test
    void meansShutInEmptiedOrGatheredAndFarewellsForWhereOneIsGoingAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("hab mich im keller eingeschlossen, das messer hab ich dabei"));
        assertEquals(RiskLevel.IMMINENT, level("je me suis enfermé dans ma chambre avec tous mes médocs"));
        assertEquals(RiskLevel.IMMINENT, level("hab grad die zweite tablettenpackung leergemacht"));
        assertEquals(RiskLevel.IMMINENT, level("schlaftabletten in drei verschiedenen apotheken geholt, damit keiner fragt"));
        assertEquals(RiskLevel.IMMINENT, level("ma lettre est écrite, les cachets sont prêts, ce sera dimanche"));
        assertEquals(RiskLevel.IMMINENT, level("merci pour tout, là où je vais j'aurai plus mal"));
        assertEquals(RiskLevel.IMMINENT, level("jvais m'pendre demain, c'est tout"));
        // look-alikes: shut out, a pack of crisps, a shortage, a holiday
        assertNull(level("hab die chipspackung leergemacht, sorry not sorry"));
        assertNull(level("paracetamol war in mehreren apotheken ausverkauft"));
        assertNull(level("merci pour tout, là où je vais en vacances y a pas de réseau"));
    }

    @Test
    void theEnglishAdjectiveCuteInGermanIsNoCutting() {
        assertNull(level("guck mal die cuten welpen"));
        assertNull(level("hab die fotos gesehen, so cute wieder"));
        assertEquals(RiskLevel.HIGH, level("ich cutte wieder seit letzter woche"));
        assertEquals(RiskLevel.HIGH, level("musste mich gestern wieder cutten"));
    }
}
