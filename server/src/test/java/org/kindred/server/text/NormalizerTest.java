package org.kindred.server.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTest {
    private final Normalizer normalizer = new Normalizer();

    private String norm(String s) {
        return normalizer.normalize(s).text();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Hello World|hello world",
        "'  lots   of\t\u2003space  '|lots of space",
        "ＦＵＬＬ ｗｉｄｔｈ|full width",
        "Café naïve façade|cafe naive facade",
        "Straße|strasse",
        "ﬁne|fine",
        "рurе сyrillic lооk|pure cyrillic look",
        "ΑΒΕ κοτ|abe kot",
        "h3ll0 w0rld|hello world",
        "$h1t|shit",
        "sh!t happens!|shit happens",
        "sh!!t, stop!!|shiit stop",
        "@ss|ass",
        "10 people at 5pm|10 people at spm",
        "call 0123 456 789|call 0123 456 789",
        "$50 please|50 please",
        "k y s|kys",
        "f.u.c.k off|fuck off",
        "f-u-c-k|fuck",
        "f_u_c_k you|fuck you",
        "a b|a b",
        "fuuuuuck|fuck",
        "kill|kill",
        "don't|dont",
        "you’re right|youre right",
        "go-kill-yourself|go kill yourself",
        "kill🔪yourself|kill yourself",
        "𝐟𝐮𝐜𝐤|fuck",
        "🅵🆄🅲🅺|fuck",
        "ⓕⓤⓒⓚ|fuck",
        "I want to die...|i want to die",
        "U.S.A.|usa",
        // issue 12: two or more digits glued to a word of 3+ letters are a number, not leetspeak
        "moon92|moon 92",
        "moon92@gmail.com|moon 92 agmail com",
        "jake1988 and 99problems|jake 1988 and 99 problems",
        "b00bs a55hole sh17 p3n15 ki11|boobs asshole shit penis ki",
    })
    void normalises(String input, String expected) {
        assertEquals(expected, norm(input));
    }

    @Test
    void stripsZeroWidthAndCombiningMarksButKeepsThemInTheOffsetRange() {
        String original = "you f\u200Bu\u0336c\u0336k\u0336 off";
        NormalizedText t = normalizer.normalize(original);
        assertEquals("you fuck off", t.text());
        int s = t.text().indexOf("fuck");
        int from = t.originalStart(s);
        int to = t.originalEnd(s + 4);
        assertEquals("f\u200Bu\u0336c\u0336k\u0336", original.substring(from, to));
    }

    @Test
    void offsetsOfJoinedAndCollapsedSpansCoverExactlyTheOriginal() {
        String original = "hey f . u . c . k and fuuuuuuck!!";
        NormalizedText t = normalizer.normalize(original);
        assertEquals("hey fuck and fuck", t.text());
        assertEquals("f . u . c . k", original.substring(t.originalStart(4), t.originalEnd(8)));
        int second = t.text().lastIndexOf("fuck");
        assertEquals("fuuuuuuck", original.substring(t.originalStart(second), t.originalEnd(second + 4)));
        assertEquals(6, t.repeat(second + 1));
        assertEquals(1, t.repeat(second));
    }

    @Test
    void marksSoftBoundariesOnlyInsideJoinedSingleLetters() {
        NormalizedText t = normalizer.normalize("you are a b i t c h");
        assertEquals("you are abitch", t.text());
        int a = t.text().indexOf("abitch");
        assertFalse(t.softBoundaryBefore(a));
        assertTrue(t.softBoundaryBefore(a + 1));
        assertFalse(t.softBoundaryBefore(1));
    }

    @Test
    void surrogatePairsMapToWholeCodePoints() {
        String original = "ok 😀 fine";
        NormalizedText t = normalizer.normalize(original);
        assertEquals("ok fine", t.text());
        assertEquals("fine", original.substring(t.originalStart(3), t.originalEnd(7)));
    }

    @Test
    void charAtReadsTheTextWithoutMakingTheString() {
        NormalizedText t = normalizer.normalize("Ｈ3llo,   wörld!!");
        String text = t.text();
        assertEquals("hello world", text);
        assertEquals(text.length(), t.length());
        for (int i = 0; i < t.length(); i++) {
            assertEquals(text.charAt(i), t.charAt(i));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IndexOutOfBoundsException.class, () -> t.charAt(t.length()));
        assertTrue(t.text() == text, "the string is made once");
    }

    @Test
    void emptyAndBlankInputs() {
        assertEquals("", norm(""));
        assertEquals("", norm(" \u200B\t "));
        NormalizedText t = normalizer.normalize("");
        assertEquals(0, t.originalStart(0));
        assertEquals(0, t.originalEnd(0));
    }

    @Test
    void isThreadSafe() throws Exception {
        List<String> inputs = List.of("h3ll0 w0rld", "f.u.c.k off", "Straße café", "k y s now");
        List<String> expected = inputs.stream().map(this::norm).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        int k = i % inputs.size();
                        if (!normalizer.normalize(inputs.get(k)).text().equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Naughty-strings finding (issue 11): U+FFFE is the folding table's marker and threw on the event loop. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"ok \uFFFE", "\uFFFE", "a\uFFFFb\uFFFEc", "\uFFFE\uFFFE kys"})
    void markerNoncharactersAreDroppedNotCrashed(String text) {
        NormalizedText t = normalizer.normalize(text);
        org.junit.jupiter.api.Assertions.assertFalse(t.text().contains("\uFFFE") || t.text().contains("\uFFFF"), t.text());
        for (int i = 0; i < t.text().length(); i++) {
            int o = t.originalStart(i);
            org.junit.jupiter.api.Assertions.assertTrue(o >= 0 && o < text.length());
        }
    }
}
