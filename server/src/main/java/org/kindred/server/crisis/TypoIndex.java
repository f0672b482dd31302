package org.kindred.server.crisis;

import java.util.Set;

/**
 * Bounded typo tolerance for the risk vocabulary ({@code typoWords} in risk-rules.yaml): a word the
 * rules do not know reads as a listed risk word within Damerau edit distance 1 when that word has
 * 5 or more letters, 2 when it has 8 or more ("sucidal" → suicidal, "suicdal" → suicidal, "agian" →
 * again). A listed word is only compared when the lengths allow it and one of the first two letters
 * agrees (typos rarely hit both), and the distance is computed in a band and stops early, so a word
 * costs O(listed words × letters); words longer than {@value #MAX_LENGTH} letters are never
 * corrected, so the cost per message stays linear in its length. Immutable, thread-safe.
 */
final class TypoIndex {
    static final int MIN_LENGTH = 5;
    static final int LONG = 8;
    static final int MAX_LENGTH = 24;

    private final String[] words;

    /** @param words canonical risk words; shorter than {@value #MIN_LENGTH} letters are ignored */
    TypoIndex(Set<String> words) {
        this.words = words.stream().filter(w -> w.length() >= MIN_LENGTH && w.length() <= MAX_LENGTH)
                .sorted().toArray(String[]::new);
    }

    /** The listed word nearest to {@code word} within its allowed distance, or {@code null}. */
    String correct(String word) {
        int n = word.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH) {
            return null;
        }
        String best = null;
        int bestDistance = 3;
        for (String c : words) {
            int allowed = c.length() >= LONG ? 2 : 1;
            if (Math.abs(c.length() - n) > allowed
                    || (c.charAt(0) != word.charAt(0) && c.charAt(1) != word.charAt(1))) {
                continue;
            }
            int dist = distance(word, c, Math.min(allowed, bestDistance - 1));
            if (dist <= allowed && dist < bestDistance) {
                best = c;
                bestDistance = dist;
            }
        }
        return best;
    }

    /**
     * Optimal-string-alignment distance, or {@code max + 1} as soon as it must be larger than
     * {@code max} (a row whose smallest cell exceeds {@code max}).
     */
    static int distance(String a, String b, int max) {
        if (max < 0 || Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], max + 1);
    }
}
