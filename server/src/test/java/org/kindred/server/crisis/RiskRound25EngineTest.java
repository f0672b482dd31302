package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Twenty-fifth round, the engine: a goodbye said with a return or an everyday reason ({@link GoodbyeReturn}); a
 * decided time for a good thing ({@link GoodEvent}); a self-harm habit told in the imperfect, and a memory denied
 * ({@link PastHabit}); an answer no negated anywhere in its clause ({@link AnsweredQuestion#refused}); an afterthought that
 * names "it" ({@link Afterthought}); the work of a day off booked "for that" ({@link DayOffWork}). Every line was written for this test; the rules alone decide.
 * Each test of lines held to a card fails with the engine of the round's start (08b248f); each risk look-alike stays
 * found.
 */
class RiskRound25EngineTest {

    private static Token[] tokens(String text) {
        return RulesAlone.BUNDLED.tokenizer.tokenize(RulesAlone.NORMALIZER.normalize(text));
    }

    @Test
    void aGoodbyeWithAReturnOrAnEverydayReasonIsACardAtMost() {
        String[] lines = {
            "my last message for a while, going offline for a digital detox. see you soon",
            "último mensaje aquí, me salgo del grupo, encontré otro grupo en mi ciudad. gracias por todo",
            "mein letzter post für ne weile, hab im dorf kein netz. bis bald ihr lieben",
            "letzte nachricht hier, ich wechsel in eine gruppe vor ort. danke für alles und bis dann",
            "dernier message ici, je rejoins un groupe local près de chez moi. merci pour tout, on se reparle",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void aGoodbyeWithNoReturnOrAReturnNegatedStaysImminent() {
        String[] lines = {
            "bye everyone. i won't be back",
            "me despido, ya no vuelvo",
            "this is my last post. i won't be back",
            "my last message. see you on the other side",
            "mi último mensaje. ya no vuelvo, gracias por todo",
            "das ist meine letzte nachricht. bis bald wird es nicht geben",
            "mon dernier message. je reviens pas, merci pour tout",
            "letzte nachricht an euch, ich komm nie wieder. bis dann",
            "me despido de todos. no es un adiós de hasta mañana",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.IMMINENT, line);
        }
    }

    @Test
    void aDecidedTimeForAnOrdinaryEventNamedRightAfterIsNoPage() {
        String[] lines = {
            "decided: tonight i finally go to the cinema alone",
            "lo he decidido, esta noche voy al concierto sola",
            "c'est décidé, ce soir j'envoie ma candidature",
            "c'est décidé, demain je me lance: j'envoie ma candidature",
            "hab mich entschieden: heute abend geh ich allein ins konzert",
            "ich hab mich entschieden: heut abend geh ich zum ersten mal zum tanzkurs",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void aDecidedTimeWithNoEventOrAnEndStaysImminent() {
        String[] lines = {
            "decided. tonight it ends",
            "c'est décidé, demain je le fais",
            "lo he decidido, esta noche lo hago",
            "hab mich entschieden, heute nacht mach ichs",
            "tout est réglé pour mercredi, la date est cochée sur le calendrier",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.IMMINENT, line);
        }
    }

    @Test
    void aSelfHarmHabitToldInTheImperfectThenThePresentIsACardAtMost() {
        String[] lines = {
            "cuando me hacía cortes tenía 16. hoy tengo 30 y una hija preciosa",
            "me cortaba los brazos. hoy soy profesora",
            "me cortaba los brazos. hoy tengo 30 y no me acuerdo de la última vez que lo pensé",
            "je me coupais les bras quand j'avais 15 ans. aujourd'hui j'ai 32 ans et deux enfants",
            "je me scarifiais tous les soirs. aujourd'hui je suis maman et je me souviens plus de la dernière fois que j'y ai pensé",
            "i cut myself daily at 15. now i'm 30 and can't remember the last time i thought about it",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void anImperfectWithAgainOrARecentDayOrAMemoryOfNotStaysHigh() {
        String[] lines = {
            "me cortaba otra vez ayer",
            "me cortaba y hoy lo volví a hacer",
            "me cortaba los brazos",
            "je me coupais encore hier soir",
            "je me scarifiais, aujourd'hui ça recommence",
            "ich ritzte mich gestern wieder",
            "me cortaba de chica. ahora no me acuerdo de la última vez que no pensé en cortarme",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void anImperfectIsAReflexiveActOfSelfHarmNotAConditionalOrAnotherVerb() {
        assertTrue(PastHabit.imperfect(tokens("me cortaba"), 1, 0));
        assertTrue(PastHabit.imperfect(tokens("je me scarifiais"), 2, 0));
        assertFalse(PastHabit.imperfect(tokens("me cortaria"), 1, 0));
        assertFalse(PastHabit.imperfect(tokens("je me couperais"), 2, 0));
        assertFalse(PastHabit.imperfect(tokens("lo que me faltaba"), 3, 0));
        assertFalse(PastHabit.imperfect(tokens("cortaba pan"), 0, 0));
    }

    @Test
    void anAnswerNoNegatedAnywhereInItsClauseKeepsTheSignal() {
        String[] lines = {
            "me preguntó si pienso en suicidarme y no pude decir que no",
            "la doctora me preguntó si quería morirme y no le pude decir que no",
            "die ärztin hat gefragt ob ich an selbstmord denke und ich konnte nicht mal ehrlich nein sagen",
            "sie hat gefragt ob ich mich umbringen will und ich hab es nicht geschafft nein zu sagen",
            "he asked whether i wanted to die and i could not bring myself to say no",
            "le psy m'a demandé si je pensais au suicide et j'ai jamais pu lui dire non",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void anAnswerNoGivenOrANegatorInTheQuestionStaysNoSignal() {
        String[] lines = {
            "me preguntó si tenía ideas suicidas y pude decir que no",
            "my therapist asked if i have thoughts of suicide, i could say no",
            "die therapeutin hat gefragt ob ich noch an selbstmord denke und ich konnte ehrlich nein sagen",
            "le médecin m'a demandé si j'avais des idées suicidaires et j'ai pu répondre non",
            "she asked if i wasn't thinking of suicide anymore and i said no",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void anAfterthoughtThatNamesItJoinsTheSentenceBefore() {
        String[] lines = {
            "thought about it again in the shower. suicide i mean.",
            "been thinking about that a lot. suicide, i mean",
            "hab wieder dran gedacht. an suizid mein ich",
            "hab heute wieder dran gedacht. suizid mein ich",
            "ich denk schon wieder drüber nach. über selbstmord mein ich",
            "otra vez pensando en eso. en el suicidio digo",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void anAfterthoughtThatNamesAnOrdinaryThingIsNoSignal() {
        String[] lines = {
            "thought about it again in the shower. the new job i mean",
            "hab wieder dran gedacht. an den urlaub mein ich",
            "pensando en eso otra vez. en mi ex digo",
            "j'y ai repensé toute la journée. au déménagement je veux dire",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
        assertNull(Afterthought.rewrite(tokens("thought about it again. it was fun")));
    }

    @Test
    void aDayOffWorkBookedForThatIsADecidedTimeNotWorkTalk() {
        String[] lines = {
            "booked friday off work for that",
            "booked the day off work for it",
            "took monday off work for that. nobody will know why",
            "me pedí el viernes libre en el trabajo para eso. ya lo tengo todo",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.IMMINENT, line);
        }
    }

    @Test
    void aDayOffWorkForAnOrdinaryEventOrWithoutForThatIsNoPage() {
        String[] lines = {
            "booked the day off work for it, my sister is getting married!",
            "took friday off work for that concert i told you about",
            "booked friday off work for the wedding",
            "me pedí el lunes libre en el trabajo para eso de la mudanza",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }
}
