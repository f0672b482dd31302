package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The sixteenth round's English and Spanish kinds, with the rules alone (blocks marked "round 16 en/es"
 * in {@code rules/en.yaml}, {@code rules/es.yaml} and {@code combos.yaml}; docs/crisis.md "Sixteenth
 * round"). Every line is written for this test (none is a line of a labelled set); each kind's
 * look-alike, the risk line it must not mute, is next to it.
 */
class RiskRound16EnEsTest {
    @Test
    void aLastMessageForTheNightIsNoFarewell() {
        assertNull(level("this is my last post tonight, going to bed, see you all"));
        assertNull(level("bueno me despido que mañana madrugo, buenas noches a todos"));
        assertNull(level("me despido hasta el domingo que me voy de finde con mis primos"));
    }

    @Test
    void aLastMessageWithoutSleepOrAReturnStillPages() {
        assertEquals(RiskLevel.IMMINENT, level("this is my last message, goodbye everyone"));
        assertEquals(RiskLevel.IMMINENT, level("este es mi último mensaje, adiós a todos"));
    }

    @Test
    void recoveryToldAsWhatOneDoesNowIsNoPage() {
        assertNoPage("in 2020 i tried to end it, now i volunteer at a helpline");
        assertNoPage("i overdosed once years ago, it was my wake up call and im sober now");
        assertNoPage("antes guardaba pastillas, ahora estoy mucho mejor y lo agradezco");
    }

    @Test
    void aRecentAttemptWithTheWishStillPages() {
        assertEquals(RiskLevel.HIGH, level("i tried to end it last month and i still want to"));
        assertEquals(RiskLevel.HIGH, level("antes me cortaba y ahora me corto otra vez"));
    }

    @Test
    void aQuestionAnsweredNoWithPrideIsNoSignal() {
        assertNull(level("the nurse asked if i had thoughts of suicide and i could finally say no"));
        assertNull(level("la psicóloga me preguntó si tenía pensamientos suicidas y por fin pude decir que no"));
    }

    @Test
    void aPlainNoToTheQuestionStillCounts() {
        assertEquals(RiskLevel.HIGH, level("she asked if i had thoughts of suicide and i said no, but i lied"));
    }

    @Test
    void someoneElsesWordsReportedAreNotTheWriters() {
        assertNull(level("my coworker told me about a guy who said he was ready to end it"));
        assertNull(level("mi prima me dijo \"me quiero morir\" por un examen, qué dramática"));
        assertEquals(RiskLevel.IMMINENT, level("i said im ready to end it"));
    }

    @Test
    void talkingAboutAWordIsNoSignal() {
        assertNull(level("kms is such an odd phrase, who started it"));
        assertNull(level("the word unalive is so cringe"));
        assertNull(level("suicida es una palabra muy fuerte"));
        assertNull(level("la palabra suicidio me da miedo decirla"));
        assertEquals(RiskLevel.HIGH, level("i want to unalive myself"));
    }

    @Test
    void aRoutineIsNoDecidedTime() {
        assertEquals(RiskLevel.HIGH, level("cada mañana me quiero morir"));
        assertEquals(RiskLevel.HIGH, level("todos los domingos pienso en matarme"));
        assertEquals(RiskLevel.IMMINENT, level("me quiero morir mañana"));
        assertEquals(RiskLevel.IMMINENT, level("i want to die tomorrow"));
    }

    @Test
    void aHaircutAndABurnBySomeoneElseAreNoSelfHarm() {
        assertNull(level("me he cortado el flequillo yo misma, fatal"));
        assertNoPage("mi novio me quemó con un cigarro");
        assertEquals(RiskLevel.HIGH, level("me he cortado los brazos otra vez"));
        assertEquals(RiskLevel.HIGH, level("me quemé a propósito"));
    }

    @Test
    void theEnglishAdjectiveCuteIsNoCutting() {
        assertNull(level("your cat is so cute"));
        assertNull(level("he brought me flowers, cute"));
        assertEquals(RiskLevel.HIGH, level("i cut my arm again last night"));
    }

    @Test
    void goingToDoAMethodAtATimeIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("me voy a tirar al río esta noche"));
        assertEquals(RiskLevel.IMMINENT, level("esta noche me echo la siesta eterna"));
        assertEquals(RiskLevel.IMMINENT, level("been planning it for months. saturday"));
    }

    @Test
    void everydayJumpsAndTreatsWithATimeStayQuiet() {
        assertNull(level("gonna jump in the shower tonight then bed"));
        assertNull(level("voy a saltar a la comba mañana"));
        assertNull(level("going to overdose on chocolate tonight"));
    }

    @Test
    void doingItWhenTheHouseIsClearIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("doing it when my flatmate leaves for work"));
        assertEquals(RiskLevel.IMMINENT, level("lo hago cuando se vayan todos a dormir"));
        assertNull(level("i'll do it when my mum leaves for work, she hates the vacuum noise"));
    }

    @Test
    void meansAtHandAndReadyNowIsImminent() {
        assertEquals(RiskLevel.IMMINENT, level("the rope is in the car with me and im ready"));
        assertEquals(RiskLevel.IMMINENT, level("tengo la cuchilla en la mano, ahora o nunca"));
        assertNull(level("tengo la pistola de agua en la mano y estoy lista jaja"));
        assertNoPage("i have a water gun in my hand and im ready for the party");
    }

    @Test
    void aGoodbyeWithNoReturnAndThingsGivenAwayAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("adiós gente, no volveré por aquí"));
        assertEquals(RiskLevel.IMMINENT, level("gave my guitar to my cousin. saying bye to you all now"));
        assertEquals(RiskLevel.IMMINENT, level("si alguien lee esto, que cuiden a mi perra"));
        assertEquals(RiskLevel.IMMINENT, level("on the bridge again and im not walking away this time"));
        assertEquals(RiskLevel.IMMINENT, level("he escrito las cartas de despedida, ya está todo"));
        assertEquals(RiskLevel.IMMINENT, level("ya he decidido cómo y cuándo"));
    }

    @Test
    void theirEverydayLookAlikesStayQuiet() {
        assertNull(level("chao a todos, no vuelvo hasta el lunes"));
        assertNull(level("gave away my old clothes today, saying bye to the mess lol"));
        assertNull(level("on the bridge with my camera, not coming home till the sunset is done"));
        assertNull(level("ya he decidido cómo y cuándo le voy a pedir matrimonio"));
        assertNull(level("wrote my cover letters, its time to apply"));
        assertNull(level("i have decided how and when i'll propose"));
    }

    @Test
    void notBeingHereAndNotCaringInEverydayWordsGetACard() {
        assertEquals(RiskLevel.CONCERN, level("everyone would have an easier time if i wasnt around"));
        assertEquals(RiskLevel.CONCERN, level("why am i even still here"));
        assertEquals(RiskLevel.CONCERN, level("i dont really care if i live or die"));
        assertEquals(RiskLevel.CONCERN, level("im so over living"));
        assertEquals(RiskLevel.CONCERN, level("no veo ningún motivo para seguir"));
        assertEquals(RiskLevel.CONCERN, level("mi pareja me dio una bofetada anoche"));
    }

    @Test
    void methodThoughtsAndAttemptsInOtherWordsAreHigh() {
        assertEquals(RiskLevel.HIGH, level("i keep thinking about offing myself"));
        assertEquals(RiskLevel.HIGH, level("ending it feels like the only way out"));
        assertEquals(RiskLevel.HIGH, level("quiero acabar conmigo"));
        assertEquals(RiskLevel.HIGH, level("me intenté matar el año pasado"));
        assertEquals(RiskLevel.HIGH, level("tuve una sobredosis en marzo"));
    }

    @Test
    void theirEverydayWordsStayQuiet() {
        assertNull(level("the party was better without me lol they had fun"));
        assertNull(level("why do i even bother with this recipe"));
        assertNull(level("made soup from scratch, proud of myself"));
        assertNull(level("no veo el partido hoy, no tengo tiempo"));
    }
}
