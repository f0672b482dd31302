package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.kindred.server.crisis.RulesAlone.assertNoPage;
import static org.kindred.server.crisis.RulesAlone.level;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Nineteenth round, the engine: recovery told with a year or joined by "and", a time set against the
 * past, the negation a booster spells, a decision and an everyday act a full stop apart, and concept
 * entries of different concepts that begin with the same word. Every line was written for this test;
 * each test fails with the engine of the round's start (7226cee).
 */
class RiskRound19EngineTest {

    @Test
    void recoveryJoinedByAndCancelsThePastWishBeforeIt() {
        assertEquals(RiskLevel.CONCERN, level("i wanted to kill myself in 2018 and now i'm doing great"));
        assertEquals(RiskLevel.CONCERN, level("en 2018 quería matarme y ahora estoy mucho mejor"));
        assertEquals(RiskLevel.CONCERN, level("2018 wollte ich mich umbringen und heute bin ich dankbar"));
        assertEquals(RiskLevel.CONCERN, level("en 2018 je voulais me suicider et maintenant je vais mieux"));
    }

    @Test
    void aRiskClauseAfterTheRecoveryIsNotCancelled() {
        assertEquals(RiskLevel.HIGH, level("i used to cut, now i'm sober and i want to kill myself"));
        assertEquals(RiskLevel.HIGH, level("a year ago i wanted to die, today i'm grateful and i want to kill myself"));
        assertEquals(RiskLevel.IMMINENT,
                level("i wanted to kill myself in 2018 and now i'm doing great but tonight i'm doing it"));
    }

    @Test
    void aYearOrAnAgeBeforeAFullStopEndsTheSentence() {
        assertEquals(Token.Boundary.SENTENCE, between("i wanted to die in 2019. now i'm a dad", "2019", "now"));
        assertEquals(Token.Boundary.SENTENCE, between("wanted to die at 17. now im 24", "17", "now"));
        assertEquals(Token.Boundary.SENTENCE, between("mit 16. heute bin ich froh", "16", "heute"));
        assertEquals(Token.Boundary.NONE, between("steh am fenster im 8. stock", "8", "stock"), "an ordinal");
        assertEquals(Token.Boundary.NONE, between("am 3. dezember hab ich geburtstag", "3", "dezember"));
        assertEquals(RiskLevel.CONCERN, level("wanted to die at 17. now im 24 and i love my life"));
        assertEquals(RiskLevel.CONCERN, level("i wanted to die back in 2019. now i'm doing great"));
    }

    @Test
    void aBareYearTellsOfThePast() {
        ComboReading r = RulesAlone.BUNDLED.combos.read(tokens("2017 hab ich versucht mich umzubringen"));
        assertTrue(r.past[0] && r.past[r.past.length - 1], "the clause of a year gone by is past");
        int year = ConceptCombos.TRAINING_YEAR;
        assertTrue(PastYear.of(new Token("2019", 0, 4, Token.Boundary.NONE, -1), year));
        assertTrue(!PastYear.of(new Token(String.valueOf(year), 0, 4,
                Token.Boundary.NONE, -1), year), "this year is no past");
        assertTrue(!PastYear.of(new Token("150", 0, 3, Token.Boundary.NONE, -1), year));
        assertEquals(RiskLevel.HIGH, level("in 2020 i took a whole box of my sleeping pills and woke up in hospital"));
    }

    @Test
    void aTimeThatOpensThePresentAfterThePastIsNoTimeForIt() {
        assertNotEquals(RiskLevel.IMMINENT, level("2017 hab ich versucht mich umzubringen. heute hab ich meinen meisterbrief"));
        assertNotEquals(RiskLevel.IMMINENT, level("in 2017 i tried to kill myself. today i got my degree"));
        assertEquals(RiskLevel.IMMINENT, level("i want to kill myself. today is the day"), "no past: the time counts");
    }

    @Test
    void aBoosterThatSpellsANegationLeavesTheTimeAfterItUnnegated() {
        assertEquals(RiskLevel.IMMINENT, level("won't need it after saturday"));
        assertNull(level("won't need an umbrella after saturday, sun's out"));
        assertNull(level("i don't want to die tonight"), "a signal's negation is unchanged");
        assertEquals(RiskLevel.CONCERN, level("honestly wouldnt mind if i just didnt wake up tomorrow"),
                "a passive wish with a time stays a card");
        RiskAssessor negation = RiskAssessor.of(RiskRulesLoader.compile(RulesAlone.NORMALIZER,
                Map.of(NEGATION, RulesYaml.read(NEGATION, RiskRulesLoader.LanguageFile.class)),
                List.of(new RiskRules.Boost(Set.of(RiskCategory.TIME), Set.of(RiskCategory.PLAN), RiskLevel.IMMINENT))),
                null);
        for (String line : List.of("won't need it after saturday", "no lo necesito después del sábado",
                "brauch ich nicht mehr nach samstag", "j'en aurai pas besoin après samedi")) {
            assertEquals(RiskLevel.IMMINENT, negation.assess(line, null).level(), line);
        }
        assertNull(negation.assess("won't need an umbrella after saturday", null).level());
    }

    @Test
    void aDecisionAndAnEverydayActAFullStopApartDoNotPage() {
        assertNoPage("ich hab mich entschieden. morgen kündige ich");
        assertNoPage("decided. tomorrow i'm quitting the gym");
        assertNoPage("ya lo decidí. mañana me corto el pelo");
        assertNoPage("c'est décidé. demain je me mets au sport");
        assertEquals(RiskLevel.IMMINENT, level("decided. tonight it ends"));
        assertEquals(RiskLevel.IMMINENT, level("decided. tonight."));
        assertEquals(RiskLevel.IMMINENT, level("ich hab mich entschieden. morgen früh"));
        assertEquals(RiskLevel.IMMINENT, level("ya lo decidí. mañana"));
        assertEquals(RiskLevel.IMMINENT, level("c'est décidé. demain matin"));
    }

    @Test
    void entriesOfDifferentConceptsThatBeginWithOneWordAreBothSeen() {
        ConceptCombos overlap = ConceptCombosLoader.compile(RulesYaml.read(OVERLAP, ConceptCombosLoader.File.class),
                RulesAlone.NORMALIZER, new LanguageContext(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                        Set.of()));
        ComboReading r = overlap.read(tokens("fridays the day i am leaving"));
        int time = overlap.names.indexOf("time");
        int day = overlap.names.indexOf("decidedday");
        assertTrue((r.concepts0 & (1L << day)) != 0, "the phrase is seen");
        assertTrue((r.concepts0 & (1L << time)) != 0, "and its first word is still a time, by stem");
        assertEquals(1, r.matches.stream().filter(m -> m.rule().category() == RiskCategory.INTENT).count());
        assertTrue((overlap.read(tokens("the fridays are long")).concepts0 & (1L << time)) != 0);
        ConceptCombosLoader.File off = RulesYaml.read(OVERLAP, ConceptCombosLoader.File.class);
        ConceptCombos hiding = ConceptCombosLoader.compile(new ConceptCombosLoader.File(off.origin(), off.window(),
                off.concepts(), off.combos()), RulesAlone.NORMALIZER, new LanguageContext(Set.of(), Set.of(), Set.of(),
                        Set.of(), Set.of(), Set.of(), Set.of()));
        assertEquals(0, hiding.read(tokens("fridays the day i am leaving")).concepts0 & (1L << time),
                "without phrasesShare (the bundled file) the phrase keeps its first word, as before");
    }

    private static final String NEGATION = "crisis/engine/negation-round19.yaml";
    private static final String OVERLAP = "crisis/engine/overlap-round19.yaml";

    private static Token[] tokens(String text) {
        return RulesAlone.BUNDLED.tokenizer.tokenize(RulesAlone.NORMALIZER.normalize(text));
    }

    /** The boundary before the first token {@code after} that follows a token {@code before}. */
    private static Token.Boundary between(String text, String before, String after) {
        Token[] t = tokens(text);
        for (int k = 1; k < t.length; k++) {
            if (t[k - 1].text.equals(before) && t[k].text.equals(after)) {
                return t[k].before;
            }
        }
        throw new AssertionError("no '" + before + " " + after + "' in " + text);
    }
}
