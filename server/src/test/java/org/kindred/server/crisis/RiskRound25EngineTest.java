package org.kindred.server.crisis;

import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Twenty-fifth round, the engine: a goodbye said with a return or an everyday reason ({@link GoodbyeReturn}); a
 * decided time for a good thing ({@link GoodEvent}). Every line was written for this test; the rules alone decide.
 * Each test of lines held to a card fails with the engine of the round's start (08b248f); each risk look-alike stays
 * found.
 */
class RiskRound25EngineTest {

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
}
