package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the thirteenth round (blind set 10's misses, {@code rules/de.yaml} and
 * {@code rules/fr.yaml} "round 13 de/fr", {@code combos.yaml} "round 13 de/fr" and the French subject
 * reading of {@link Tokenizer}), with the rules alone, and their look-alikes. Every line is written for
 * this test (none is a line of a labelled set).
 */
class RiskRound13DeFrTest {
    @Test
    void frenchSubjectGluedToTheVerbIsRead() {
        assertEquals("reviens", Tokenizer.frenchSubjectDropped("jreviens"));
        assertEquals("me", Tokenizer.frenchSubjectDropped("jme"));
        assertNull(Tokenizer.frenchSubjectDropped("jamais"), "a vowel after j: a word of its own");
        assertNull(Tokenizer.frenchSubjectDropped("jetzt"));
        assertNull(Tokenizer.frenchSubjectDropped("jk"), "too short");
        assertEquals(RiskLevel.HIGH, level("jveux m'unalive sérieux"));
        assertEquals(RiskLevel.IMMINENT, level("jreviens pas, j'ai donné mon chien à mon cousin hier"));
        assertEquals(RiskLevel.CONCERN, level("jdérange tout le monde, ils en ont marre de moi"));
        assertNull(level("jpense que jvais rentrer tôt ce soir"));
        assertNull(level("jmd lust auf kino heute"));
    }

    @Test
    void germanColloquialWishesAndHopelessness() {
        assertEquals(RiskLevel.CONCERN, level("mag echt nich mehr am leben sein"));
        assertEquals(RiskLevel.CONCERN, level("seh keine zukunft mehr für mich nach der kündigung"));
        assertEquals(RiskLevel.CONCERN, level("halt das alles nich mehr aus, echt"));
        assertEquals(RiskLevel.CONCERN, level("fühl mich überall nur im weg, auch zuhause"));
        assertEquals(RiskLevel.CONCERN, level("bin allen zu viel, merk ich jeden tag"));
        assertNull(level("wenn ich morgen nich aufwach, ist der wecker schuld"));
        assertNull(level("für das projekt seh ich keine zukunft mehr, die firma macht zu"));
        assertNull(level("der schrank steht überall nur im weg"));
    }

    @Test
    void frenchEverydayConcern() {
        assertEquals(RiskLevel.CONCERN, level("à quoi bon honnêtement"));
        assertEquals(RiskLevel.CONCERN, level("mon mec m'a giflée hier devant tout le monde"));
        assertEquals(RiskLevel.CONCERN, level("le voisin frappe sa fille tous les soirs, j'entends tout"));
        assertEquals(RiskLevel.CONCERN, level("si un camion me renversait demain ce serait pas si grave"));
        assertEquals(RiskLevel.CONCERN, level("j'ai des pulsions de me faire du mal depuis lundi"));
        assertNull(level("le joueur frappe son ballon trop fort"));
        assertNull(level("si le train a du retard demain ce serait pas si grave"));
        // embarrassment, not a wish
        assertNull(level("jme suis ridiculisé, j'avais envie de disparaître sous terre mdr"));
    }

    @Test
    void methodQuestionsAskedForMe() {
        assertEquals(RiskLevel.HIGH, level("wie viel paracetamol wär tödlich? frag für mich"));
        assertEquals(RiskLevel.HIGH, level("wie lange dauert es bis man verblutet? betrifft mich"));
        assertNull(level("wie viel paracetamol darf ich nehmen? frag für mich wegen kopfweh"));
    }

    @Test
    void pastOverdoseWishedToHaveWorkedAndSelfHarmWithFillers() {
        assertEquals(RiskLevel.HIGH, level("hab mit 19 ne überdosis genommen und wünschte es hätte geklappt"));
        assertNull(level("hab die tabletten genommen und zum glück hat die therapie geklappt"));
    }

    @Test
    void aTimeAPlaceAndADecisionOverTwoSentences() {
        assertEquals(RiskLevel.IMMINENT, level("heute nacht an der brücke. hab lang genug überlegt"));
        // "schon" (already) is no "schön" (a view): at a railing, already over it
        assertEquals(RiskLevel.IMMINENT, level("steh aufm balkon im 3. stock, schon übers geländer"));
        assertNull(level("das wetter ist schon schön, steh aufm balkon im 3. stock"));
    }

    @Test
    void thingsHandedOverLettersAndGoodbyes() {
        assertEquals(RiskLevel.IMMINENT, level("muss meinen hund bis sonntag abgeben, danach bin ich eh nich mehr da"));
        assertEquals(RiskLevel.IMMINENT, level("hab meinen eltern n brief geschrieben, liegt auf dem schreibtisch"));
        assertEquals(RiskLevel.IMMINENT, level("hab n brief geschrieben. morgen finden sie ihn"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai écrit une lettre à mes parents, elle est sous mon oreiller"));
        assertEquals(RiskLevel.IMMINENT, level("wollt mich verabschieden. danke für alles"));
        assertEquals(RiskLevel.IMMINENT, level("das ist mein abschied, ihr hört nix mehr von mir"));
        assertEquals(RiskLevel.IMMINENT, level("hab meinem bruder die ps5 geschenkt. jetzt is alles geregelt"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai donné ma guitare à ma sœur, tout est en ordre"));
        assertNull(level("muss mein fahrrad bis sonntag zur reparatur abgeben"));
        assertNull(level("hab meiner oma n brief geschrieben, liegt schon in der post"));
        assertNull(level("j'ai donné mes vieux livres à la bibliothèque, c'est bien rangé"));
    }

    @Test
    void meansReadyAndActsInProgress() {
        assertEquals(RiskLevel.IMMINENT, level("das blut hört nicht auf, hab zu tief geschnitten, ruft keinen an"));
        assertEquals(RiskLevel.IMMINENT, level("sitz im auto mit dem messer und hab schon angefangen"));
        assertEquals(RiskLevel.IMMINENT, level("chui dans la voiture, le tuyau est branché"));
        assertEquals(RiskLevel.IMMINENT, level("der strick hängt schon im keller"));
        assertEquals(RiskLevel.IMMINENT, level("hab meine schlaftabletten zusammengespart, heut abend is es soweit"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai tout acheté cet aprem. c'est pour cette nuit"));
        assertNull(level("die wäscheleine hängt schon im keller"));
    }
}
