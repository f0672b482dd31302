package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * The kinds of the ninth round (concepts of {@code crisis/combos.yaml}), with the rules alone so a
 * line passes only through the rules and combinations: self-harm by acts other than cutting, being at
 * a dangerous place now, means at hand in other words, farewells and preparations, method plans,
 * concern idioms, abuse without the rules' verbs, and their look-alikes. Every line is written for
 * this test (none is a line of a labelled set).
 */
class RiskRound9KindsTest {
    private static final Normalizer NORMALIZER = new Normalizer();
    private static final RiskAssessor RULES = RiskAssessor.of(RiskRulesLoader.loadBundled(NORMALIZER), null);

    private static RiskLevel level(String text) {
        return RULES.assess(text, null).level();
    }

    @Test
    void selfHarmByActsOtherThanCutting() {
        assertEquals(RiskLevel.HIGH, level("punched the wall until my knuckles bled again"));
        assertEquals(RiskLevel.HIGH, level("i bite myself until it bruises when the panic comes"));
        assertEquals(RiskLevel.HIGH, level("burned my wrist with a cigarette last night"));
        assertEquals(RiskLevel.HIGH, level("been burning my thigh with a lighter when it gets too much, before lunch"));
        assertEquals(RiskLevel.HIGH, level("i starve myself as punishment when i eat too much"));
        assertEquals(RiskLevel.HIGH, level("me golpeo la cabeza contra la pared todos los días"));
        assertEquals(RiskLevel.HIGH, level("ich hau mir mit dem gürtel auf die beine, jeden abend"));
        assertEquals(RiskLevel.HIGH, level("kratz mir den unterarm auf bis es blutet"));
        assertEquals(RiskLevel.HIGH, level("je me brûle avec un briquet sur le bras"));
        // sport, nails, skin complaints and accidents are no self-harm
        assertNull(level("punched the bag at the gym until my knuckles bled"));
        assertNull(level("i bit my nails till they bled before the exam"));
        assertNull(level("je me gratte jusqu'au sang à cause de l'eczéma"));
        assertNull(level("burned my hand on a cigarette lighter by accident"));
        assertNull(level("a year ago i used to punch the wall till my knuckles bled, now i box at the gym"));
    }

    @Test
    void atADangerousPlaceNow() {
        assertEquals(RiskLevel.IMMINENT, level("lying on the tracks behind the station, it's so quiet"));
        assertEquals(RiskLevel.IMMINENT, level("estoy acostada en las vías del tren"));
        assertEquals(RiskLevel.IMMINENT, level("ich lieg auf den schienen hinterm bahnhof"));
        assertEquals(RiskLevel.IMMINENT, level("i'm in the woods with everything i need, nobody will find me here"));
        assertEquals(RiskLevel.IMMINENT, level("gas is on and the windows are shut, just wanted to say bye"));
        assertEquals(RiskLevel.IMMINENT, level("el gas abierto y las ventanas cerradas"));
        assertNull(level("lying on the beach by the tracks with friends"));
        assertNull(level("stuck on the bridge in traffic again, this commute is killing me"));
        assertNull(level("the gas is on for the pasta, windows closed cause its freezing"));
        assertNull(level("camping in the woods with everything i need, nobody will find us lol"));
    }

    @Test
    void meansAtHandInOtherWords() {
        assertEquals(RiskLevel.IMMINENT, level("the rope is looped over the beam in the shed"));
        assertEquals(RiskLevel.IMMINENT, level("tengo el revólver de mi padre en mi cuarto"));
        assertEquals(RiskLevel.IMMINENT, level("i have my dads gun in my room"));
        assertNull(level("i have my dads gun in my room for hunting season"));
        assertNull(level("the belt is looped over the door to dry"));
        assertNull(level("in the film he hangs the belt over the door"));
    }

    @Test
    void farewellsPreparationsAndMethodPlans() {
        assertEquals(RiskLevel.IMMINENT, level("i made my will last week and you wont see me again after sunday"));
        assertEquals(RiskLevel.IMMINENT, level("hab mir frei genommen, damit mich keiner sucht"));
        assertEquals(RiskLevel.IMMINENT, level("morgen bin ich weg, für immer"));
        assertEquals(RiskLevel.HIGH, level("made a list on my phone of how i could do it"));
        assertEquals(RiskLevel.HIGH, level("keep picturing stepping out in front of the train on my way to work"));
        assertEquals(RiskLevel.HIGH, level("tried to end it all in may, my family thinks the hospital stay was the flu"));
        assertNull(level("i keep thinking about the kid who ran out in front of the bus yesterday, so scary"));
        assertNull(level("made my will after the baby was born, adulting"));
        assertNull(level("made a list of how to do it for the ikea wardrobe"));
    }

    @Test
    void concernIdiomsAndAbuseWithoutTheRulesVerbs() {
        assertEquals(RiskLevel.CONCERN, level("everyone would be better off without me honestly"));
        assertEquals(RiskLevel.CONCERN, level("tout le monde serait plus heureux sans moi"));
        assertEquals(RiskLevel.CONCERN, level("todos estarían mejor sin mí"));
        assertEquals(RiskLevel.CONCERN, level("what's the point, nothing ever changes"));
        assertEquals(RiskLevel.CONCERN, level("wozu noch weitermachen"));
        assertEquals(RiskLevel.CONCERN, level("my bf controls everything, he takes my phone and my money"));
        assertEquals(RiskLevel.CONCERN, level("i dont feel safe at home, my stepdad hits me"));
        RiskAssessment abuse = RULES.assess("my bf grabbed me by the throat yesterday", null);
        assertTrue(abuse.categories().contains(RiskCategory.ABUSE_DISCLOSURE), "the one who hurts is the subject: " + abuse);
        assertEquals(RiskLevel.CONCERN, level("wish i could just vanish for a while, nobody would even notice"));
        assertEquals(RiskLevel.CONCERN, level("manchmal wär mir lieber, einfach tot zu sein"));
        assertEquals(RiskLevel.CONCERN, level("je rêve de disparaître, genre plus là"));
        assertNull(level("wish i could switch off my phone for a week"));
        assertNull(level("am liebsten würd ich verschwinden und nach bali ziehen, urlaub!"));
        assertNull(level("whats the point of this meeting, nothing changes"));
        assertNull(level("the party was better without me lol they had fun"));
        assertFalse(RULES.assess("this exam is killing me, i cant do this anymore", null).escalates());
    }

    /** The committed look-alikes of this round's concepts (tuning data): none gets a card from the rules. */
    @Test
    void roundNineLookAlikesGetNoCard() throws Exception {
        List<BlindSetReport.Line> lines = BlindSetReport.read(java.nio.file.Path.of(
                getClass().getClassLoader().getResource("crisis/lookalikes-round9.tsv").toURI()));
        assertTrue(lines.size() >= 25, "lines: " + lines.size());
        for (BlindSetReport.Line l : lines) {
            assertNull(l.expected(), "look-alikes only");
            assertNull(level(l.text()), "line " + l.lineNumber());
        }
    }

    /** A file may name more than 64 concepts: the second half of the masks is read like the first. */
    @Test
    void combinationsOfConceptsPastTheSixtyFourthWork() {
        Map<String, Map<String, List<String>>> concepts = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 70; i++) {
            concepts.put("c" + i, Map.of("en", List.of("word" + (char) ('a' + i % 26) + (char) ('a' + i / 26))));
        }
        List<ConceptCombosLoader.ComboEntry> combos = new ArrayList<>();
        combos.add(new ConceptCombosLoader.ComboEntry(List.of("c66", "c69"), List.of("c68"), 4, "self_harm", "high",
                null, null, null, "self", null));
        LanguageContext none = LanguageContext.union(List.of());
        ConceptCombos c = ConceptCombosLoader.compile(new ConceptCombosLoader.File("t", 8, concepts, combos), NORMALIZER, none);
        Tokenizer tokenizer = RiskRulesLoader.loadBundled(NORMALIZER).tokenizer;
        // c66 is "wordoc", c68 "wordqc", c69 "wordrc" (letters a + i % 26, then a + i / 26)
        assertEquals(1, c.find(tokenizer.tokenize(NORMALIZER.normalize("wordoc x wordrc"))).size());
        assertEquals(0, c.find(tokenizer.tokenize(NORMALIZER.normalize("wordoc x wordrc wordqc"))).size(), "c68 cancels");
        assertEquals(0, c.find(tokenizer.tokenize(NORMALIZER.normalize("wordoc lorem ipsum dolor sit amet wordrc"))).size(), "window");
        combos.set(0, new ConceptCombosLoader.ComboEntry(List.of("c66", "c69"), null, 4, "self_harm", "high",
                null, null, null, "someone", null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConceptCombosLoader.compile(
                new ConceptCombosLoader.File("t", 8, concepts, combos), NORMALIZER, none))
                .getMessage().contains("(expected: any or self)"));
    }
}
