package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assess;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The German and French kinds of the eighteenth round ({@code rules/de.yaml} and {@code rules/fr.yaml}
 * "round 18 de/fr", {@code combos.yaml} "round 18 de/fr"; docs/crisis.md "Eighteenth round: German and
 * French"), with the rules alone, and their look-alikes. Every line is written for this test (none is a
 * line of a labelled set); each test method fails with the rules of 134ec7d.
 */
class RiskRound18DeFrTest {
    private static void quiet(String line) {
        assertFalse(assess(line).escalates(), line);
    }

    @Test
    void everythingSortedAlonePagesNobody() {
        quiet("bei mir ist alles geregelt, danke der nachfrage");
        quiet("alles geregelt mit der versicherung, danke für eure tipps");
        // next to a time or thanks for everything it is a preparation
        assertEquals(RiskLevel.IMMINENT, level("ich hab alles geregelt, heute nacht ist es so weit"));
        assertEquals(RiskLevel.IMMINENT, level("hab alles geregelt. danke für alles, ihr wart die besten"));
    }

    @Test
    void aPlanForADayIsNoDecidedTime() {
        assertNull(level("mein plan für samstag: ausschlafen und pizza"));
        assertNull(level("le plan pour dimanche: grasse mat et crêpes"));
    }

    @Test
    void ordinaryReasonsAndAccidentsPageNobody() {
        quiet("hab meinem bruder meine passwörter gegeben, weil ich ab montag zwei wochen auf dienstreise bin");
        quiet("die tabletten stehen bereit für morgen früh, damit ich sie nicht vergesse");
        quiet("je me suis coupée en épluchant des patates, ça saigne pas mal");
        quiet("j'ai failli me tuer à vélo ce matin, un camion m'a frôlé");
        quiet("j'ai écrit une lettre d'adieu à mon ancien boulot, ça fait du bien");
        assertNull(level("ça me tape sur les nerfs, ce bruit"));
        // a cut on purpose with a tool stays self-harm
        assertEquals(RiskLevel.HIGH, level("je me suis coupée avec le cutter exprès"));
    }

    @Test
    void recoveryToldWithItsYearsIsACardAtMost() {
        quiet("hab heut mein 2-jähriges ohne selbstverletzung gefeiert");
        quiet("vor vier jahren hab ich versucht mich umzubringen, heute studiere ich psychologie");
        quiet("j'avais des idées noires l'été dernier, aujourd'hui ça va mieux grâce à la thérapie");
        quiet("y a deux ans j'ai fait une TS, maintenant je suis bénévole");
    }

    @Test
    void everyoneBetterOffWithoutMeSaidManyWaysIsConcern() {
        assertEquals(RiskLevel.CONCERN, level("ohne mich hätten meine eltern weniger sorgen"));
        assertEquals(RiskLevel.CONCERN, level("ohne mich wär es für meine familie einfacher"));
        assertEquals(RiskLevel.CONCERN, level("sans moi ma famille aurait moins de problèmes"));
        assertEquals(RiskLevel.CONCERN, level("ich mach eh nur alles kaputt, bin zu nix gut"));
        // a holiday without me, or a clumsy day, is nothing
        assertNull(level("ohne mich im urlaub hatten sie weniger stress, war eh krank"));
        assertNull(level("ich mach alles kaputt was ich anfasse lol, schon wieder ne tasse"));
    }

    @Test
    void violenceAtHomeThrownOrSlappedIsConcern() {
        assertEquals(RiskLevel.CONCERN, level("ma belle-mère me tire les cheveux quand elle s'énerve"));
        assertEquals(RiskLevel.CONCERN, level("mon copain me met des baffes quand il a bu"));
        assertEquals(RiskLevel.CONCERN, level("hier soir il m'a jetée contre la porte"));
        assertEquals(RiskLevel.CONCERN, level("mein vater hat mich gestern gegen die tür geschmissen"));
    }

    @Test
    void aThoughtOfSuicideInThePerfectTenseIsHigh() {
        assertEquals(RiskLevel.HIGH, level("ich hab an selbstmord gedacht"));
        assertEquals(RiskLevel.HIGH, level("ich hab letzte woche oft an suizid gedacht"));
        // told as the past, with how it is now, it is a card
        quiet("früher hab ich an selbstmord gedacht, heute geht es mir gut");
    }

    @Test
    void aLifeToldNowAfterThePastIsRecovery() {
        quiet("vor vier jahren hatte ich ne überdosis, heute hab ich nen job in der gärtnerei");
        quiet("hatte früher oft suizidgedanken, heut hab ich nen hund und gute tage");
        quiet("vor drei jahren hab ich meinen abschiedsbrief verbrannt, heut war ich mit meinem sohn schwimmen");
        quiet("y a 4 ans j'ai fait une TS, aujourd'hui je suis mariée et heureuse");
        // "heute" is still a time next to self-harm told now
        assertEquals(RiskLevel.HIGH, level("heute hab ich mich wieder geritzt"));
    }

    @Test
    void someoneElsesWordsAJokeAndATripPageNobody() {
        quiet("la dame à côté de moi disait au téléphone \"je vais me tuer si je rate ce train\"");
        quiet("j'ai dit à ma sœur \"je vais me pendre\" en rigolant quand le wifi a lâché");
        quiet("on part en bretagne dimanche, j'ai confié mon chat à la voisine pour qu'elle le nourrisse");
        // one's own words with a time stay imminent
        assertEquals(RiskLevel.IMMINENT, level("je vais me pendre ce soir"));
    }

    @Test
    void allOfSomethingJustTakenAndLeavingAfterThanksAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ça y est, j'ai tout avalé d'un coup"));
        assertEquals(RiskLevel.IMMINENT, level("das war's für mich. danke für alles, ihr lieben"));
        assertEquals(RiskLevel.IMMINENT, level("c'est mon au revoir. merci pour tout, vraiment"));
        // a picnic packed or a holiday trip is nothing
        assertNull(level("c'est fait, j'ai tout pris pour le pique-nique"));
        assertNull(level("merci pour tout, je pars ce soir en vacances à lyon"));
    }
}
