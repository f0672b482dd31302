package org.kindred.server.moderation;

/**
 * Finds e-mail addresses spelled out to dodge the filter: {@code jo at mail dot com},
 * {@code jo(at)mail(dot)com}, {@code jo [at] mail [dot] com}, {@code jo@mail dot com}.
 *
 * <p>Shape (ASCII letters in any case; "white space" is space, tab, line feed, vertical tab,
 * form feed or carriage return): a local part of two or more of {@code a-z 0-9 . _ % + -}, optional
 * white space, then {@code (at)}, {@code [at]}, {@code @} or {@code at} between white space, optional
 * white space, a domain of two or more of {@code a-z 0-9 -}, optional white space, then {@code (dot)},
 * {@code [dot]} or {@code dot} between white space, optional white space, and a top-level domain of
 * two to six letters not followed by a letter, digit, {@code _} or combining mark. Matches are
 * reported leftmost first and do not overlap; a match starts where its run of local-part characters
 * starts (these are the matches the regular expression this replaces found with {@code find()}).
 *
 * <p>Linear time: every piece of the shape is a maximal run or a fixed word, so each attempt is
 * decided without backtracking, and the only attempt that starts at a run of local-part characters
 * reads the white space, separators and domain that follow it. {@link #scan} returns the number of
 * characters read so tests can check that bound. Stateless, thread-safe.
 */
final class SpelledEmails {
    private SpelledEmails() {
    }

    /**
     * Reports every spelled-out address in {@code s} to {@code found}; returns the number of
     * characters examined (at most a small multiple of {@code s.length()}).
     */
    static int scan(String s, ContactScanner.Found found) {
        int n = s.length();
        int steps = 0;
        int i = 0;
        while (i < n) {
            steps++;
            if (!isLocal(s.charAt(i))) {
                i++;
                continue;
            }
            int runStart = i;
            int q = i + 1;
            while (q < n && isLocal(s.charAt(q))) {
                q++;
            }
            steps += q - i;
            if (q - runStart >= 2) {
                long r = rest(s, q);
                steps += (int) r;
                int end = (int) (r >> 32);
                if (end > q) {
                    found.range(runStart, end);
                    i = end;
                    continue;
                }
            }
            i = q; // a later start inside the run meets the same rest, so it fails the same way
        }
        return steps;
    }

    /**
     * Matches everything after the local part, from {@code q}. Returns {@code end << 32 | steps},
     * with {@code end} 0 when there is no match.
     */
    private static long rest(String s, int q) {
        int n = s.length();
        int p = skipSpace(s, q);
        int steps = p - q + 1;
        int afterAt = separator(s, q, p, "at");
        if (afterAt < 0) {
            return steps;
        }
        int domain = skipSpace(s, afterAt);
        int domainEnd = domain;
        while (domainEnd < n && isDomain(s.charAt(domainEnd))) {
            domainEnd++;
        }
        steps += domainEnd - q;
        if (domainEnd - domain < 2) {
            return steps;
        }
        int p5 = skipSpace(s, domainEnd);
        steps += p5 - domainEnd + 5;
        int afterDot = separator(s, domainEnd, p5, "dot");
        if (afterDot < 0) {
            return steps;
        }
        int tld = skipSpace(s, afterDot);
        int m = 0;
        while (m < 7 && tld + m < n && isAsciiLetter(s.charAt(tld + m))) {
            m++;
        }
        steps += tld - afterDot + m + 1;
        int end = tld + m;
        if (m < 2 || m > 6 || (end < n && isWordAfter(s, end))) {
            return steps;
        }
        return ((long) end << 32) | steps;
    }

    /**
     * The separator {@code word} at {@code p}, after white space {@code [from, p)}: "(word)",
     * "[word]", for "at" also "@", or the word between white space (the space before it being the
     * last of {@code [from, p)}). Returns the index after it, or -1.
     */
    private static int separator(String s, int from, int p, String word) {
        int n = s.length();
        int w = word.length();
        if (p >= n) {
            return -1;
        }
        char c = s.charAt(p);
        if (c == '@' && w == 2) {
            return p + 1;
        }
        if ((c == '(' || c == '[') && p + w + 1 < n && isWord(s, p + 1, word)
                && s.charAt(p + w + 1) == (c == '(' ? ')' : ']')) {
            return p + w + 2;
        }
        if (p > from && p + w < n && isWord(s, p, word) && isSpace(s.charAt(p + w))) {
            return p + w + 1;
        }
        return -1;
    }

    /** True when {@code word} (lower-case ASCII letters) stands at {@code p} in ASCII upper or lower case. */
    private static boolean isWord(String s, int p, String word) {
        for (int k = 0; k < word.length(); k++) {
            char c = s.charAt(p + k);
            if (c >= 128 || (c | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int skipSpace(String s, int i) {
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** What {@code \b} after a letter forbids: a letter, digit, {@code _} or combining mark next. */
    private static boolean isWordAfter(String s, int i) {
        int cp = s.codePointAt(i);
        return cp == '_' || Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDomain(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '-';
    }

    private static boolean isLocal(char c) {
        return isDomain(c) || c == '.' || c == '_' || c == '%' || c == '+';
    }
}
