package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Twentieth round, the engine: words in quotation marks that are someone else's or said in jest, and the
 * current year read from a clock. Every line was written for this test; each test fails with the engine
 * of the round's start (eb8aab2).
 */
class RiskRound20EngineTest {

    @Test
    void aQuoteOfSomeoneElseIsTheirsInEveryLanguage() {
        String[] lines = {
            "my sister texted me \"i'm gonna jump off the balcony if mum makes me hoover again\"",
            "mi primo me escribió \"me voy a matar si pierde el barça\"",
            "mein bruder schrieb „ich spring gleich vom dach, mathe ist die hölle“",
            "ma sœur m'a écrit « je vais me jeter par la fenêtre si j'ai encore maths demain »",
        };
        for (String line : lines) {
            assertNoPage(line);
            assertEquals(RiskLevel.CONCERN, level(line), () -> "someone else's words get a card: " + line);
            assertTrue(RulesAlone.assess(line).categories().contains(RiskCategory.THIRD_PARTY), line);
        }
    }

    @Test
    void aJokingQuoteOfTheWritersOwnIsACardAtMost() {
        String[] lines = {
            "\"goodbye everyone, this is my last message\" i announce every friday when i log off lol",
            "«adiós mundo cruel, me voy a tirar por la ventana» le digo al portátil cada lunes jajaja",
            "„ich spring gleich vom dach“ sag ich jedes mal bei der steuererklärung haha",
            "« je vais me jeter par la fenêtre » c'est ce que je dis à chaque réunion du lundi 😂",
        };
        for (String line : lines) {
            assertNoPage(line);
        }
    }

    @Test
    void theWritersOwnWordsWithLaughterOrAQuoteStayFound() {
        // laughter outside a quote holds nothing: a plan with "lol" is still a plan
        assertEquals(RiskLevel.IMMINENT, level("i'm going to kill myself tonight lol"));
        assertEquals(RiskLevel.IMMINENT, level("me voy a matar esta noche jaja"));
        assertEquals(RiskLevel.IMMINENT, level("je vais me tuer ce soir mdr"));
        // the writer quoting their own words, no laughter: still theirs
        assertAtLeast(RiskLevel.HIGH, "i told my mom \"i want to kill myself\" and she cried");
        assertAtLeast(RiskLevel.HIGH, "ich hab meiner therapeutin gesagt „ich will mich umbringen“");
        // a joking quote next to the writer's own plan outside it: the plan counts, with its time
        assertEquals(RiskLevel.IMMINENT,
                level("everyone keeps saying \"it gets better\" lol. i'm going to kill myself tonight"));
        // a quote not closed is no quote
        assertAtLeast(RiskLevel.HIGH, "what i really want to say is \"i want to kill myself, lol");
    }

    @Test
    void quotesPairEveryConventionAndAnUnclosedOneIsNone() {
        assertTrue(speech("he said \"i want to die\" and left").quoted(2, 6));
        assertTrue(speech("er sagte „ich will sterben“ und ging").quoted(2, 5));
        assertTrue(speech("il a dit « je veux mourir » puis il est parti").quoted(3, 6));
        assertTrue(speech("she said “i want to die” lol").quoted(2, 6));
        assertEquals(null, speech("he said \"i want to die and left"), "unclosed");
        assertEquals(null, speech("no quotes at all"));
    }

    @Test
    void aPastRiskToldAsAStoryThatReachesThePresentIsACard() {
        String[] lines = {
            "at 19 i tried to kill myself. today i took my son to his first football match",
            "at 19 i wanted to die. now i coach a kids swim team",
            "hace tres años intenté matarme. hoy adopté un perro",
            "vor fünf jahren wollte ich mich umbringen. heute hab ich meine eigene werkstatt",
            "en 2019 j'ai voulu me tuer. aujourd'hui j'ouvre ma boulangerie",
        };
        for (String line : lines) {
            assertEquals(RiskLevel.CONCERN, level(line), line);
        }
    }

    @Test
    void aStoryWhoseRiskComesBackOrGoesOnStillPages() {
        assertAtLeast(RiskLevel.HIGH, "at 19 i tried to kill myself. now the thoughts are back");
        assertAtLeast(RiskLevel.HIGH, "vor fünf jahren wollte ich mich umbringen. jetzt ist es wieder da");
        assertAtLeast(RiskLevel.HIGH, "hace tres años intenté matarme. hoy me quiero matar otra vez");
        assertAtLeast(RiskLevel.HIGH, "en 2019 j'ai voulu me tuer. aujourd'hui je recommence à me couper");
        assertEquals(RiskLevel.IMMINENT, level("at 19 i tried to kill myself. now i have the pills ready for tonight"));
        assertAtLeast(RiskLevel.HIGH, "at 19 i tried to kill myself"); // a past attempt told alone stays high
    }

    @Test
    void theCurrentYearComesFromTheClockOnEveryCall() {
        AtomicLong now = new AtomicLong(millis(2031, 12, 31, 23));
        RiskAssessor assessor = RiskAssessor.of(RulesAlone.BUNDLED, null, new YearClock(now::get));
        String line = "i took a whole box of my sleeping pills in march 2031";
        assertEquals(RiskLevel.IMMINENT, assessor.assess(line, null).level(), "this year: no past");
        now.set(millis(2032, 1, 1, 1));
        assertEquals(RiskLevel.HIGH, assessor.assess(line, null).level(), "after New Year: a past overdose");
        now.set(millis(2031, 6, 1, 0));
        assertEquals(RiskLevel.IMMINENT, assessor.assess(line, null).level(), "a clock set back");
    }

    @Test
    void testsAndTrainingReadThePinnedYear() {
        YearClock fixed = YearClock.fixed(ConceptCombos.TRAINING_YEAR);
        assertEquals(ConceptCombos.TRAINING_YEAR, fixed.year());
        Token year = new Token(String.valueOf(ConceptCombos.TRAINING_YEAR - 1), 0, 4, Token.Boundary.NONE, -1);
        assertTrue(PastYear.of(year, ConceptCombos.TRAINING_YEAR));
        assertFalse(PastYear.of(year, ConceptCombos.TRAINING_YEAR - 1));
    }

    private static long millis(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static ReportedSpeech speech(String text) {
        var nt = RulesAlone.NORMALIZER.normalize(text);
        return ReportedSpeech.of(RulesAlone.BUNDLED.tokenizer.tokenize(nt), nt, false);
    }
}
