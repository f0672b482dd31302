package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bounded typo tolerance for the risk vocabulary ({@code typoWords} in risk-rules.yaml): a word the
 * rules do not know reads as a listed risk word within Damerau edit distance 1 when that word has
 * 5 or more letters, 2 when it has 8 or more ("sucidal" → suicidal, "suicdal" → suicidal, "agian" →
 * again). Lookup by deletion neighbourhoods: a word of n letters costs O(n²) hash probes, and words
 * longer than {@value #MAX_LENGTH} letters are never corrected, so the cost per message stays linear
 * in its length. Immutable, thread-safe.
 */
final class TypoIndex {
    static final int MIN_LENGTH = 5;
    static final int LONG = 8;
    static final int MAX_LENGTH = 24;

    /** Deletion variant (up to 2 letters removed) to the listed words that produce it. */
    private final Map<String, List<String>> byDelete = new HashMap<>();

    /** @param words canonical risk words; shorter than {@value #MIN_LENGTH} letters are ignored */
    TypoIndex(Set<String> words) {
        for (String w : words) {
            if (w.length() < MIN_LENGTH || w.length() > MAX_LENGTH) {
                continue;
            }
            for (String d : deletes(w, w.length() >= LONG ? 2 : 1)) {
                List<String> l = byDelete.computeIfAbsent(d, k -> new ArrayList<>(1));
                if (!l.contains(w)) {
                    l.add(w);
                }
            }
        }
    }

    /** The listed word nearest to {@code word} within its allowed distance, or {@code null}. */
    String correct(String word) {
        int n = word.length();
        if (byDelete.isEmpty() || n < MIN_LENGTH || n > MAX_LENGTH) {
            return null;
        }
        String best = null;
        int bestDistance = 3;
        for (String d : deletes(word, n >= LONG - 1 ? 2 : 1)) {
            List<String> candidates = byDelete.get(d);
            if (candidates == null) {
                continue;
            }
            for (String c : candidates) {
                int allowed = c.length() >= LONG ? 2 : 1;
                int dist = distance(word, c, allowed);
                if (dist <= allowed && dist < bestDistance) {
                    best = c;
                    bestDistance = dist;
                }
            }
        }
        return best;
    }

    /** The word and every variant with up to {@code max} letters removed. */
    private static Set<String> deletes(String w, int max) {
        Set<String> out = new HashSet<>();
        out.add(w);
        List<String> frontier = List.of(w);
        for (int round = 0; round < max; round++) {
            List<String> next = new ArrayList<>();
            for (String s : frontier) {
                for (int i = 0; i < s.length(); i++) {
                    String d = s.substring(0, i) + s.substring(i + 1);
                    if (out.add(d)) {
                        next.add(d);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }

    /** Optimal-string-alignment distance, or {@code max + 1} when it is larger than {@code max}. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return Math.min(d[a.length()][b.length()], max + 1);
    }
}
