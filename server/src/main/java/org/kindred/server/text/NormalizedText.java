package org.kindred.server.text;

/**
 * The result of {@link Normalizer#normalize(String)}: a matching-friendly form of a message plus
 * an offset map back to the original.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #text()} holds only lower-case letters, digits and single spaces; it never starts
 *       or ends with a space. Word boundaries are spaces (and the ends of the text).</li>
 *   <li>Every normalised character {@code i} maps to a non-empty original range
 *       {@code [originalStart(i), originalEnd(i + 1))}, except synthetic spaces, which map to an
 *       empty range. Ranges are non-decreasing, so a normalised span {@code [s, e)} maps to the
 *       original span {@code [originalStart(s), originalEnd(e))} covering exactly the characters
 *       that produced it (including stripped zero-width characters and combining marks inside
 *       or directly after it).</li>
 *   <li>Runs of three or more identical letters are collapsed to one; {@link #repeat(int)} says
 *       how many there were. Doubled letters are kept as they are.</li>
 * </ul>
 * Instances are immutable (the string form is made once, on demand) and safe to share between threads.
 */
public final class NormalizedText {
    private final String original;
    /** The normalised characters; only the first {@code length} count. */
    private final char[] chars;
    private final int length;
    /** {@link #text()}, made on first use (matching reads {@link #charAt(int)} instead). */
    private String text;
    /** Original range of normalised char i: ranges[2i] (start), ranges[2i+1] (end). */
    private final int[] ranges;
    /** Per normalised char: low 7 bits the repeat count, bit 7 a soft boundary before it. */
    private final byte[] info;

    static final int SOFT = 0x80;

    /** The arrays may be longer than needed; only the first {@code length} entries count. */
    NormalizedText(String original, char[] chars, int length, int[] ranges, byte[] info) {
        this.original = original;
        this.chars = chars;
        this.length = length;
        this.ranges = ranges;
        this.info = info;
    }

    /** The text as it was given to the normaliser. */
    public String original() {
        return original;
    }

    /** The normalised text, for matching only; never deliver it. */
    public String text() {
        String t = text;
        if (t == null) {
            t = new String(chars, 0, length);
            text = t; // a benign race: every thread computes the same string
        }
        return t;
    }

    /** Length of {@link #text()}. */
    public int length() {
        return length;
    }

    /** Character {@code i} of {@link #text()}, without making the string (for matchers). */
    public char charAt(int i) {
        if (i >= length) {
            throw new IndexOutOfBoundsException("index " + i + " (expected: < " + length + ")");
        }
        return chars[i];
    }

    /**
     * Start (inclusive) in {@link #original()} of the characters that produced normalised
     * character {@code normIndex}; {@code normIndex == length()} gives the end of the last one.
     */
    public int originalStart(int normIndex) {
        checkIndex(normIndex);
        if (normIndex < length) {
            return ranges[2 * normIndex];
        }
        return length == 0 ? 0 : ranges[2 * length - 1];
    }

    /**
     * End (exclusive) in {@link #original()} of the characters that produced the normalised
     * range ending (exclusive) at {@code normEndExclusive}; {@code 0} gives the start of the first.
     */
    public int originalEnd(int normEndExclusive) {
        checkIndex(normEndExclusive);
        if (normEndExclusive == 0) {
            return length == 0 ? 0 : ranges[0];
        }
        return ranges[2 * normEndExclusive - 1];
    }

    /**
     * How many times the letter at {@code normIndex} occurred in a row in the input before
     * collapsing (1 for anything not collapsed; saturates at 127).
     */
    public int repeat(int normIndex) {
        if (normIndex >= length) {
            throw new IndexOutOfBoundsException("index " + normIndex + " (expected: 0.." + (length - 1) + ")");
        }
        return info[normIndex] & 0x7F;
    }

    /**
     * True when the character at {@code normIndex} started its own single-letter word in the
     * input that the normaliser joined to the previous one ("k y s" becomes "kys"), so a word
     * boundary may be assumed before it.
     */
    public boolean softBoundaryBefore(int normIndex) {
        return normIndex < length && (info[normIndex] & SOFT) != 0;
    }

    private void checkIndex(int i) {
        if (i < 0 || i > length) {
            throw new IndexOutOfBoundsException("index " + i + " (expected: 0.." + length + ")");
        }
    }

    @Override
    public String toString() {
        return "NormalizedText[length=" + length + "]"; // never log content
    }
}
