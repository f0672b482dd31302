package org.kindred.server.crisis;

import java.util.Set;

/**
 * Risk words written with masked letters ("s*icide", "s**cide", "s*izid", "suic#de"): the shared
 * normaliser reads a mask character as a space, so such a word reaches the rules as pieces ("s",
 * "icide"). Pieces separated only by mask characters ({@code * # _}) are read again as one word with
 * one unknown letter per mask character, and taken when exactly one listed risk word
 * ({@code typoWords} of risk-rules.yaml) fits: the pieces' letters where they are, any letter at
 * each mask. A run holds at most {@value #MAX_PIECES} pieces and {@value #MAX_LENGTH} characters, so
 * each token is tried in at most one run against the short list: linear in the message's length.
 * Immutable, thread-safe.
 */
final class MaskedWords {
    static final int MAX_PIECES = 4;
    static final int MAX_LENGTH = 24;
    /** Most mask characters between two pieces. */
    static final int MAX_MASKS = 3;

    private final String[] words;

    /** @param words canonical risk words (lower case, no accents) */
    MaskedWords(Set<String> words) {
        this.words = words.stream().filter(w -> w.length() >= 5 && w.length() <= MAX_LENGTH).sorted()
                .toArray(String[]::new);
    }

    /**
     * How many mask characters the original text between two pieces holds, when it holds nothing
     * else (1 to {@value #MAX_MASKS}); else 0.
     */
    static int masks(String original, int from, int to) {
        int n = to - from;
        if (n < 1 || n > MAX_MASKS || from < 0 || to > original.length()) {
            return 0;
        }
        for (int i = from; i < to; i++) {
            char c = original.charAt(i);
            if (c != '*' && c != '#' && c != '_') {
                return 0;
            }
        }
        return n;
    }

    /**
     * The listed word that the pieces with the masks between them spell, or {@code null} when none
     * or more than one fits.
     *
     * @param pieces canonical pieces, in order (2 to {@value #MAX_PIECES})
     * @param masks {@code masks[k]} mask characters between piece {@code k} and {@code k + 1}
     */
    String read(String[] pieces, int[] masks, int count) {
        int length = 0;
        for (int k = 0; k < count; k++) {
            length += pieces[k].length() + (k + 1 < count ? masks[k] : 0);
        }
        if (count < 2 || length > MAX_LENGTH) {
            return null;
        }
        String found = null;
        for (String w : words) {
            if (w.length() == length && fits(w, pieces, masks, count)) {
                if (found != null) {
                    return null;
                }
                found = w;
            }
        }
        return found;
    }

    private static boolean fits(String w, String[] pieces, int[] masks, int count) {
        int at = 0;
        for (int k = 0; k < count; k++) {
            if (!w.startsWith(pieces[k], at)) {
                return false;
            }
            at += pieces[k].length() + (k + 1 < count ? masks[k] : 0);
        }
        return true;
    }
}
