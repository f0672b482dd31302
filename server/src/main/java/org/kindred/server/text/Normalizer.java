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
 *       so "stop!" stays a word followed by punctuation. Two or more digits glued to the start or
 *       end of a word of three or more letters are a number, not leetspeak ("moon92" gives
 *       "moon 92", not "moong2").</li>
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

    /**
     * Normalises {@code original} (not null, any length, any UTF-16 including lone surrogates).
     * Takes time linear in its length: every loop moves forward, and the few that look ahead stop
     * at the end of the token they look into.
     */
    public NormalizedText normalize(String original) {
        return normalize(original, null);
    }

    /**
     * {@link #normalize(String)} that also stores in {@code stepsOrNull[0]} the number of loop turns
     * it took (for tests of the linear-time bound).
     */
    NormalizedText normalize(String original, int[] stepsOrNull) {
        Scratch s = scratch.get();
        s.reset(original);
        fold(s);
        Leetspeak.apply(s);
        NormalizedText result = buildWords(original, s);
        if (stepsOrNull != null) {
            stepsOrNull[0] = s.steps;
        }
        if (s.capacity() > MAX_RETAINED_SCRATCH) {
            scratch.remove(); // do not pin huge buffers to a thread
        }
        return result;
    }

    /** Step 1: per-character folding of s.input into s.chars / s.starts / s.ends. */
    private static void fold(Scratch s) {
        char[] in = s.input;
        int len = s.inputLength;
        char[] out = s.chars;
        int[] starts = s.starts;
        int[] ends = s.ends;
        int size = 0;
        int steps = 0;
        for (int i = 0; i < len; ) {
            steps++;
            char ch = in[i];
            int next = i + 1;
            char f;
            if (!Character.isSurrogate(ch)) {
                f = CharFolding.single(ch);
            } else if (Character.isHighSurrogate(ch) && next < len && Character.isLowSurrogate(in[next])) {
                int cp = Character.toCodePoint(ch, in[next]);
                next++;
                String folded = CharFolding.supplementary(cp);
                if (folded.isEmpty()) {
                    f = CharFolding.DROP;
                } else {
                    s.size = size;
                    s.appendAll(folded, i, next, len - next);
                    steps += folded.length();
                    size = s.size;
                    out = s.chars;
                    starts = s.starts;
                    ends = s.ends;
                    i = next;
                    continue;
                }
            } else {
                f = CharFolding.DROP; // a lone surrogate
            }
            if (f < CharFolding.MULTI) {
                out[size] = f;
                starts[size] = i;
                ends[size] = next;
                size++;
            } else if (f == CharFolding.DROP) {
                if (size > 0) {
                    ends[size - 1] = next; // a dropped character belongs to the one before it
                }
            } else {
                s.size = size;
                s.appendAll(CharFolding.multi(ch), i, next, len - next);
                steps += CharFolding.multi(ch).length();
                size = s.size;
                out = s.chars;
                starts = s.starts;
                ends = s.ends;
            }
            i = next;
        }
        s.size = size;
        s.steps += steps;
    }

    /**
     * Steps 3 and 4: find words (letter runs) and numbers (digit runs), decide joins, and write
     * the spaced, collapsed sequence as the result.
     */
    private static NormalizedText buildWords(String original, Scratch s) {
        char[] c = s.chars;
        int n = s.size;
        s.steps += n;
        for (int i = 0; i < n; ) {
            int k = Leetspeak.KIND[c[i]] & (Leetspeak.LETTER | Leetspeak.DIGIT);
            if (k == 0) {
                i++;
                continue;
            }
            int a = i++;
            while (i < n && (Leetspeak.KIND[c[i]] & k) != 0) {
                i++;
            }
            s.addItem(a, i, k == Leetspeak.LETTER);
        }
        int items = s.items;
        s.steps += 3 * items; // the two loops over items below, and write()
        int[] itemStart = s.itemStart;
        int[] itemEnd = s.itemEnd;
        // joins: 1 = glue to previous item (no space), 2 = glue and soft boundary
        byte[] join = s.join;
        for (int k = 0; k < items; k++) {
            join[k] = 0;
        }
        for (int k = 1; k < items; k++) {
            if (s.isLetter[k - 1] && s.isLetter[k] && isApostropheGap(c, itemEnd[k - 1], itemStart[k])) {
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
                int gap = thinGap(c, itemEnd[k], itemStart[k + 1]);
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
        return write(original, s, items);
    }

    /**
     * Writes the result: each item's characters with their original ranges, a space between
     * items that are not joined; runs of three or more identical letters collapse to one as they
     * are written (step 4), the first letter of the run covering the whole run.
     */
    private static NormalizedText write(String original, Scratch s, int items) {
        char[] c = s.chars;
        int[] starts = s.starts;
        int[] ends = s.ends;
        int[] itemStart = s.itemStart;
        int[] itemEnd = s.itemEnd;
        byte[] join = s.join;
        int capacity = s.size + items;
        char[] chars = new char[capacity];
        int[] ranges = new int[2 * capacity];
        byte[] info = new byte[capacity];
        int w = 0;
        int runStart = -1; // where the current run of one letter started in the output
        char runChar = 0;
        int runLength = 0; // 0 when the last char written is not a letter
        s.steps += s.size;
        for (int j = 0; j < items; j++) {
            int a = itemStart[j];
            int b = itemEnd[j];
            if (j > 0 && join[j] == 0) {
                // between the two items; the min matters when one character folds to several
                // words ("\uFDFA"), so that both items share it and ranges still never go back
                int gapAt = Math.min(ends[itemEnd[j - 1] - 1], starts[a]);
                chars[w] = ' ';
                ranges[2 * w] = gapAt;
                ranges[2 * w + 1] = gapAt;
                info[w] = 1;
                w++;
                runLength = 0;
            }
            boolean letters = s.isLetter[j];
            for (int p = a; p < b; p++) {
                char ch = c[p];
                boolean soft = p == a && join[j] == 2;
                if (runLength > 0 && ch == runChar) {
                    runLength++;
                    if (runLength >= 3) {
                        w = runStart + 1; // third or later: the run becomes its first letter
                        ranges[2 * runStart + 1] = ends[p];
                        info[runStart] = (byte) ((info[runStart] & NormalizedText.SOFT) | Math.min(runLength, 127));
                        continue;
                    }
                } else {
                    runStart = w;
                    runChar = ch;
                    runLength = letters ? 1 : 0;
                }
                chars[w] = ch;
                ranges[2 * w] = starts[p];
                ranges[2 * w + 1] = ends[p];
                info[w] = (byte) (soft ? NormalizedText.SOFT | 1 : 1);
                w++;
            }
        }
        return new NormalizedText(original, chars, w, ranges, info);
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
