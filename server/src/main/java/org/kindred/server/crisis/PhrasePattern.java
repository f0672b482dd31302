package org.kindred.server.crisis;

import java.util.List;

/**
 * A compiled phrase: a sequence of {@link PatternElement}s matched against consecutive tokens of
 * one sentence (commas may sit between them). Immutable, thread-safe; see {@link PatternParser} for the syntax.
 */
final class PhrasePattern {
    /** Longest span a match may cover, in tokens (the gap bit mask is a long). */
    static final int MAX_SPAN = 63;

    final String source;
    final PatternElement[] elements;
    /** Written with a leading {@code ^}: matches only at the first word of a sentence. */
    final boolean sentenceStart;

    PhrasePattern(String source, List<PatternElement> elements) {
        this(source, elements, false);
    }

    PhrasePattern(String source, List<PatternElement> elements, boolean sentenceStart) {
        this.source = source;
        this.elements = elements.toArray(new PatternElement[0]);
        this.sentenceStart = sentenceStart;
    }

    /** The first element, which is always a required word or number (checked by the parser). */
    PatternElement first() {
        return elements[0];
    }

    /** Whether the pattern ends with {@code $}, the end of a clause: a phrase said alone ("entschieden $"). */
    boolean endsClause() {
        return elements.length > 0 && elements[elements.length - 1].kind == PatternElement.Kind.END;
    }

    /**
     * Matches at token {@code start}. Returns the end (exclusive) of the first match found, or -1.
     * {@code gaps[0]} receives a bit mask (relative to start) of tokens consumed by gaps.
     */
    int matchAt(Token[] tokens, int start, long[] gaps) {
        if (sentenceStart && start > 0 && tokens[start].before != Token.Boundary.SENTENCE) {
            return -1;
        }
        return match(tokens, start, 0, start, 0L, gaps);
    }

    private int match(Token[] t, int start, int e, int i, long mask, long[] gaps) {
        if (e == elements.length) {
            gaps[0] = mask;
            return i;
        }
        if (i - start > MAX_SPAN) {
            return -1;
        }
        PatternElement x = elements[e];
        switch (x.kind) {
            case END -> {
                return i == t.length || t[i].before != Token.Boundary.NONE ? match(t, start, e + 1, i, mask, gaps) : -1;
            }
            case GAP -> {
                for (int k = 0; k <= x.maxGap; k++) {
                    int r = match(t, start, e + 1, i + k, mask, gaps);
                    if (r >= 0) {
                        return r;
                    }
                    int next = i + k;
                    if (next >= t.length || (next > start && t[next].before == Token.Boundary.SENTENCE)) {
                        return -1;
                    }
                    mask |= 1L << (next - start);
                }
                return -1;
            }
            default -> {
                if (i < t.length && (i == start || t[i].before != Token.Boundary.SENTENCE) && x.accepts(t[i])) {
                    int r = match(t, start, e + 1, i + 1, mask, gaps);
                    if (r >= 0) {
                        return r;
                    }
                }
                return x.optional ? match(t, start, e + 1, i, mask, gaps) : -1;
            }
        }
    }

    @Override
    public String toString() {
        return source;
    }
}
