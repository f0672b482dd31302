package org.kindred.server.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link Normalizer#normalize} result must satisfy, for fuzz and property tests. */
final class NormalizerContract {
    private NormalizerContract() {
    }

    /** Normalises {@code s}, checks the result and the work bound, and returns it. */
    static NormalizedText check(Normalizer normalizer, String s) {
        int[] steps = new int[1];
        NormalizedText t = normalizer.normalize(s, steps);
        int n = s.length();
        assertEquals(s, t.original());
        assertTrue(steps[0] <= 8L * (n + foldedLength(s)) + 16,
                () -> "steps " + steps[0] + " for " + n + " chars (expected: linear)");
        String text = t.text();
        assertEquals(t.length(), text.length());
        if (!text.isEmpty()) {
            assertTrue(text.charAt(0) != ' ' && text.charAt(text.length() - 1) != ' ', "no space at either end");
        }
        int lastStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int start = t.originalStart(i);
            int end = t.originalEnd(i + 1);
            assertTrue(0 <= start && start <= end && end <= n, () -> "range inside the original");
            assertTrue(start >= lastStart, "ranges do not go back");
            lastStart = start;
            assertTrue(t.repeat(i) >= 1);
            if (c == ' ') {
                assertEquals(start, end, "a space maps to an empty range");
                assertTrue(text.charAt(i - 1) != ' ', "single spaces");
            } else {
                assertTrue(Character.isLetterOrDigit(c), () -> "letter or digit, not U+" + Integer.toHexString(c));
                assertEquals(c, Character.toLowerCase(c), "lower case");
                assertTrue(start < end, "a character comes from at least one original character");
            }
        }
        assertTrue(t.originalStart(text.length()) <= n && t.originalEnd(0) <= n);
        return t;
    }

    /** How many chars folding {@code s} character by character gives, at least 0 per char. */
    static long foldedLength(String s) {
        long total = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                total += CharFolding.supplementary(Character.toCodePoint(c, s.charAt(++i))).length();
            } else if (!Character.isSurrogate(c) && CharFolding.single(c) == CharFolding.MULTI) {
                total += CharFolding.multi(c).length();
            } else {
                total++;
            }
        }
        return total;
    }
}
