package org.kindred.server.moderation;

/**
 * Stage 1: removes control characters (except line breaks) and bidirectional overrides and
 * isolates, trims, and refuses messages that are empty or longer than the configured maximum
 * (counted in code points) as {@link Outcome#INVALID} ({@code text_invalid}).
 */
public final class ShapeStage implements Stage {
    private final int maxLength;

    public ShapeStage(int maxLength) {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength " + maxLength + " (expected: >= 1)");
        }
        this.maxLength = maxLength;
    }

    @Override
    public StageName name() {
        return StageName.SHAPE;
    }

    @Override
    public void apply(Evaluation e) {
        String cleaned = clean(e.text()).strip();
        if (cleaned.isEmpty()) {
            e.finish(Verdict.refused(Outcome.INVALID, "Your message is empty. Type something before sending.", 0));
            return;
        }
        int length = cleaned.length() <= maxLength ? 0 : cleaned.codePointCount(0, cleaned.length());
        if (length > maxLength) {
            e.finish(Verdict.refused(Outcome.INVALID, "Your message is too long: please keep it to " + maxLength
                    + " characters (it has " + length + ").", 0));
            return;
        }
        e.replaceText(cleaned);
    }

    /** Returns {@code s} itself when nothing needs removing (the common case). */
    static String clean(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && !removable(s.charAt(i))) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch == '\r') {
                if (i + 1 < n && s.charAt(i + 1) == '\n') {
                    continue;
                }
                out.append('\n');
            } else if (ch == '\t') {
                out.append(' ');
            } else if (!removable(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    private static boolean removable(char ch) {
        if (ch < 0x20) {
            return ch != '\n';
        }
        return (ch >= 0x7F && ch <= 0x9F) // C1 controls and DEL
                || (ch >= 0x202A && ch <= 0x202E) // embeddings and overrides
                || (ch >= 0x2066 && ch <= 0x2069) // isolates
                || ch == 0x061C || ch == 0xFFF9 || ch == 0xFFFA || ch == 0xFFFB; // ALM, interlinear annotations
    }
}
