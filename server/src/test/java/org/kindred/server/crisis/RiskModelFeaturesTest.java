package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.text.Normalizer;

/**
 * The statistical second opinion's features ({@link RiskFeatures}): n-grams and words, the model's concepts,
 * means given up.
 */
class RiskModelFeaturesTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    @Test
    void featuresAreThreeCharGramsAndTwoWordFeaturesPerCharacterAtMost() {
        List<Integer> got = new ArrayList<>();
        int n = RiskFeatures.extract("i cut", got::add);
        // " i cut " is 7 chars: 5 trigrams, 4 four-grams, 3 five-grams; 2 words and 1 pair; concepts:
        // self ("i"), self-harm ("cut"), self-harm right after self, and the pair (self, self-harm)
        assertEquals(5 + 4 + 3 + 2 + 1 + 4 * RiskFeatures.CONCEPT_WEIGHT, n);
        assertEquals(n, got.size());
        assertTrue(got.stream().allMatch(i -> i >= 0 && i < RiskFeatures.SIZE));
        List<Integer> again = new ArrayList<>();
        RiskFeatures.extract("i cut", again::add);
        assertEquals(got, again, "deterministic");
        String longText = "a".repeat(50_000);
        assertTrue(RiskFeatures.extract(longText, i -> { }) <= 5 * (longText.length() + 2));
        assertEquals(0, RiskFeatures.extract("", i -> { }));
    }

    @Test
    void conceptWordsOfFourLettersOrMoreAreStemsShorterOnesWholeWords() {
        RiskConcepts c = RiskConcepts.parse(List.of("# test", "death: suicid sh", "", "self: i me"));
        assertEquals(List.of("death", "self"), c.names);
        assertEquals(1, c.lookup("x suiciding", 2, 11), "a stem matches longer words");
        assertEquals(1, c.lookup("suicid", 0, 6));
        assertEquals(0, c.lookup("suic", 0, 4), "shorter than the stem");
        assertEquals(1, c.lookup("sh", 0, 2));
        RiskConcepts exact = RiskConcepts.parse(List.of("throwing: tire="));
        assertEquals(1, exact.lookup("tire", 0, 4));
        assertEquals(0, exact.lookup("tired", 0, 5), "a word with = is that whole word only");
        assertEquals(0, c.lookup("she", 0, 3), "a short word matches only itself");
        assertEquals(2, c.lookup("me", 0, 2));
        assertEquals(0, c.lookup("x".repeat(100), 0, 100));
        assertThrows(IllegalArgumentException.class, () -> RiskConcepts.parse(List.of("no colon here")));
        assertThrows(IllegalArgumentException.class, () -> RiskConcepts.parse(List.of("x: Upper")));
        assertTrue(RiskConcepts.loadBundled().names.contains("finality"));
    }

    private static boolean disposed(String text) {
        boolean[] got = new boolean[1];
        RiskFeatures.extract(NORMALIZER.normalize(text).text(), new RiskFeatures.Sink() {
            @Override
            public void accept(int index) {
            }

            @Override
            public void disposed() {
                got[0] = true;
            }
        });
        return got[0];
    }

    /** What {@link RiskFeatures.Sink#abstained} reports for a text: null when not called, else whether counted. */
    private static Boolean abstained(String text) {
        Boolean[] got = new Boolean[1];
        RiskFeatures.extract(NORMALIZER.normalize(text).text(), new RiskFeatures.Sink() {
            @Override
            public void accept(int index) {
            }

            @Override
            public void abstained(boolean counted) {
                got[0] = counted;
            }
        });
        return got[0];
    }

    /** Time without the act: a self-harm word up to three words after "without", counted after a number. */
    @Test
    void aSelfHarmWordAfterWithoutIsTimeWithoutTheAct() {
        assertEquals(Boolean.TRUE, abstained("heute 90 Tage ohne mich zu ritzen"));
        assertEquals(Boolean.TRUE, abstained("400 days without cutting today"));
        assertEquals(Boolean.TRUE, abstained("ya van 200 días sin cortarme"));
        assertEquals(Boolean.TRUE, abstained("ça fait 100 jours sans me scarifier"));
        assertEquals(Boolean.FALSE, abstained("un an sans me scarifier"), "no number: not counted");
        assertEquals(Boolean.FALSE, abstained("I can't go a day without cutting"), "no number");
        assertEquals(Boolean.TRUE, abstained("after 90 days without cutting I cut again tonight"),
                "a feature, not a verdict: the model weighs the rest");
        assertEquals(null, abstained("I cut myself without thinking"), "the act before without");
        assertEquals(null, abstained("without you I would cut all the time"), "four words after");
        assertEquals(null, abstained("90 days without sugar"), "no self-harm word");
        assertEquals(null, abstained("sinful cutting"), "without is the whole word only");
    }

    /** Means given up: a disposal word within four words of a means word, in either order. */
    @Test
    void meansGivenUpIsADisposalWordNearAMeansWord() {
        assertTrue(disposed("I finally threw away the pills I was saving"));
        assertTrue(disposed("flushed my meds down the toilet"));
        assertTrue(disposed("the blades I kept, I binned them"));
        assertTrue(disposed("hab die Tabletten endlich weggeworfen"));
        assertTrue(disposed("j'ai jeté les cachets à la poubelle"));
        assertTrue(disposed("le entregué las pastillas a mi madre"));
        assertTrue(disposed("tiré las pastillas que guardaba"));
        assertFalse(disposed("I threw myself off the bridge once"), "a reflexive after it: a method");
        assertFalse(disposed("me tiré del puente hace un año"), "a reflexive before a throwing word: a method");
        assertFalse(disposed("je me suis jetée du pont"), "two words before");
        assertFalse(disposed("so tired of the pills"), "tire= is the whole word only");
        assertFalse(disposed("took all the pills and threw up"), "threw up is vomiting");
        assertFalse(disposed("she dumped me so I took the pills"), "dumped me is a break-up");
        assertFalse(disposed("I have the pills"), "means without disposal");
        assertFalse(disposed("threw away my old clothes"), "disposal without means");
        assertFalse(disposed("pills are on the table and later today I threw a party"), "more than four words apart");
    }

    /**
     * Round 16: everyday things and occasions (photos, a visit, a meal, a class or shift, a holiday, something
     * sold) are a concept of the model's own in four languages; drinks, means, times and decisions are not in it.
     */
    @Test
    void everydayThingsAndOccasionsAreAConceptOfTheirOwn() {
        RiskConcepts c = RiskConcepts.loadBundled();
        int everyday = c.bit("everyday");
        for (String w : List.of("selfies", "photos", "grandma", "abuela", "oma", "mamie", "shift", "vacaciones", "urlaub",
                "vendu", "verkauft", "sold", "fiesta", "dejeuner")) {
            assertTrue((c.lookup(w, 0, w.length()) & everyday) != 0, w);
        }
        for (String w : List.of("pills", "tonight", "bridge", "cocktail", "beer", "decided", "goodbye", "neighbour")) {
            assertEquals(0, c.lookup(w, 0, w.length()) & everyday, w);
        }
        List<Integer> with = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        int n = RiskFeatures.extract("took selfies", with::add);
        int m = RiskFeatures.extract("took sxlfies", without::add);
        assertEquals(m + RiskFeatures.CONCEPT_WEIGHT, n, "the concept is a feature of weight CONCEPT_WEIGHT");
    }
    /** The features fed with a weight (concepts, their proximity and pairs, the model's acts) of a text, as a set. */
    private static java.util.Set<Integer> weighted(String text) {
        java.util.Set<Integer> got = new java.util.TreeSet<>();
        RiskFeatures.extract(NORMALIZER.normalize(text).text(), weightedInto(got));
        return got;
    }

    /**
     * A concept word at most three words after a negator is the negated concept, a feature of its own, and its
     * plain concept, proximity and pairs are not fed (round 21: "i dont want to die" is no death wish).
     */
    @Test
    void aConceptWordInANegationsScopeIsTheNegatedConcept() {
        java.util.Set<Integer> cut = weighted("cut");
        java.util.Set<Integer> negatedCut = weighted("never cut");
        assertFalse(negatedCut.isEmpty(), "the negated concept is a feature");
        assertTrue(java.util.Collections.disjoint(cut, negatedCut), "not the concept");
        assertEquals(negatedCut, weighted("not cut"), "one feature whatever the negator");
        assertEquals(negatedCut, weighted("pas cut"));
        assertTrue(weighted("never said that we cut").containsAll(cut), "four words after: out of scope");
        java.util.Set<Integer> die = weighted("sterben");
        assertTrue(java.util.Collections.disjoint(die, weighted("nicht sterben")));
        assertTrue(java.util.Collections.disjoint(weighted("morir"), weighted("no quiero morir")));
        assertTrue(java.util.Collections.disjoint(weighted("tuer"), weighted("je veux pas me tuer")));
        assertTrue(weighted("i want to die").containsAll(weighted("die")));
        assertFalse(weighted("i dont want to die").containsAll(weighted("die")));
        assertTrue(weighted("i cant cut").containsAll(cut), "inability is no negation here");
    }

    /**
     * A word at most three words after a negator is also fed hashed apart (round 23), one more unweighted feature
     * per word in scope; a word out of scope, or after a word of inability, is fed only once.
     */
    @Test
    void aWordInANegationsScopeIsAlsoTheNegatedWord() {
        List<Integer> plain = new ArrayList<>();
        List<Integer> negated = new ArrayList<>();
        RiskFeatures.Sink unweighted = new RiskFeatures.Sink() {
            @Override
            public void accept(int index) {
                plain.add(index);
            }

            @Override
            public void accept(int index, int times) {
            }
        };
        RiskFeatures.extract("xq want to go", unweighted);
        List<Integer> before = new ArrayList<>(plain);
        plain.clear();
        RiskFeatures.extract("no want to go", new RiskFeatures.Sink() {
            @Override
            public void accept(int index) {
                negated.add(index);
            }

            @Override
            public void accept(int index, int times) {
            }
        });
        // the same n-grams and words (the negator's own hashes aside) plus "want", "to", "go" hashed apart
        assertEquals(before.size() + 3, negated.size());
        RiskFeatures.extract("i cant want to go", unweighted);
        int cant = plain.size();
        plain.clear();
        RiskFeatures.extract("i dont want to go", unweighted);
        assertEquals(cant + 3, plain.size(), "inability is no negation");
        plain.clear();
        RiskFeatures.extract("no a b c d", unweighted);
        int four = plain.size();
        plain.clear();
        RiskFeatures.extract("xq a b c d", unweighted);
        assertEquals(plain.size() + 3, four, "the fourth word after the negator is out of scope");
    }

    /**
     * In a message with a negator, each concept of the rules' lexicon is also fed as the negated lexicon concept
     * (round 23); without a negator it is not.
     */
    @Test
    void aLexiconConceptInAMessageWithANegatorIsAlsoTheNegatedConcept() {
        java.util.Set<Integer> plain = weighted("xq", 0b101L);
        java.util.Set<Integer> negated = weighted("no", 0b101L);
        java.util.Set<Integer> none = weighted("no", 0);
        assertEquals(plain.size() + 2 + none.size(), negated.size(), "two concepts, two negated concepts");
        java.util.Set<Integer> added = new java.util.TreeSet<>(negated);
        added.removeAll(plain);
        added.removeAll(none);
        assertEquals(2, added.size());
        assertTrue(java.util.Collections.disjoint(added, weighted("xq", 0b1010L)), "hashed apart from every concept");
    }

    /** A sink that keeps the index of every feature fed with a weight, and ignores the unweighted ones. */
    private static RiskFeatures.Sink weightedInto(java.util.Set<Integer> got) {
        return new RiskFeatures.Sink() {
            @Override
            public void accept(int index) {
            }

            @Override
            public void accept(int index, int times) {
                got.add(index);
            }
        };
    }

    /** The weighted features of {@code text} with the rules' lexicon concepts 0–63 given as {@code lexicon0}. */
    private static java.util.Set<Integer> weighted(String text, long lexicon0) {
        java.util.Set<Integer> got = new java.util.TreeSet<>();
        RiskFeatures.extract(text, lexicon0, 0, 0, 0, weightedInto(got));
        return got;
    }
}
