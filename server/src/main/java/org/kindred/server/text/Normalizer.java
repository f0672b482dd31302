package org.kindred.server.text;

/**
 * Turns a message into a form for matching (never for delivery), keeping a map back to the
 * original characters so that a match can be masked exactly.
 *
 * <p>Steps, in order:
 * <ol>
 *   <li>Per character: NFKC, lower case, combining marks and zero-width/format/bidi/control
 *       characters removed, look-alike letters (Cyrillic, Greek, small capitals, ...) mapped to the
 *       Latin letter they imitate, every kind of white space to a space.</li>
 *   <li>Leetspeak ({@code 0 1 3 4 5 7 8 9 @ $ ! |}) becomes letters only inside a token that
 *       already contains a letter ("h3ll0", "$hit", "sh!t"), so "10 people", "$50" and phone
 *       numbers stay digits. {@code !} and {@code |} convert only between two token characters,
 *       so "stop!" stays a word followed by punctuation.</li>
 *   <li>Words are runs of letters; digits are kept as their own words; everything else separates
 *       words with a single space. An apostrophe between letters is removed ("don't" gives
 *       "dont"). Single letters separated by short runs of punctuation or spaces are joined:
 *       two or more when the separators are punctuation only ("f.u.c.k", "f-u"), three or more when
 *       spaces are involved ("k y s").</li>
 *   <li>Runs of three or more identical letters collapse to one ("fuuuuck" gives "fuck");
 *       doubles are kept ("kill"). {@link NormalizedText#repeat(int)} keeps the run length so a
 *       matcher can still match "assss" against "ass".</li>
 * </ol>
 * Thread-safe. Working buffers are per thread and reused; only the result is allocated.
 */
public final class Normalizer {
    private static final int MAX_RETAINED_SCRATCH = 16 * 1024;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    public Normalizer() {
    }

    /** Normalises {@code original} (not null). */
    public NormalizedText normalize(String original) {
        Scratch s = scratch.get();
        s.reset(original.length());
        fold(original, s);
        leet(s);
        NormalizedText result = buildWords(original, s);
        if (s.chars.length > MAX_RETAINED_SCRATCH) {
            scratch.remove(); // do not pin huge buffers to a thread
        }
        return result;
    }

    /** Step 1: per-character folding into s.chars / s.starts / s.ends. */
    private static void fold(String original, Scratch s) {
        int len = original.length();
        for (int i = 0; i < len; ) {
            char ch = original.charAt(i);
            if (!Character.isSurrogate(ch)) {
                char f = CharFolding.single(ch);
                if (f == CharFolding.DROP) {
                    s.extendLast(i + 1);
                } else if (f == CharFolding.MULTI) {
                    s.appendAll(CharFolding.multi(ch), i, i + 1);
                } else {
                    s.append(f, i, i + 1);
                }
                i++;
                continue;
            }
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (cp < 0x10000) {
                char f = CharFolding.single((char) cp);
                if (f == CharFolding.DROP) {
                    s.extendLast(next);
                } else if (f == CharFolding.MULTI) {
                    s.appendAll(CharFolding.multi(cp), i, next);
                } else {
                    s.append(f, i, next);
                }
            } else {
                String f = CharFolding.supplementary(cp);
                if (f.isEmpty()) {
                    s.extendLast(next);
                } else {
                    s.appendAll(f, i, next);
                }
            }
            i = next;
        }
    }

    /** Step 2: leetspeak inside tokens that contain a letter. */
    private static void leet(Scratch s) {
        char[] c = s.chars;
        int n = s.size;
        int i = 0;
        while (i < n && leetValue(c[i]) == 0) {
            i++;
        }
        if (i == n) {
            return; // nothing that could be leetspeak (the common case)
        }
        while (i > 0 && isTokenChar(c[i - 1])) {
            i--; // back to the start of the token holding the first candidate
        }
        while (i < n) {
            if (!isTokenChar(c[i])) {
                i++;
                continue;
            }
            int a = i;
            boolean letter = false;
            boolean leet = false;
            while (i < n && isTokenChar(c[i])) {
                letter |= isLetter(c[i]);
                leet |= leetValue(c[i]) != 0;
                i++;
            }
            if (letter && leet) {
                for (int p = a; p < i; p++) {
                    char v = leetValue(c[p]);
                    if (v == 0) {
                        continue;
                    }
                    if (!isPunctuationLike(c[p]) || (p > a && letterFollows(c, p, i))) {
                        c[p] = v;
                    }
                }
            }
        }
    }

    private static boolean isPunctuationLike(char ch) {
        return ch == '!' || ch == '|';
    }

    /** True when, after a run of '!'/'|' starting at p, a letter or digit follows in the token. */
    private static boolean letterFollows(char[] c, int p, int tokenEnd) {
        int q = p;
        while (q < tokenEnd && isPunctuationLike(c[q])) {
            q++;
        }
        return q < tokenEnd && (isLetter(c[q]) || isDigit(c[q]));
    }

    private static boolean isTokenChar(char ch) {
        return ch < 128 ? ASCII_KIND[ch] != 0 : isLetter(ch) || isDigit(ch) || leetValue(ch) != 0;
    }

    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte LEET = 4;
    private static final byte[] ASCII_KIND = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            byte k = 0;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                k |= LETTER;
            }
            if (c >= '0' && c <= '9') {
                k |= DIGIT;
            }
            if (leetValue(c) != 0) {
                k |= LEET;
            }
            ASCII_KIND[c] = k;
        }
    }

    /** Character.isLetter with an ASCII fast path (folded text is mostly ASCII). */
    private static boolean isLetter(char ch) {
        return ch < 128 ? (ASCII_KIND[ch] & LETTER) != 0 : Character.isLetter(ch);
    }

    private static boolean isDigit(char ch) {
        return ch < 128 ? (ASCII_KIND[ch] & DIGIT) != 0 : Character.isDigit(ch);
    }

    static char leetValue(char ch) {
        return switch (ch) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3', '€' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '|' -> 'l';
            default -> 0;
        };
    }

    /**
     * Steps 3 and 4: find words (letter runs) and numbers (digit runs), decide joins, and write
     * the spaced, collapsed sequence as the result.
     */
    private static NormalizedText buildWords(String original, Scratch s) {
        char[] c = s.chars;
        int n = s.size;
        int items = 0;
        for (int i = 0; i < n; ) {
            boolean letter = isLetter(c[i]);
            if (!letter && !isDigit(c[i])) {
                i++;
                continue;
            }
            int a = i;
            while (i < n && (letter ? isLetter(c[i]) : isDigit(c[i]))) {
                i++;
            }
            s.addItem(a, i, letter);
            items = s.items;
        }
        // joins: 1 = glue to previous item (no space), 2 = glue and soft boundary
        byte[] join = s.join;
        for (int k = 0; k < items; k++) {
            join[k] = 0;
        }
        for (int k = 1; k < items; k++) {
            if (s.isLetter[k - 1] && s.isLetter[k] && isApostropheGap(c, s.itemEnd[k - 1], s.itemStart[k])) {
                join[k] = 1;
            }
        }
        int k = 0;
        while (k < items) {
            if (!singleLetter(s, k)) {
                k++;
                continue;
            }
            int first = k;
            boolean spaced = false;
            while (k + 1 < items && singleLetter(s, k + 1)) {
                int gap = thinGap(c, s.itemEnd[k], s.itemStart[k + 1]);
                if (gap < 0) {
                    break;
                }
                spaced |= gap == 1;
                k++;
            }
            int count = k - first + 1;
            if (count >= 3 || (count == 2 && !spaced)) {
                for (int j = first + 1; j <= k; j++) {
                    join[j] = 2;
                }
            }
            k++;
        }
        int capacity = n + items;
        Output out = new Output(capacity);
        for (int j = 0; j < items; j++) {
            int a = s.itemStart[j];
            int b = s.itemEnd[j];
            if (j > 0 && join[j] == 0) {
                int gapAt = s.ends[s.itemEnd[j - 1] - 1];
                out.emit(' ', gapAt, gapAt, false);
            }
            for (int p = a; p < b; p++) {
                out.emit(c[p], s.starts[p], s.ends[p], p == a && join[j] == 2);
            }
        }
        return out.build(original);
    }

    /**
     * The result being written: characters with their original ranges; runs of three or more
     * identical letters collapse to one as they are written (step 4).
     */
    private static final class Output {
        final char[] chars;
        final int[] ranges;
        final byte[] info;
        int w;
        int runStart = -1;
        char runChar;
        int runLength;

        Output(int capacity) {
            chars = new char[capacity];
            ranges = new int[2 * capacity];
            info = new byte[capacity];
        }

        void emit(char ch, int start, int end, boolean softBefore) {
            if (runLength > 0 && ch == runChar) {
                runLength++;
                if (runLength == 2) {
                    put(ch, start, end, softBefore);
                    return;
                }
                w = runStart + 1; // third or later: the run becomes its first letter
                ranges[2 * runStart + 1] = end;
                info[runStart] = (byte) ((info[runStart] & NormalizedText.SOFT) | Math.min(runLength, 127));
                return;
            }
            runStart = w;
            runChar = ch;
            runLength = isLetter(ch) ? 1 : 0;
            put(ch, start, end, softBefore);
        }

        private void put(char ch, int start, int end, boolean softBefore) {
            chars[w] = ch;
            ranges[2 * w] = start;
            ranges[2 * w + 1] = end;
            info[w] = (byte) (softBefore ? NormalizedText.SOFT | 1 : 1);
            w++;
        }

        NormalizedText build(String original) {
            return new NormalizedText(original, new String(chars, 0, w), ranges, info);
        }
    }

    private static boolean singleLetter(Scratch s, int k) {
        return s.isLetter[k] && s.itemEnd[k] - s.itemStart[k] == 1;
    }

    /** -1: not thin; 0: punctuation only; 1: contains a space. Thin gaps are 1..3 chars. */
    private static int thinGap(char[] c, int from, int to) {
        int len = to - from;
        if (len < 1 || len > 3) {
            return -1;
        }
        int result = 0;
        for (int p = from; p < to; p++) {
            if (c[p] == ' ') {
                result = 1;
            } else if (c[p] == '\'') {
                return -1;
            }
        }
        return result;
    }

    private static boolean isApostropheGap(char[] c, int from, int to) {
        return to - from == 1 && c[from] == '\'';
    }

}
