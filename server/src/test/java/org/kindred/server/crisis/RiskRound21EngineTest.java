package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.kindred.server.crisis.RulesAlone.assertAtLeast;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Twenty-first round, the engine: a time gone by or an age told with a number in words, a combination that
 * reaches from a past clause into the present, and the year the tests read. Every line was written for
 * this test; each test fails with the engine of the round's start (e1d34d8).
 */
class RiskRound21EngineTest {

    /**
     * Found by fuzzing the assessor (RiskAssessorFuzzTest, seed {@code crash-8f381db8…}): the scans of the
     * split and filler-less words read no concepts, so they have no past marks, and a time after signals
     * all told of the past dereferenced them. The input as Jazzer wrote it, decoded as the fuzz test does.
     */
    @Test
    void aScanWithoutConceptsAndATimeAfterOnlyPastSignalsDoesNotFail() throws java.io.IOException {
        byte[] input;
        try (java.io.InputStream in = RiskRound21EngineTest.class.getResourceAsStream(
                "RiskAssessorFuzzTestInputs/assess/crash-8f381db87c6cb03a5c904e1d4de5c57c581ec02f")) {
            input = in.readAllBytes();
        }
        String text = org.kindred.server.text.FuzzInput.text(java.util.Arrays.copyOfRange(input, 1, input.length));
        RiskAssessment r = TrainingYear.bundled(new Normalizer()).assess(text, "en-GB");
        assertEquals(r.level() == null, r.categories().isEmpty());
    }

    @Test
    void aTimeGoneByInWordsIsThePastInEveryLanguage() {
        String[] lines = {
            "hace once años intenté quitarme la vida. hoy tengo dos nietos",
            "vor sechzehn jahren hab ich versucht mich umzubringen. heute bin ich opa",
            "il y a vingt et un ans j'ai essayé de me tuer. aujourd'hui je suis grand-mère",
            "ya dix-sept ans j'ai fait une tentative. aujourd'hui je suis prof de judo",
        };
        for (String line : lines) {
            assertEquals(RiskLevel.CONCERN, level(line), () -> "a past told as a story is a card: " + line);
        }
    }

    @Test
    void anAgeInWordsIsThePastInEveryLanguage() {
        String[] lines = {
            "at sixteen i tried to kill myself. today i'm a nurse",
            "à seize ans j'ai fait une tentative de suicide. aujourd'hui je suis prof",
            "mit siebzehn hab ich versucht mich umzubringen. heute bin ich opa",
            "con quince años intenté matarme. hoy soy abuela",
        };
        for (String line : lines) {
            assertEquals(RiskLevel.CONCERN, level(line), () -> "a past told as a story is a card: " + line);
        }
    }

    @Test
    void hoursAgoClockTimesAndCountsStayFound() {
        // hours and minutes are the present of an act; "at eleven" is a clock time; "mit zwanzig" counts pills
        assertEquals(RiskLevel.IMMINENT, level("hace dos horas me tomé todas las pastillas"));
        assertEquals(RiskLevel.IMMINENT, level("vor zehn minuten hab ich alle tabletten geschluckt"));
        assertEquals(RiskLevel.IMMINENT, level("y a deux heures j'ai avalé toute la boîte de cachets"));
        assertEquals(RiskLevel.IMMINENT, level("at eleven tonight i'm going to kill myself"));
        assertEquals(RiskLevel.IMMINENT, level("hace cinco años lo intenté y esta noche lo vuelvo a intentar, ya tengo las pastillas"));
        assertAtLeast(RiskLevel.HIGH, "a los dieciséis me corté y ayer me volví a cortar los brazos");
    }

    @Test
    void aCombinationFromThePastIntoThePresentIsStillAStory() {
        // self-harm and a word of its aftermath ("psychiatrie") in one sentence, the second in the present clause
        assertEquals(RiskLevel.CONCERN,
                level("il y a des années je me scarifiais, aujourd'hui je bosse en psychiatrie et j'adore ça"));
        assertEquals(RiskLevel.CONCERN,
                level("früher hab ich mich geritzt, heute arbeite ich selbst in der psychiatrie"));
        // a present act after the opener still pages
        assertAtLeast(RiskLevel.HIGH, "il y a des années je me scarifiais, aujourd'hui je me suis recoupée les bras");
    }

    @Test
    void theTestsReadTheTrainingYearWhateverTheDate() {
        long nextYear = ZonedDateTime.of(ConceptCombos.TRAINING_YEAR + 1, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .toInstant().toEpochMilli();
        Normalizer n = RulesAlone.NORMALIZER;
        String line = "overdosed in march " + ConceptCombos.TRAINING_YEAR + ". today i went hiking with my sister";
        RiskLevel later = RiskAssessor.withBundledRules(n, () -> nextYear).assess(line, null).level();
        RiskLevel pinned = TrainingYear.bundled(n).assess(line, null).level();
        assertNotEquals(later, pinned, "the year of the training reads as the past only from the next year on");
        assertEquals(pinned, RiskAssessor.withBundledRules(n, TrainingYear.CLOCK).assess(line, null).level());
    }
}
