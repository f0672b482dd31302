package org.kindred.server.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The normaliser finishes in a number of steps linear in its input, whatever the input (issue 11),
 * and keeps its promises on random nasty text. Steps are counted by the normaliser's own loops.
 */
class NormalizerLinearTest {
    private final Normalizer normalizer = new Normalizer();

    private int steps(String s) {
        int[] steps = new int[1];
        normalizer.normalize(s, steps);
        return steps[0];
    }

    /** Found by review: each '!' after a letter looked ahead over the rest of the run of '!'. */
    @Test
    void aLetterThenTwoThousandBangsIsLinear() {
        String s = "a" + "!".repeat(2000);
        assertTrue(steps(s) <= 8 * s.length(), () -> "steps " + steps(s));
        assertTrue(steps("k" + "|".repeat(2000) + "s") <= 8 * 2002);
    }

    @Test
    void leetDecisionsAreUnchanged() {
        assertEquals("shit", normalizer.normalize("sh!t").text());
        assertEquals("stop", normalizer.normalize("stop!").text());
        assertEquals("stop", normalizer.normalize("stop!!!").text());
        assertEquals("aib", normalizer.normalize("a!!!b").text(), "'!' runs between letters are letters");
        assertEquals("a b", normalizer.normalize("a!!! b").text(), "'!' runs at a token's end are punctuation");
        assertEquals("hello", normalizer.normalize("h3ll0").text());
        assertEquals("10 people", normalizer.normalize("10 people").text());
    }

    /**
     * Found by the property test: U+FDFA folds to four words, all from one character; the spaces
     * between them mapped past that character's start, so ranges went back.
     */
    @Test
    void oneCharacterFoldingToSeveralWordsKeepsRangesInOrder() {
        NormalizedText t = NormalizerContract.check(normalizer, "x \uFDFA y");
        assertEquals(4, t.text().chars().filter(c -> c == ' ').count() - 1, "the ligature gives several words");
        for (int i = 0; i < t.length(); i++) {
            assertTrue(t.originalStart(i) <= t.originalEnd(i + 1));
        }
    }

    @Test
    void stepsStayLinearOnAdversarialShapes() {
        for (String s : List.of("1".repeat(4000), "(1".repeat(2000), "a ".repeat(2000), "\u0301".repeat(4000),
                "\uFDFA".repeat(500), "😀".repeat(1000), "\uD800".repeat(2000), "a.".repeat(2000))) {
            NormalizerContract.check(normalizer, s);
        }
    }

    @Property(tries = 300)
    void anyTextKeepsTheContractInLinearSteps(@ForAll("nasty") String s) {
        NormalizerContract.check(normalizer, s);
    }

    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.of("a", "b", "k", "s", "1", "0", "3", "!", "|", "'", "@", "$", " ", "  ", ".", "-", "\t", "\n",
                "\u0301", "\u200B", "\u202E", "\uFDFA", "ß", "Ϲ", "к", "😀", "𝐟", "🅰", "\uD800", "\uDC00", "\uDB40\uDC41", "中",
                "ٌ", "\u3164", "11", "sh!t").list().ofMaxSize(300).map(l -> String.join("", l));
    }
}
