package org.kindred.server.store;

/**
 * The short excerpt of a message that reports and escalations keep: the only message text
 * the store ever holds besides held messages awaiting a decision.
 */
public final class Excerpt {
    /** At most this many code points are kept (an ellipsis marks a cut). */
    public static final int MAX_CODE_POINTS = 200;

    private Excerpt() {
    }

    /** Collapses whitespace and cuts {@code text} to {@link #MAX_CODE_POINTS}; null stays null. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().replaceAll("\\s+", " ");
        if (s.codePointCount(0, s.length()) <= MAX_CODE_POINTS) {
            return s;
        }
        int end = s.offsetByCodePoints(0, MAX_CODE_POINTS - 1);
        return s.substring(0, end) + "\u2026";
    }

    /** True when {@code s} is null or no longer than an excerpt may be. */
    public static boolean fits(String s) {
        return s == null || s.codePointCount(0, s.length()) <= MAX_CODE_POINTS;
    }
}
