package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What masking must do, for fuzz and property tests: every recorded mask lies inside the text,
 * and the masked text is the text with exactly the code points that a mask touches replaced by
 * one {@code *} each; every other character is the original one.
 */
final class MaskContract {
    private MaskContract() {
    }

    static void check(Evaluation e) {
        String s = e.text();
        boolean[] hide = new boolean[s.length()];
        for (int m = 0; m < e.maskCount(); m++) {
            int start = e.maskStart(m);
            int end = e.maskEnd(m);
            assertTrue(0 <= start && start < end && end <= s.length(),
                    () -> "mask [" + start + ", " + end + ") inside 0.." + s.length());
            for (int k = start; k < end; k++) {
                hide[k] = true;
            }
        }
        StringBuilder expected = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean hidden = false;
            for (int k = i; k < i + len; k++) {
                hidden |= hide[k];
            }
            if (hidden) {
                expected.append('*');
            } else {
                expected.appendCodePoint(cp);
            }
            i += len;
        }
        String masked = e.maskCount() == 0 ? s : VerdictAssembler.masked(e);
        assertEquals(expected.toString(), masked, "masked text: one * per touched code point, the rest as written");
    }

    /** Checks a found range of a text of length {@code n}. */
    static void inside(int start, int end, int n) {
        assertTrue(0 <= start && start < end && end <= n, () -> "range [" + start + ", " + end + ") inside 0.." + n);
    }
}
