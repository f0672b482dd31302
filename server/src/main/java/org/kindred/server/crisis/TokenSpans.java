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

    /** Whether the span {@code [start, end)} covers at least two pieces of one split word. */
    static boolean joinsPieces(Token[] t, int start, int end) {
        for (int k = start + 1; k < end; k++) {
            if (t[k].group >= 0 && t[k].group == t[k - 1].group) {
                return true;
            }
        }
        return false;
    }
}
