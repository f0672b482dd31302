package org.kindred.server.moderation;

/**
 * Stage 1: removes control characters (except line breaks), bidirectional overrides and
 * isolates, noncharacters and combining marks beyond a few per letter ("zalgo"), trims, and refuses messages that are empty or longer than the configured maximum
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
            e.finish(Verdict.refused(Outcome.INVALID, Reasons.empty(), 0));
            return;
        }
        int length = cleaned.length() <= maxLength ? 0 : cleaned.codePointCount(0, cleaned.length());
        if (length > maxLength) {
            e.finish(Verdict.refused(Outcome.INVALID, Reasons.tooLong(maxLength, length), 0));
            return;
        }
        e.replaceText(cleaned);
    }

    /**
     * Most combining marks (general categories Mn and Me) kept on one base character; further
     * marks of the run are cut. Four covers real writing (Vietnamese, Thai, pointed Hebrew, emoji
     * variation selectors) while "zalgo" text stacks dozens. PROTOCOL.md: "runs of combining marks
     * are cut to a few per letter".
     */
    static final int MAX_MARKS = 4;

    /**
     * Removes controls (but line breaks), bidi embeddings, overrides and isolates, the
     * noncharacters U+FFFE/U+FFFF, and the combining marks of a run beyond {@link #MAX_MARKS};
     * CR LF and lone CR become LF, tab a space. One forward pass; returns {@code s} itself when
     * nothing needs removing (the common case).
     */
    static String clean(String s) {
        int n = s.length();
        int i = 0;
        int run = 0; // combining marks since the last other character
        while (i < n) {
            char ch = s.charAt(i);
            if (removable(ch)) {
                break;
            }
            if (ch < 0x300) {
                run = 0;
                i++;
                continue;
            }
            int cp = s.codePointAt(i);
            if (isMark(cp)) {
                if (run == MAX_MARKS) {
                    break;
                }
                run++;
            } else {
                run = 0;
            }
            i += Character.charCount(cp);
        }
        if (i >= n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        while (i < n) {
            char ch = s.charAt(i);
            int cp = ch < 0x300 ? ch : s.codePointAt(i);
            i += Character.charCount(cp);
            if (ch == '\r') {
                run = 0;
                if (i < n && s.charAt(i) == '\n') {
                    continue;
                }
                out.append('\n');
            } else if (ch == '\t') {
                run = 0;
                out.append(' ');
            } else if (removable(ch)) {
                continue; // removed: marks on either side stay one run
            } else if (cp >= 0x300 && isMark(cp)) {
                if (run < MAX_MARKS) {
                    out.appendCodePoint(cp);
                }
                run++;
            } else {
                run = 0;
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean removable(char ch) {
        if (ch < 0x20) {
            return ch != '\n';
        }
        return (ch >= 0x7F && ch <= 0x9F) // C1 controls and DEL
                || (ch >= 0x202A && ch <= 0x202E) // embeddings and overrides
                || (ch >= 0x2066 && ch <= 0x2069) // isolates
                || ch == 0x061C || ch == 0xFFF9 || ch == 0xFFFA || ch == 0xFFFB // ALM, interlinear annotations
                || ch == 0xFFFE || ch == 0xFFFF; // noncharacters
    }
}
