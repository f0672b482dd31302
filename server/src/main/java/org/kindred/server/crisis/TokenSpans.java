package org.kindred.server.crisis;

import java.util.List;

/** Overlap checks of token spans in linear time, for {@link RiskAssessor}. Stateless. */
final class TokenSpans {
    private TokenSpans() {
    }

    /**
     * For token spans {@code [start, end)}: an array {@code c} of {@code tokens + 1} where
     * {@code c[k]} counts the tokens before {@code k} inside some span, so a span {@code [s, e)}
     * overlaps one of them exactly when {@code c[e] > c[s]}. Linear in tokens plus spans (asking
     * every match against every span was quadratic in a long message full of matches).
     */
    static int[] cover(int tokens, List<int[]> spans) {
        int[] c = new int[tokens + 1];
        for (int[] span : spans) {
            c[span[0]]++;
            c[span[1]]--;
        }
        int depth = 0;
        int before = 0;
        for (int k = 0; k < tokens; k++) {
            depth += c[k];
            c[k] = before;
            if (depth > 0) {
                before++;
            }
        }
        c[tokens] = before;
        return c;
    }

    /**
     * The stretches of the normalised text that the covered tokens take, as sorted, disjoint
     * {@code [from, to)} pairs (a run of covered tokens is one pair, spaces between them included),
     * or null when no token is covered. One pass over the tokens.
     *
     * @param t the tokens the spans were found on
     * @param coverBefore {@link #cover} of the spans over {@code t}, or null for none
     */
    static int[] text(Token[] t, int[] coverBefore) {
        if (coverBefore == null || coverBefore[t.length] == 0) {
            return null;
        }
        int[] out = new int[2 * coverBefore[t.length]];
        int n = 0;
        boolean previous = false;
        for (int k = 0; k < t.length; k++) {
            boolean covered = coverBefore[k + 1] > coverBefore[k];
            if (covered && previous) {
                out[n - 1] = t[k].normEnd;
            } else if (covered) {
                out[n++] = t[k].normStart;
                out[n++] = t[k].normEnd;
            }
            previous = covered;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
