package org.kindred.server.moderation;

import java.util.Arrays;

/**
 * Finds phone numbers written with digits spelled out in words, in English, Spanish, German and
 * French, alone or mixed with digit groups: "five five five two oh three one two three four",
 * "cinco cinco cinco, dos tres cuatro…", "fünf fünf fünf zwei null…", "cinq cinq cinq deux zéro…",
 * "555 two oh three 1234", "double five". A run of number words and digit groups, separated only by
 * short punctuation or spaces, that holds {@value PhoneNumbers#MIN_DIGITS} to
 * {@value PhoneNumbers#MAX_DIGITS} digits and at least one word is reported as one range. Counting
 * up or down ("one two three four five six seven", a grounding exercise's "seven six five four three
 * two one") and configured crisis-line numbers are not. Pure digit runs are {@link PhoneNumbers}'
 * business. Stateless, thread-safe.
 */
final class SpelledNumbers {
    /** Value of a word: a digit 0..9, or {@code DOUBLE}/{@code TRIPLE} for the next digit repeated. */
    private static final int DOUBLE = 12;
    private static final int TRIPLE = 13;
    /** Longest number word, in letters ("quatre", "sieben", "cuatro", "triple": 6; "fuenf" 5). */
    private static final int LONGEST = 6;
    private static final String[] WORDS = {
        // English
        "zero", "0", "oh", "0", "o", "0", "one", "1", "two", "2", "three", "3", "four", "4", "five", "5", "six", "6",
        "seven", "7", "eight", "8", "nine", "9", "double", "D", "triple", "T",
        // Spanish
        "cero", "0", "uno", "1", "una", "1", "dos", "2", "tres", "3", "cuatro", "4", "cinco", "5", "seis", "6",
        "siete", "7", "ocho", "8", "nueve", "9",
        // German (ü folded to u; "fuenf" as typed without umlauts; "zwo" on the phone)
        "null", "0", "eins", "1", "zwei", "2", "zwo", "2", "drei", "3", "vier", "4", "funf", "5", "fuenf", "5",
        "sechs", "6", "sieben", "7", "acht", "8", "neun", "9",
        // French (é folded to e)
        "un", "1", "une", "1", "deux", "2", "trois", "3", "quatre", "4", "cinq", "5", "sept", "7", "huit", "8",
        "neuf", "9",
    };
    private static final long[] KEYS;
    private static final byte[] VALUES;

    static {
        int count = WORDS.length / 2;
        long[][] pairs = new long[count][2];
        for (int k = 0; k < count; k++) {
            String w = WORDS[2 * k];
            String v = WORDS[2 * k + 1];
            pairs[k][0] = key(w, 0, w.length());
            pairs[k][1] = v.equals("D") ? DOUBLE : v.equals("T") ? TRIPLE : v.charAt(0) - '0';
        }
        Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
        KEYS = new long[count];
        VALUES = new byte[count];
        for (int k = 0; k < count; k++) {
            KEYS[k] = pairs[k][0];
            VALUES[k] = (byte) pairs[k][1];
        }
    }

    private SpelledNumbers() {
    }

    /** True if the ASCII word with this {@code String.hashCode()} may be a number word (a cheap pre-check). */
    static boolean mayBeNumberWord(int hash, int length) {
        if (length > LONGEST) {
            return false;
        }
        return Arrays.binarySearch(HASHES, hash) >= 0;
    }

    /** {@code String.hashCode()} of each number word, sorted (the first pass of every contact scan asks per word). */
    private static final int[] HASHES = hashes();

    private static int[] hashes() {
        int[] h = new int[WORDS.length / 2];
        for (int k = 0; k < h.length; k++) {
            h[k] = WORDS[2 * k].hashCode();
        }
        Arrays.sort(h);
        return h;
    }

    /**
     * Reports spelled phone numbers in {@code s} to {@code found}; {@code phones} says which digit
     * strings are crisis lines. Every character is read once by the main loop and at most once more
     * as part of a gap or a word's key, so this is linear; returns the characters read.
     */
    static int scan(String s, PhoneNumbers phones, ContactScanner.Found found) {
        Run run = new Run();
        int n = s.length();
        int steps = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                int a = i;
                while (i < n && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                steps += 2 * (i - a);
                int v = value(s, a, i);
                if (v < 0) {
                    run.close(s, phones, found);
                    continue;
                }
                if (run.open() && !thinGap(s, run.end, a)) {
                    run.close(s, phones, found);
                }
                run.word(a, i, v);
            } else if (ContactScanner.isDigit(c)) {
                int a = i;
                while (i < n && ContactScanner.isDigit(s.charAt(i))) {
                    i++;
                }
                steps += i - a;
                boolean glued = (a > 0 && Character.isLetter(s.charAt(a - 1))) || (i < n && Character.isLetter(s.charAt(i)));
                if (glued) { // "room12", "mp3": not part of a number said aloud
                    run.close(s, phones, found);
                    continue;
                }
                if (run.open() && !thinGap(s, run.end, a)) {
                    run.close(s, phones, found);
                }
                run.digits(s, a, i);
            } else {
                i++;
                steps++;
            }
        }
        run.close(s, phones, found);
        return steps;
    }

    /** The run being read: where it is, its digits (up to one more than a phone number holds), whether a word was in it. */
    private static final class Run {
        int start = -1;
        int end = -1;
        final char[] digits = new char[PhoneNumbers.MAX_DIGITS + 1];
        int count;
        boolean word;
        int repeat = 1;

        boolean open() {
            return start >= 0;
        }

        void word(int a, int b, int v) {
            if (start < 0) {
                start = a;
            }
            end = b;
            if (v == DOUBLE || v == TRIPLE) {
                repeat = v == DOUBLE ? 2 : 3;
                return;
            }
            word = true;
            for (int k = 0; k < repeat; k++) {
                add((char) ('0' + v));
            }
            repeat = 1;
        }

        void digits(String s, int a, int b) {
            if (start < 0) {
                start = a;
            }
            end = b;
            for (int k = a; k < b && count <= PhoneNumbers.MAX_DIGITS; k++) {
                add((char) ('0' + Character.digit(s.charAt(k), 10)));
            }
            repeat = 1;
        }

        private void add(char d) {
            if (count < digits.length) {
                digits[count] = d;
            }
            count++;
        }

        void close(String s, PhoneNumbers phones, ContactScanner.Found found) {
            if (start >= 0 && word && count >= PhoneNumbers.MIN_DIGITS && count <= PhoneNumbers.MAX_DIGITS
                    && !counting() && !phones.isCrisisDigits(new String(digits, 0, count), false)) {
                found.range(start, end);
            }
            start = -1;
            end = -1;
            count = 0;
            word = false;
            repeat = 1;
        }

        /** "one two three …" or "seven six five …": each digit one more (or less) than the one before. */
        private boolean counting() {
            int step = digits[1] - digits[0];
            if (step != 1 && step != -1) {
                return false;
            }
            for (int k = 2; k < count; k++) {
                if (digits[k] - digits[k - 1] != step) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Between two parts of a spoken number: 1..3 spaces or separators ("five, five", "555 - two"). */
    private static boolean thinGap(String s, int from, int to) {
        if (to - from < 1 || to - from > 3) {
            return false;
        }
        for (int k = from; k < to; k++) {
            char c = s.charAt(k);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != ',' && c != '-' && c != '.' && c != '/'
                    && c != '(' && c != ')') {
                return false;
            }
        }
        return true;
    }

    /** The value of the word {@code s[from, to)}, or -1 when it is no number word. */
    private static int value(String s, int from, int to) {
        long key = key(s, from, to);
        if (key < 0) {
            return -1;
        }
        int k = Arrays.binarySearch(KEYS, key);
        return k < 0 ? -1 : VALUES[k];
    }

    /**
     * The word packed into a long (7 bits per lower-case ASCII letter; é/è/ê fold to e, ü/ú to u),
     * or -1 when it is longer than any number word or holds another letter. No allocation.
     */
    private static long key(String s, int from, int to) {
        if (to - from > LONGEST || to <= from) {
            return -1;
        }
        long key = 0;
        for (int k = from; k < to; k++) {
            char c = Character.toLowerCase(s.charAt(k));
            if (c == 'é' || c == 'è' || c == 'ê') {
                c = 'e';
            } else if (c == 'ü' || c == 'ú') {
                c = 'u';
            }
            if (c < 'a' || c > 'z') {
                return -1;
            }
            key = (key << 7) | c;
        }
        return key;
    }
}
