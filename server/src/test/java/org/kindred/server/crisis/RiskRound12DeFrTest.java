package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the twelfth round (blind set 9's misses, {@code rules/de.yaml} and
 * {@code rules/fr.yaml} "round 12 de/fr", {@code combos.yaml} "round 12 de/fr" and the umlaut reading
 * of {@link Tokenizer}), with the rules alone, and their look-alikes. Every line is written for this
 * test (none is a line of a labelled set).
 */
class RiskRound12DeFrTest {
    @Test
    void germanUmlautsWrittenOutReadAsUmlauts() {
        assertEquals(RiskLevel.CONCERN, level("wuensche mir oft nicht mehr aufzuwachen"));
        assertEquals(RiskLevel.CONCERN, level("wünsche mir oft nicht mehr aufzuwachen"));
        assertEquals("wunsche", Tokenizer.umlautsFolded("wuensche"));
        assertNull(Tokenizer.umlautsFolded("fuer"), "short words are left alone");
        assertNull(Tokenizer.umlautsFolded("schlafen"), "no pair, nothing to read");
        // one pass over the word: a long run of pairs halves
        String folded = Tokenizer.umlautsFolded("ue".repeat(50_000));
        assertEquals("u".repeat(50_000), folded);
    }

    @Test
    void germanColloquialFirstPersonAndSeparableVerbs() {
        assertEquals(RiskLevel.HIGH, level("ich moechte mich am liebsten umbringen"));
        assertEquals(RiskLevel.HIGH, level("hab mir letzte nacht mit ner scherbe beide unterarme aufgeritzt"));
        assertEquals(RiskLevel.HIGH, level("hab mir die oberschenkel aufgeschnitten"));
        assertEquals(RiskLevel.HIGH, level("beiß mir in die hand bis es blutet"));
        assertEquals(RiskLevel.CONCERN, level("mag nimmer aufwachen"));
        assertEquals(RiskLevel.HIGH, level("mach mir jeden abend die unterarme kaputt"));
        assertEquals(RiskLevel.IMMINENT, level("hab ne packung schlaftabletten hier und mach heut nacht schluss"));
        assertNull(level("mach heute früher schluss, bin müde"));
        // someone else wanting to "kill" me is no ideation of mine
        assertNull(level("mein bruder will mich jetzt umbringen weil ich sein spiel gewonnen hab lol"));
        assertNull(level("hab mir beim kochen in den finger geschnitten"));
    }

    @Test
    void frenchElisionsAndNegationWithoutNe() {
        assertEquals(RiskLevel.CONCERN, level("parfois j'espère qu'un camion me percute sur la route"));
        assertEquals(RiskLevel.CONCERN, level("si je me réveillais plus demain matin ça me gênerait pas"));
        assertEquals(RiskLevel.CONCERN, level("jvois pas l'intérêt de continuer"));
        assertEquals(RiskLevel.CONCERN, level("franchement j'ai plus aucun espoir"));
        assertEquals(RiskLevel.CONCERN, level("personne s'en rendrait compte si je disparaissais"));
        assertEquals(RiskLevel.HIGH, level("je réfléchis à comment je pourrais le faire sans que ça rate"));
        assertEquals(RiskLevel.CONCERN, level("chu tellement tannée de vivre"));
        assertEquals(RiskLevel.CONCERN, level("j'ai pu envie de rien"));
        assertNull(level("dans le livre, elle espère qu'un camion la percute"));
        assertNull(level("il y a un an j'avais plus aucun espoir, aujourd'hui je vais bien"));
    }

    @Test
    void hopelessnessAndWorthlessnessInEverydayGerman() {
        assertEquals(RiskLevel.CONCERN, level("ich bin doch eh nur ein versager"));
        assertEquals(RiskLevel.CONCERN, level("hab keine kraft mehr für dieses leben"));
        assertEquals(RiskLevel.CONCERN, level("keiner würde es merken wenn ich tot wär"));
        assertEquals(RiskLevel.CONCERN, level("fühl mich so wertlos"));
        assertNull(level("das wetter wird eh nie besser"));
        assertNull(level("der film war ein fehler, zwei stunden verschwendet"));
    }

    @Test
    void selfHarmByOtherActs() {
        assertEquals(RiskLevel.HIGH, level("ess seit zwei tagen nichts zur strafe"));
        assertEquals(RiskLevel.HIGH, level("je saute des repas pour me punir"));
        assertEquals(RiskLevel.HIGH, level("jme mords le bras jusqu'au sang quand ça va pas"));
        assertEquals(RiskLevel.HIGH, level("j'ai cogné contre le mur jusqu'à saigner"));
        assertNull(level("je me gratte jusqu'au sang à cause des piqûres de moustiques"));
        assertNull(level("je crève de faim, on mange quand ?"));
        assertNull(level("ich sterbe vor lachen"));
    }

    @Test
    void abuseAtHomeWithoutTheRulesVerbs() {
        assertEquals(RiskLevel.CONCERN, level("mein stiefvater sperrt mich immer in den keller"));
        assertEquals(RiskLevel.CONCERN, level("er schlägt meine schwester und mich wenn er besoffen ist"));
        assertEquals(RiskLevel.CONCERN, level("mon beau-père m'enferme dans le placard quand il boit"));
        assertEquals(RiskLevel.CONCERN, level("hier il m'a traînée par les cheveux jusqu'à la cuisine"));
        assertNull(level("der hausmeister schließt abends das tor ab"));
    }

    @Test
    void imminentWithATimeInSmsSpellingOrAnActInProgress() {
        assertEquals(RiskLevel.IMMINENT, level("2main jen finis"));
        assertEquals(RiskLevel.IMMINENT, level("cte nuit c la fin."));
        assertEquals(RiskLevel.IMMINENT, level("chui en train de me taillader les bras"));
        assertEquals(RiskLevel.IMMINENT, level("ich werd es nachher beenden"));
        assertEquals(RiskLevel.IMMINENT, level("bin grad dabei mich zu ritzen"));
        assertEquals(RiskLevel.IMMINENT, level("assise près des rails, le prochain train passe dans 5 min"));
        assertEquals(RiskLevel.IMMINENT, level("sitz neben den gleisen. der nächste zug kommt in zehn minuten"));
        assertNull(level("ce soir c'est la fin de la saison"));
        assertNull(level("le prochain train passe dans 10 min, j'arrive"));
        assertNull(level("gleich gehts los mit dem training"));
    }

    @Test
    void goodbyesByActsOverAFullStop() {
        assertEquals(RiskLevel.IMMINENT, level("hab meine katze zu meinem nachbarn gebracht. für immer"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai confié mon chien à mon voisin, il sait pas pourquoi. pour toujours"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai donné mes fringues et ma guitare à ma cousine. elle comprendra"));
        assertEquals(RiskLevel.IMMINENT, level("hab allen gesagt dass ich sie lieb hab. jetzt ist alles erledigt"));
        assertEquals(RiskLevel.IMMINENT, level("wenn meine eltern weg sind, am samstag. ist entschieden"));
        assertEquals(RiskLevel.IMMINENT, level("hab die tabletten nicht geschluckt sondern gesammelt. jetzt reichts"));
        assertNull(level("hab mein fahrrad meinem bruder geschenkt, zum geburtstag"));
        assertNull(level("wenn meine eltern weg sind gibts party. ist entschieden"));
    }

    @Test
    void aPastAttemptNamedNextToItsScars() {
        assertEquals(RiskLevel.HIGH, level("mein erster versuch ist zwei jahre her, die narben sieht man noch"));
        assertEquals(RiskLevel.HIGH, level("ma première tentative c'était à 16 ans, j'ai encore des cicatrices"));
        assertNull(level("ma dernière tentative au permis c'était en mars"));
    }
}
