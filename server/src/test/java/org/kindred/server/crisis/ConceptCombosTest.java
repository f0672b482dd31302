package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Concepts combined by proximity (crisis/combos.yaml): stems instead of enumerated inflections,
 * combinations that reach wordings no rule lists, and the look-alikes they must leave alone.
 * The rules alone (no model) with and without the combinations, so each case shows what they add.
 */
class ConceptCombosTest {
    private static final Normalizer NORMALIZER = new Normalizer();
    private static final RiskRules WITH = RiskRulesLoader.loadBundled(NORMALIZER, true);
    private static final RiskAssessor COMBINED = RiskAssessor.of(WITH, null);
    private static final RiskAssessor RULES = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER, false), null);

    @Test
    void snowballStemsJoinInflectionsPerLanguage() {
        int en = Stemmers.index("en");
        int es = Stemmers.index("es");
        assertEquals(Stemmers.stem(en, "suicidal"), Stemmers.stem(en, "suiciding"));
        assertEquals(Stemmers.stem(en, "hoard"), Stemmers.stem(en, "hoarding"));
        assertEquals(Stemmers.stem(es, "cortar"), Stemmers.stem(es, "cortando"));
        assertEquals(-1, Stemmers.index("nl"));
        String longWord = "x".repeat(10_000);
        assertEquals(longWord, Stemmers.stem(en, longWord), "long words are not stemmed");
    }

    /** Written for this test in the kinds; none of these wordings is in a rule or a labelled set. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cutting again tonight, worse than last time|en|HIGH",
        "burned my thigh on purpose|en|HIGH",
        "me volví a cortar los brazos|es|HIGH",
        "hab mir gestern wieder die beine geritzt|de|HIGH",
        "je me suis encore scarifiée hier soir|fr|HIGH",
        "been stockpiling my sleeping tablets for weeks|en|HIGH",
        "llevo semanas juntando pastillas, ya casi tengo suficientes|es|IMMINENT",
        "swallowed basically the whole blister of my tablets just now|en|IMMINENT",
        "researched which dose would be lethal|en|HIGH",
        "c'est décidé, samedi tout sera fini|fr|IMMINENT",
    })
    void combinationsReachWordingsTheRulesDoNotList(String text, String lang, RiskLevel atLeast) {
        RiskAssessment a = COMBINED.assess(text, lang);
        assertTrue(a.level() != null && a.level().compareTo(atLeast) >= 0, text + " -> " + a);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "cut my hair again, shorter than ever|en",
        "burned my arm on the oven again while cooking|en",
        "me corté el flequillo otra vez|es",
        "googled how many ibuprofen are safe for a headache|en",
        "it all ends tonight, the season finale is at nine|en",
        "a year ago I swallowed a whole box of pills, today I'm grateful to be here|en",
        "sechs monate ohne mich zu ritzen, bin stolz|de",
        "counted my pills into the weekly organiser|en",
        "my sister has been hoarding her pills|en",
        "dernier message pour aujourd'hui, bonne nuit tout le monde|fr",
    })
    void lookAlikesDoNotEscalate(String text, String lang) {
        RiskAssessment a = COMBINED.assess(text, lang);
        assertFalse(a.escalates(), text + " -> " + a);
    }

    @Test
    void aMatchIsExplainedByItsCategoryAndGoesThroughTheNegationCheck() {
        RiskAssessment cut = COMBINED.assess("cutting again tonight, worse than last time", "en");
        assertTrue(cut.categories().contains(RiskCategory.SELF_HARM), cut.toString());
        assertNull(COMBINED.assess("i have never been stockpiling my sleeping tablets", "en").level());
    }

    @Test
    void aClauseAboutThePastTellsOfAnAttemptNotAnActInProgress() {
        assertEquals(RiskLevel.HIGH, COMBINED.assess("a los 15 me tomé todas las pastillas del botiquín", "es").level());
        assertEquals(RiskLevel.IMMINENT, COMBINED.assess("me tomé todas las pastillas del botiquín", "es").level());
        // the past ends at a present word: what follows is not a story
        assertEquals(RiskLevel.IMMINENT, COMBINED.assess(
                "a year ago I wanted to die, today I'm grateful but I want to kill myself tonight", "en").level());
    }

    @Test
    void theyAddToTheRulesWithoutTakingAnythingAway() {
        for (String text : List.of("i want to die", "took all my pills an hour ago", "i'll kill myself tonight")) {
            RiskLevel rules = RULES.assess(text, "en").level();
            RiskLevel both = COMBINED.assess(text, "en").level();
            assertTrue(both.compareTo(rules) >= 0, text);
        }
    }

    @Test
    void aLongSentenceOfConceptWordsIsReadOnceAndMatchesAreBounded() {
        String text = "again cut arm pills saved enough tonight decided ".repeat(5_000);
        Token[] t = WITH.tokenizer.tokenize(NORMALIZER.normalize(text));
        List<ConceptCombos.Match> m = WITH.combos.find(t);
        assertTrue(m.size() <= 2 * WITH.combos.combos.size(), "at most two per combination and sentence: " + m.size());
        assertTrue(ConceptLexicon.isBig("15") && ConceptLexicon.isBig("100") && !ConceptLexicon.isBig("9")
                && !ConceptLexicon.isBig("05"));
    }

    @Test
    void badFilesAreRefusedWithWhatWasExpected() {
        LanguageContext none = LanguageContext.union(List.of());
        ConceptCombosLoader.File unknown = new ConceptCombosLoader.File("t", 8, Map.of("a", Map.of("en", List.of("x"))),
                List.of(new ConceptCombosLoader.ComboEntry(List.of("a", "b"), null, null, "self_harm", "high", null, null, null, null, null)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConceptCombosLoader.compile(unknown, NORMALIZER, none));
        assertTrue(e.getMessage().contains("concept 'b' (expected: one of [a])"), e.getMessage());
        ConceptCombosLoader.File lang = new ConceptCombosLoader.File("t", 8, Map.of("a", Map.of("nl", List.of("x"))), List.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConceptCombosLoader.compile(lang, NORMALIZER, none))
                .getMessage().contains("(expected: en, es, de or fr)"));
    }

    /** A word for concept {@code i} of a made-up file: two letters after "kx", so no two share a stem. */
    private static String word(int i) {
        return "kx" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }

    /** A made-up file of {@code n} concepts, in order, and the given combinations. */
    private static ConceptCombosLoader.File concepts(int n, List<ConceptCombosLoader.ComboEntry> combos) {
        Map<String, Map<String, List<String>>> concepts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            concepts.put("c" + i, Map.of("en", List.of(word(i))));
        }
        return new ConceptCombosLoader.File("t", 8, concepts, combos);
    }

    /**
     * Round 13: the bundled file outgrew two 64-bit masks (127 of 128 concepts); concepts past the
     * 128th are combined and cancel like the first ones, and the limit's error says what it expects.
     */
    @Test
    void conceptsPastTheHundredTwentyEighthCombineAndCancel() {
        LanguageContext none = LanguageContext.union(List.of());
        int n = ConceptCombos.MAX_CONCEPTS;
        assertTrue(n > 128, "room for more than two masks: " + n);
        ConceptCombos c = ConceptCombosLoader.compile(concepts(n, List.of(
                new ConceptCombosLoader.ComboEntry(List.of("c128", "c" + (n - 1)), List.of("c130"), null, "self_harm",
                        "high", null, null, null, null, null),
                new ConceptCombosLoader.ComboEntry(List.of("c3", "c70", "c129"), null, null, "ideation",
                        "high", null, null, null, null, null))), NORMALIZER, none);
        assertEquals(1, c.find(tokens(word(128) + " and " + word(n - 1))).size(), "the 129th and the last concept");
        assertEquals(0, c.find(tokens(word(128) + " and " + word(n - 1) + " " + word(130))).size(),
                "a 131st concept cancels");
        assertEquals(0, c.find(tokens(word(128) + " and " + word(n - 2))).size(), "a neighbour is not the concept");
        assertEquals(1, c.find(tokens(word(3) + " " + word(70) + " " + word(129))).size(), "one from each mask");
        assertEquals(0, c.find(tokens(word(3) + " " + word(129))).size(), "one missing");
        assertEquals(2, c.find(tokens(word(128) + " " + word(n - 1) + ". " + word(128) + " " + word(n - 1))).size(),
                "each sentence is read with clean slots");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConceptCombosLoader.compile(concepts(n + 1, List.of()), NORMALIZER, none));
        assertTrue(e.getMessage().contains((n + 1) + " concepts (expected: at most " + n + ")"), e.getMessage());
    }

    private static Token[] tokens(String text) {
        return WITH.tokenizer.tokenize(NORMALIZER.normalize(text));
    }

    /** Round 8: at a dangerous spot now, an act in progress with fumes, poison or alcohol on pills, preparations and a time. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "standing on the railing of the ferry bridge rn",
        "im at the edge of the car park roof, just wanted to say it",
        "estoy sentada en la cornisa del edificio ahora mismo",
        "stehe gerade am rand vom steinbruch",
        "je suis sur le rebord de la fenêtre ouverte au 6e",
        "sitting in my car in the garage, engine running, windows up",
        "downed a bottle of wine with all my sleeping pills",
        "deleted all my accounts and paid rent ahead, sunday is the day",
    })
    void beingThereNowAndActsInProgressAreImminent(String text) {
        assertEquals(RiskLevel.IMMINENT, COMBINED.assess(text, null).level(), text);
    }

    /** Their look-alikes: an edge that is no height, leisure at the water, repairs, a question about a drink. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sitting on the edge of my bed crying",
        "im on edge today, so anxious",
        "im at the beach watching the sunset by the edge of the water",
        "i'm in the garage fixing the car, engine running",
        "can i drink wine with my antidepressants?",
        "deleted my socials for a digital detox starting monday",
        "je suis au bord de la piscine avec les enfants",
        "im at the edge of my patience with my boss",
    })
    void theirLookAlikesAreNoEscalation(String text) {
        assertFalse(COMBINED.assess(text, null).escalates(), text);
    }

    /** Concern in everyday words: a card (no escalation); their look-alikes none. Also a named drug swallowed. */
    @Test
    void concernInEverydayWordsAndNamedDrugs() {
        for (String text : List.of("honestly wouldnt mind not waking up tomorrow", "it would be a relief if a bus hit me",
                "je coûte trop cher à mes parents", "ich fühl mich innerlich so leer", "i feel so empty lately")) {
            RiskAssessment a = COMBINED.assess(text, null);
            assertEquals(RiskLevel.CONCERN, a.level(), text);
            assertNull(RULES.assess(text, null).level(), "the combinations add it: " + text);
        }
        for (String text : List.of("hope i dont wake up early tomorrow", "the fridge is empty", "hit me up if youre free",
                "sorry everyone, this is the last thing i'll post before my exams")) {
            assertNull(COMBINED.assess(text, null).level(), text);
        }
        assertEquals(RiskLevel.IMMINENT, COMBINED.assess("hab grad alle meine tavor geschluckt", null).level());
    }

    /** Method imagery and a past attempt with the thoughts back are high; a bike repair tried once is nothing. */
    @Test
    void methodImageryAndAnAttemptWithTheThoughtsBack() {
        for (String text : List.of("i picture myself jumping off the parking deck every night",
                "mein kopf zeigt mir bilder wie ich springe",
                "tried to end it two years ago and the thoughts are coming back")) {
            assertEquals(RiskLevel.HIGH, COMBINED.assess(text, null).level(), text);
            assertNull(RULES.assess(text, null).level(), "the combinations add it: " + text);
        }
        for (String text : List.of("i picture myself jumping into the pool this summer",
                "tried once to fix my bike, thinking of trying again", "j'ai déjà essayé ce resto et j'y pense encore")) {
            assertNull(COMBINED.assess(text, null).level(), text);
        }
    }
}
