package org.kindred.server.moderation;

import java.util.Set;

/**
 * Finds phone numbers: 7 to 15 digits with single separators (space, dash, dot, slash, brackets,
 * optional leading {@code +}), also spaced out digit by digit. Dates ("12.05.2024", "2024-05-01"),
 * lists of years, digits glued to words ("mp3", "room12") and configured crisis-line numbers
 * (also with an international prefix, "+44 116 123") are not reported. Thread-safe.
 */
final class PhoneNumbers {
    static final int MIN_DIGITS = 7;
    static final int MAX_DIGITS = 15;

    private final Set<String> crisisNumbers;

    PhoneNumbers(Set<String> crisisNumbers) {
        this.crisisNumbers = Set.copyOf(crisisNumbers);
    }

    /**
     * Reports phone numbers in {@code s} to {@code found}. Every turn of the loop moves {@code i}
     * forward, and the checks of a candidate read at most {@code 3 * MAX_DIGITS} characters, so the
     * scan is linear; returns the number of characters read (for tests of that bound).
     */
    int scan(String s, ContactScanner.Found found) {
        int n = s.length();
        int steps = 0;
        int i = 0;
        while (i < n) {
            steps++;
            char c = s.charAt(i);
            boolean opener = (c == '+' || c == '(') && i + 1 < n && ContactScanner.isDigit(s.charAt(i + 1));
            if (!ContactScanner.isDigit(c) && !opener) {
                i++;
                continue;
            }
            if (i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) {
                i++; // always advance: an opener ("alert(1", "day+1") is not itself a letter or digit
                while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
                    i++; // digits glued to a word ("mp3", "room12"): not a phone number
                    steps++;
                }
                continue;
            }
            int j = c == '+' ? i + 1 : i;
            int end = i;
            int digits = 0;
            int separators = 0;
            while (j < n) {
                char d = s.charAt(j);
                if (ContactScanner.isDigit(d)) {
                    digits++;
                    end = j + 1;
                    separators = 0;
                } else if (isPhoneSeparator(d) && separators < 2) {
                    separators++;
                } else {
                    break;
                }
                j++;
            }
            steps += j - i;
            boolean gluedAfter = end < n && Character.isLetter(s.charAt(end));
            if (digits >= MIN_DIGITS && digits <= MAX_DIGITS && !gluedAfter) {
                steps += 2 * (end - i); // both checks read the candidate once
                if (!looksLikeDateOrYears(s, i, end) && !isCrisisNumber(s, i, end)) {
                    found.range(i, end);
                }
            }
            i = Math.max(j, i + 1);
        }
        return steps;
    }

    private static boolean isPhoneSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00A0';
    }

    /** "12.05.2024", "2024-05-01", "2019 2020 2021": dates and years, not phones. */
    private static boolean looksLikeDateOrYears(String s, int from, int to) {
        int[] groups = new int[MAX_DIGITS];
        int count = 0;
        int len = 0;
        boolean allYears = true;
        boolean dateSeparators = true;
        for (int i = from; i <= to && count < groups.length; i++) {
            char c = i < to ? s.charAt(i) : ' ';
            if (ContactScanner.isDigit(c)) {
                len++;
                continue;
            }
            if (len > 0) {
                int g = len;
                allYears &= g == 4 && (s.startsWith("19", i - 4) || s.startsWith("20", i - 4));
                groups[count++] = g;
                len = 0;
            }
            if (i < to && c != '.' && c != '/' && c != '-') {
                dateSeparators = false;
            }
        }
        if (allYears && count >= 2) {
            return true;
        }
        if (dateSeparators && count == 3) {
            boolean dmy = groups[0] <= 2 && groups[1] <= 2 && (groups[2] == 2 || groups[2] == 4);
            boolean ymd = groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2;
            return dmy || ymd;
        }
        return false;
    }

    private boolean isCrisisNumber(String s, int from, int to) {
        StringBuilder digits = new StringBuilder(MAX_DIGITS);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (ContactScanner.isDigit(c)) {
                digits.append(Character.forDigit(Character.digit(c, 10), 10));
            }
        }
        return isCrisisDigits(digits.toString(), s.charAt(from) == '+');
    }

    /**
     * True if {@code d} (ASCII digits) is a configured crisis-line number, also after an
     * international prefix ({@code plus}: it was written with "+"; or "00").
     */
    boolean isCrisisDigits(String d, boolean plus) {
        if (crisisNumbers.contains(d)) {
            return true;
        }
        if (plus || d.startsWith("00")) {
            String rest = d.startsWith("00") ? d.substring(2) : d;
            for (int cc = 1; cc <= 3 && cc < rest.length(); cc++) {
                String national = rest.substring(cc);
                if (crisisNumbers.contains(national) || crisisNumbers.contains("0" + national)) {
                    return true;
                }
            }
        }
        return false;
    }
}
