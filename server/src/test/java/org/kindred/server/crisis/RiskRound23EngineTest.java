package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Twenty-third round, the engine: a risk noun denied after it ({@link DeniedAfter}) and a clause that says how
 * long ago the clause before it was ({@link SinceClause}). Every line was written for this test; the rules alone
 * decide. Each test of a line held fails with the engine of the round's start (be6ce6e); each risk look-alike
 * stays found.
 */
class RiskRound23EngineTest {

    @Test
    void aRiskNounDeniedAfterItIsNoSignal() {
        String[] lines = {
            "ne, Suizidgedanken hab ich keine, bin nur müde vom Schichtdienst",
            "Selbstmordgedanken hab ich keine mehr, seit ich die Therapie mache",
            "pensamientos suicidas no tengo, es más bien agotamiento",
            "des idées suicidaires j'en ai pas, c'est juste la fatigue",
            "suicidal thoughts? nope none, just burnt out from work",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void aNegatorBeforeTheNounInAnotherClauseOrADenialOfSomethingElseKeepsTheSignal() {
        String[] lines = {
            "keine Hoffnung mehr, Selbstmordgedanken jeden Tag",
            "Selbstmordgedanken jeden Tag, keine Ahnung wie lange noch",
            "pensamientos suicidas todo el tiempo, no tengo a nadie",
            "i want to die i have nothing",
            "quiero morir no tengo nada",
            "suicidal thoughts? yes every day",
            "suicidal thoughts? no, i have a plan now",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void aClauseSayingHowLongAgoItWasMakesTheActBeforeItARecoveryStory() {
        String[] lines = {
            "hab mich am Oberarm geritzt, ist jetzt 8 Jahre her und ich bin stolz drauf",
            "hab mich geritzt, ist lange her",
            "i used to cut my arms, that was years ago",
            "i tried to kill myself, that was a long time ago",
            "intenté suicidarme, de eso hace años",
            "je me suis scarifiée, c'était il y a des années",
        };
        for (String line : lines) {
            RiskLevel l = level(line);
            assertTrue(l == null || l == RiskLevel.CONCERN, () -> "a story told from the present is a card at most, got "
                    + l + ": " + line);
        }
    }

    @Test
    void aRecentOrOngoingActOrARelapseAfterTheSinceClauseStaysFound() {
        String[] lines = {
            "cut again last night, first time in 5 years",
            "i cut myself, that was two days ago",
            "me corto los brazos, hace años que lo hago",
            "je me scarifie les bras, il y a des années que ça dure",
            "i used to cut my arms, that was years ago, but last night i did it again",
        };
        for (String line : lines) {
            assertAtLeast(RiskLevel.HIGH, line);
        }
    }

    @Test
    void theSinceClauseNeedsAWordPointingBackAndALongTime() {
        Token[] ago = RulesAlone.BUNDLED.tokenizer.tokenize(RulesAlone.NORMALIZER.normalize("i cut, that was years ago"));
        assertTrue(SinceClause.startsAt(ago, 2));
        Token[] days = RulesAlone.BUNDLED.tokenizer.tokenize(RulesAlone.NORMALIZER.normalize("i cut, that was days ago"));
        assertFalse(SinceClause.startsAt(days, 2));
        Token[] noBack = RulesAlone.BUNDLED.tokenizer.tokenize(RulesAlone.NORMALIZER.normalize("i cut, years ago"));
        assertFalse(SinceClause.startsAt(noBack, 2));
        boolean[] past = new boolean[ago.length];
        assertEquals(1, SinceClause.markPast(ago, past));
        assertTrue(past[0] && past[1] && !past[2]);
    }
}
