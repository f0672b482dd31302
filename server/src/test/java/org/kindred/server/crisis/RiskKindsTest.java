package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * The mechanisms issue 12 added, one at a time: bounded typo tolerance, filler words read past,
 * and recovery talk that keeps a message below an escalation.
 */
class RiskKindsTest {
    private static final RiskAssessor ASSESSOR = TrainingYear.bundled(new Normalizer());

    private static RiskLevel level(String text) {
        return ASSESSOR.assess(text, null).level();
    }

    @Test
    void typoIndexAllowsOneEditFromFiveLettersAndTwoFromEight() {
        TypoIndex t = new TypoIndex(Set.of("again", "suicidal", "kill"));
        assertEquals("again", t.correct("agian"));     // transposition, 5 letters
        assertEquals("suicidal", t.correct("sucidal")); // deletion
        assertEquals("suicidal", t.correct("suisidl")); // two edits, 8 letters
        assertNull(t.correct("agn"));                  // too short to correct
        assertNull(t.correct("aggain2x"));             // two edits from a 5-letter word
        assertNull(t.correct("kil"));                  // listed words under 5 letters are never targets
        assertNull(t.correct("x".repeat(TypoIndex.MAX_LENGTH + 1)));
    }

    @Test
    void typosOfRiskWordsAreReadAsThem() {
        assertEquals(RiskLevel.HIGH, level("feeling suicdal again"));
        assertEquals(RiskLevel.HIGH, level("cut agian tonight"));
        assertNull(level("feeling sociable again"));
    }

    @Test
    void fillerWordsInsideAPatternAreReadPast() {
        assertEquals(RiskLevel.IMMINENT, level("took like 30 of my dad's pills just now"));
        assertEquals(RiskLevel.IMMINENT, level("hab grad so 20 von den tabletten genommen"));
        assertNull(level("took like 30 photos of my dad's garden just now"));
    }

    @Test
    void gardeningIsNotSelfHarm() {
        assertNull(level("finally cut back the roses today"));
        assertNull(level("hoy por fin pode los rosales"));
        assertNull(level("heute endlich die hecke zurückgeschnitten"));
        assertNull(level("enfin élagué les arbustes aujourd'hui"));
        // the acts themselves are still read, today and again
        assertEquals(RiskLevel.HIGH, level("cut again today, worse than before"));
        assertEquals(RiskLevel.HIGH, level("me corté otra vez hoy"));
    }

    @Test
    void recoveryTalkGetsNoEscalationUnlessATimeOrAnImminentSignalIsThere() {
        assertEquals(RiskLevel.HIGH, level("I wanted to die"));
        assertEquals(RiskLevel.CONCERN, level("a year ago I wanted to die, today I'm grateful I'm here"));
        assertEquals(RiskLevel.CONCERN, level("hace un año quería morirme, hoy estoy agradecida de seguir aquí"));
        // a time next to the signal pins it: recovery words do not lower it
        assertEquals(RiskLevel.IMMINENT,
                level("a year ago I wanted to die, today I'm grateful but I want to kill myself tonight"));
    }

    @Test
    void selfHarmWithoutMyselfAndItsSlang() {
        assertEquals(RiskLevel.HIGH, level("relapsed and sh'd after 60 days"));
        assertEquals(RiskLevel.HIGH, level("burned my arm again"));
        assertNull(level("burned my tongue again"));
        // the rules find nothing here; since the twenty-first round's retraining (53 sets) the model gives
        // "cut my hair again tonight" a card (a false alarm, docs/crisis.md), never a page
        assertNull(RulesAlone.level("cut my hair again tonight"));
        assertFalse(ASSESSOR.assess("cut my hair again tonight", null).escalates());
    }

    @Test
    void meansAtHandAndATimeAreImminent() {
        assertEquals(RiskLevel.IMMINENT, level("pills are counted out, doing it after everyone's asleep"));
        assertNull(level("pills are counted out for the week, taking them after breakfast"));
    }

    @Test
    void aBareDayCountsAsATimeOnlyWhenItIsTheWholeSentence() {
        assertEquals(RiskLevel.IMMINENT, level("decided. friday after work."));
        assertEquals(RiskLevel.IMMINENT, level("entschieden. samstag nacht."));
        assertNull(level("c'est décidé : je commence la muscu lundi"));
    }

    @Test
    void aFinalityActRaisesTheSignalOrPreparationNextToIt() {
        assertEquals(RiskLevel.IMMINENT, level("got a rope from the garage, you all know why"));
        assertEquals(RiskLevel.IMMINENT, level("j'ai laissé mon chat chez ma voisine et écrit une lettre à chacun"));
        // the rules find no act here; the model (round 15) gives it a card, never a page (docs/crisis.md)
        assertNull(RulesAlone.level("j'ai laissé mon chat chez ma voisine pour le week-end"));
        assertFalse(ASSESSOR.assess("j'ai laissé mon chat chez ma voisine pour le week-end", null).escalates());
    }

    /** Counted clean time is recovery, not an act today; a cut after the streak still is one. */
    @Test
    void countedCleanDaysAreNoActToday() {
        assertNull(level("400 days without cutting today, never thought I'd get here"));
        assertNull(level("two years clean from cutting myself today"));
        assertNull(level("hoy hace un año sin cortarme los brazos"));
        // the model trained with blind-17 gave this a card until its "time without the act" feature (round 20)
        assertNull(level("heute 90 Tage ohne mich zu ritzen"));
        assertNull(level("ça fait 100 jours sans me scarifier aujourd'hui"));
        assertEquals(RiskLevel.HIGH, level("after 90 days without cutting I cut again tonight"));
        assertEquals(RiskLevel.HIGH, level("dos días sin comer y me corté anoche"));
    }

    /** "Dying of embarrassment" and its kin are hyperbole in every language, also with an article. */
    @Test
    void hyperbolicDyingOfIdiomsAreNoSignal() {
        assertNull(level("me quiero morir de la vergüenza, le escribí a mi profe por error"));
        assertNull(level("me quiero morir del asco con esta serie"));
        assertNull(level("ich will sterben vor lauter Fremdscham"));
        // the second opinion may still offer a card here; the rules give no signal, so no escalation
        assertFalse(ASSESSOR.assess("je veux mourir de la honte, j'ai envoyé ça à mon prof", "fr").escalates());
        assertNull(level("i could die of the cringe"));
        assertNull(level("das Meeting war zum Sterben langweilig"));
        assertEquals(RiskLevel.HIGH, level("me quiero morir, ya no aguanto"));
        assertEquals(RiskLevel.HIGH, level("ich will sterben"));
    }
}
