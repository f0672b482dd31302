package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * The fifteenth round's English and Spanish kinds, with the rules alone (blocks marked "round 15 en/es"
 * in {@code rules/en.yaml}, {@code rules/es.yaml}, {@code combos.yaml} and {@code risk-rules.yaml};
 * docs/crisis.md "Fifteenth round"). Every line is written for this test (none is a line of a labelled
 * set); each kind's look-alike, the risk line it must not mute, is next to it.
 */
class RiskRound15EnEsTest {
    @Test
    void aCleanDateToldWithPrideIsNoSelfHarmToday() {
        assertNull(level("2 years since i last self harmed today, proud of me"));
        assertNull(level("one year since my last relapse today!! so proud"));
        assertNull(level("18 months since i last cut, celebrating with pizza"));
        assertNull(level("hoy hace 2 años que no me corto, qué orgullosa estoy"));
        assertNull(level("un año desde la última vez que me corté, orgullosa de mí"));
    }

    @Test
    void aRelapseToldWithTheCleanDateStillPages() {
        assertEquals(RiskLevel.HIGH, level("2 years since i last self harmed but i cut again today"));
        assertEquals(RiskLevel.HIGH, level("was 2 years clean and i relapsed today, cut my arm"));
        assertEquals(RiskLevel.HIGH, level("hace dos años que no me autolesiono y hoy me corté otra vez"));
    }

    @Test
    void aReplyQuotingSomeoneElsesWishDoesNotPage() {
        assertNull(level("to whoever said earlier they wanted to die: please stay, you matter here"));
        assertNull(level("when u said u wanted to die last night i got so worried, text me"));
        assertNull(level("a quien dijo hace rato que se quería morir: quédate, aquí te queremos"));
        assertNull(level("cuando dijiste que te querías matar me asusté mucho, escríbeme"));
    }

    @Test
    void theWritersOwnWishNextToAQuoteStillPages() {
        assertEquals(RiskLevel.HIGH, level("i said i wanted to die and nobody listened"));
        assertEquals(RiskLevel.HIGH, level("you said you want to die, me too honestly i want to die"));
        assertEquals(RiskLevel.HIGH, level("dije que me quería morir y nadie me hizo caso"));
    }

    @Test
    void aPassiveWishWithATimeIsACardNotAPlan() {
        assertEquals(RiskLevel.CONCERN, level("going to sleep tonight and hope i dont wake up"));
        assertEquals(RiskLevel.CONCERN, level("i just want to sleep tonight and never wake up"));
        assertEquals(RiskLevel.CONCERN, level("quiero dormirme esta noche y no despertar"));
    }

    @Test
    void anActiveThoughtWithATimeIsStillImminent() {
        assertEquals(RiskLevel.IMMINENT, level("i want to die tomorrow"));
        assertEquals(RiskLevel.IMMINENT, level("gonna kill myself tonight"));
        assertEquals(RiskLevel.IMMINENT, level("me quiero morir mañana"));
    }
    @Test
    void lastActsAndGoodbyesWithoutAKeywordAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("gave my sister the passwords to everything, she has no idea why"));
        assertEquals(RiskLevel.IMMINENT, level("funeral wishes are all written down in the folder"));
        assertEquals(RiskLevel.IMMINENT, level("if i dont post again after today you know why"));
        assertEquals(RiskLevel.IMMINENT, level("once the house is empty im ending it"));
        assertEquals(RiskLevel.IMMINENT, level("got the blade, locked in the bathroom"));
        assertEquals(RiskLevel.IMMINENT, level("been standing on this bridge for hours now"));
    }

    @Test
    void selfHarmWithoutACuttingWordAndMethodResearchAreHigh() {
        assertEquals(RiskLevel.HIGH, level("keep punching my legs until they bruise"));
        assertEquals(RiskLevel.HIGH, level("slammed my wrist in the drawer on purpose"));
        assertEquals(RiskLevel.HIGH, level("what is the most painless way, asking honestly"));
        assertEquals(RiskLevel.HIGH, level("how high does a building have to be for it to work"));
    }

    @Test
    void theirEverydayLookAlikesStayQuiet() {
        assertNull(level("gave my sister my netflix login so she can watch the show"));
        assertNull(level("we set a date for the wedding, so excited"));
        assertNull(level("the next train is in 8 mins, running to the platform"));
        assertNull(level("punched the bag at the gym until my arms gave out"));
    }
    @Test
    void spanishLastActsPlacesAndActsInProgressAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("ya mandé los mensajes de despedida a mis amigas"));
        assertEquals(RiskLevel.IMMINENT, level("dejé mi funeral pagado y las cosas en orden"));
        assertEquals(RiskLevel.IMMINENT, level("toy sentada en la cornisa hace media hora"));
        assertEquals(RiskLevel.IMMINENT, level("me estoy tomando las pastillas de a poco mientras les escribo"));
        assertEquals(RiskLevel.IMMINENT, level("si lo leen es porque ya no estoy, perdón"));
    }

    @Test
    void spanishSelfHarmWithoutACuttingWordAndMethodThoughtsAreHigh() {
        assertEquals(RiskLevel.HIGH, level("me golpeé contra la pared hasta sangrar"));
        assertEquals(RiskLevel.HIGH, level("últimamente pienso en ahorcarme, no se lo dije a nadie"));
        assertEquals(RiskLevel.HIGH, level("cuanto tiempo tarda en morir alguien que deja de comer"));
    }

    @Test
    void spanishLookAlikesStayQuiet() {
        assertNull(level("me quemé la mano con la bandeja del horno haciendo pan"));
        assertNull(level("me di con la mesa en la rodilla sin querer, qué dolor"));
        assertNull(level("la carta de despedida de la protagonista en la peli me destrozó"));
        assertNull(level("todo listo pal domingo: la torta, los globos y la piñata"));
        // someone else's blow ("me pegó", folded to the writer's "me pego") stays abuse told, a card, no self-harm page
        assertEquals(RiskLevel.CONCERN, level("mi mamá me pegó con el cinturón cuando era chica y todavía me acuerdo"));
    }
    @Test
    void passiveWishesBurdensAndAbuseToldGetACard() {
        assertEquals(RiskLevel.CONCERN, level("some nights i pray god just takes me while i sleep"));
        assertEquals(RiskLevel.CONCERN, level("my family would be happier without me around"));
        assertEquals(RiskLevel.CONCERN, level("honestly who would even miss me"));
        assertEquals(RiskLevel.CONCERN, level("my dad pulled a knife on me last week"));
        assertEquals(RiskLevel.CONCERN, level("estoy harta de vivir así, todo me pesa"));
        assertEquals(RiskLevel.CONCERN, level("si me muriera mañana nadie se daría cuenta"));
        assertEquals(RiskLevel.CONCERN, level("mi pareja me esconde las llaves para que no salga"));
    }

    @Test
    void everydayWordsOfTheCardKindsStayQuiet() {
        assertNull(level("se me quemó el pan otra vez, no sirvo pa la cocina"));
        assertNull(level("el profe me quiere muerto con tanta tarea jaja"));
        assertNull(level("the cat is hopeless at catching mice lol"));
    }
}
