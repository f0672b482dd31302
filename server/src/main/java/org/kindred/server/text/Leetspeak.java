package org.kindred.server.text;

/**
 * Step 2 of {@link Normalizer}: leetspeak ({@code 0 1 3 4 5 7 8 9 @ $ ! |}) becomes letters only
 * inside a token that already contains a letter; {@code !} and {@code |} only between two token
 * characters. Also holds the per-character kind table (letter, digit, leet) the token steps use.
 * Linear: one pass to find tokens, one right-to-left pass per token that needs converting.
 */
final class Leetspeak {
    private Leetspeak() {
    }

    /** Step 2 of the normaliser on {@code s.chars}: leetspeak inside tokens that contain a letter. */
    static void apply(Scratch s) {
        char[] c = s.chars;
        int n = s.size;
        int i = 0;
        while (i < n && (kind(c[i]) & LEET) == 0) {
            i++;
        }
        int steps = 2 * i;
        if (i == n) {
            s.steps += steps;
            return; // nothing that could be leetspeak (the common case)
        }
        while (i > 0 && kind(c[i - 1]) != 0) {
            i--; // back to the start of the token holding the first candidate
        }
        while (i < n) {
            if (kind(c[i]) == 0) {
                i++;
                steps++;
                continue;
            }
            int a = i;
            int kinds = 0;
            int k;
            while (i < n && (k = kind(c[i])) != 0) {
                kinds |= k;
                i++;
            }
            steps += i - a;
            if ((kinds & LETTER) != 0 && (kinds & LEET) != 0) {
                steps += convertToken(c, a, i);
            }
        }
        s.steps += steps;
    }

    /**
     * Converts the leet characters of token {@code [a, end)}, right to left in one pass (returns its
     * turns): a '!'/'|' converts only when it is not first and the first character after its run of
     * '!'/'|' in the token is a letter or digit (as originally written). A run of two or more digits
     * that ends or starts the word part of the token, next to a word of {@value #NAME_STEM} or more
     * letters ("moon92", "jake1988", "99problems"), is a number glued to a name and stays digits
     * (issue 12: "moon92@…" was read as "moong…", a slur); digits inside a word ("b00bs", "a55hole")
     * and next to short stems ("sh17", "ki11", "p3n15") are still leetspeak.
     */
    private static int convertToken(char[] c, int a, int end) {
        int steps = 0;
        boolean letterFollows = false; // of the nearest character after p that is not '!'/'|'
        int lettersAfter = 0; // letters in a row directly after p, as written
        for (int p = end - 1; p >= a; p--) {
            steps++;
            char ch = c[p];
            if ((kind(ch) & DIGIT) != 0) {
                int d = p; // the digit run is [d, p]
                while (d > a && (kind(c[d - 1]) & DIGIT) != 0) {
                    d--;
                }
                int lettersBefore = 0;
                while (lettersBefore < NAME_STEM && d - 1 - lettersBefore >= a
                        && (kind(c[d - 1 - lettersBefore]) & LETTER) != 0) {
                    lettersBefore++;
                }
                steps += p - d + lettersBefore;
                boolean number = p > d && (lettersBefore >= NAME_STEM && lettersAfter == 0
                        || lettersAfter >= NAME_STEM && lettersBefore == 0);
                if (!number) {
                    for (int k = d; k <= p; k++) {
                        char v = leetValue(c[k]);
                        if (v != 0) {
                            c[k] = v;
                        }
                    }
                }
                letterFollows = true;
                lettersAfter = 0;
                p = d;
                continue;
            }
            boolean punctuation = isPunctuationLike(ch);
            char v = leetValue(ch);
            if (v != 0 && (!punctuation || (p > a && letterFollows))) {
                c[p] = v;
            }
            if (!punctuation) {
                letterFollows = (kind(ch) & (LETTER | DIGIT)) != 0;
            }
            lettersAfter = (kind(ch) & LETTER) != 0 ? lettersAfter + 1 : 0;
        }
        return steps;
    }

    /** Letters a word needs for a run of digits at its start or end to be a number, not leetspeak. */
    static final int NAME_STEM = 3;

    private static boolean isPunctuationLike(char ch) {
        return ch == '!' || ch == '|';
    }

    static final byte LETTER = 1;
    static final byte DIGIT = 2;
    static final byte LEET = 4;
    /** Per BMP char: LETTER (Character.isLetter), DIGIT (Character.isDigit), LEET (has a leet value). */
    static final byte[] KIND = new byte[0x10000];
    private static final char[] LEET_VALUE = new char[128];

    static {
        String leet = "0o1i!i3e4a@a5s$s7t8b9g|l";
        for (int k = 0; k < leet.length(); k += 2) {
            LEET_VALUE[leet.charAt(k)] = leet.charAt(k + 1);
        }
        for (int c = 0; c < 0x10000; c++) {
            char ch = (char) c;
            KIND[c] = (byte) ((Character.isLetter(ch) ? LETTER : 0) | (Character.isDigit(ch) ? DIGIT : 0)
                    | (leetValue(ch) != 0 ? LEET : 0));
        }
    }

    /** Letter, digit and leet bits of a folded char; 0 means it is not part of a token. */
    private static int kind(char ch) {
        return KIND[ch];
    }

    static char leetValue(char ch) {
        return ch < 128 ? LEET_VALUE[ch] : ch == '€' ? 'e' : 0;
    }
}
