package org.kindred.server.crisis;

/**
 * A word of a message as the rules see it: normalised by the shared normaliser, then every run
 * of a repeated letter collapsed to one ("kill", "killll" and "kil" are all {@code kil}), see
 * {@link Tokenizer#canonical}.
 */
final class Token {
    /** What separates a token from the one before it. */
    enum Boundary { NONE, CLAUSE, SENTENCE }

    final String text;
    final int normStart;
    final int normEnd;
    final Boundary before;
    /** For pieces of a word split by {@link WordSegmenter}: the index of that word; else -1. */
    final int group;
    final boolean number;

    Token(String text, int normStart, int normEnd, Boundary before, int group) {
        this.text = text;
        this.normStart = normStart;
        this.normEnd = normEnd;
        this.before = before;
        this.group = group;
        this.number = !text.isEmpty() && Character.isDigit(text.charAt(0));
    }
}
