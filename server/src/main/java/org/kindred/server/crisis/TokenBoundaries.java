package org.kindred.server.crisis;

/**
 * What separates two words of a message ({@link Token.Boundary}), read from the characters
 * between them; a helper of {@link Tokenizer}. Each character is read once.
 */
final class TokenBoundaries {
    private TokenBoundaries() {
    }

    /**
     * Sentence: . ! ? or a line break; clause: , ; : brackets, dashes with spaces around, and an
     * ellipsis ("…", or two dots or more: a pause inside one thought, "pills are counted out...
     * doing it tonight"; round 13).
     *
     * @param original the message as written
     * @param from index of the first character after the previous word
     * @param to index of the next word's first character
     * @return the strongest boundary among those characters; reads each of them once
     */
    static Token.Boundary between(String original, int from, int to) {
        Token.Boundary b = Token.Boundary.NONE;
        int end = Math.min(to, original.length());
        for (int i = Math.max(0, from); i < end; i++) {
            char c = original.charAt(i);
            switch (c) {
                case '.' -> {
                    if ((i + 1 < end && original.charAt(i + 1) == '.') || (i > from && original.charAt(i - 1) == '.')) {
                        b = Token.Boundary.CLAUSE;
                    } else if (!ordinal(original, from, i, to)) {
                        return Token.Boundary.SENTENCE;
                    }
                }
                case '…' -> b = Token.Boundary.CLAUSE;
                case '!', '?', '\n', '\r', '。', '¡', '¿' -> {
                    return Token.Boundary.SENTENCE;
                }
                case ',', ';', ':', '(', ')', '[', ']', '—', '–', '"', '“', '”', '«', '»' -> b = Token.Boundary.CLAUSE;
                case '-' -> {
                    if (i > from || i + 1 < to) {
                        boolean spaced = (i > 0 && original.charAt(i - 1) == ' ')
                                || (i + 1 < original.length() && original.charAt(i + 1) == ' ');
                        if (spaced) {
                            b = Token.Boundary.CLAUSE;
                        }
                    }
                }
                default -> {
                }
            }
        }
        return b;
    }

    /**
     * A full stop right after a number and followed by a lower-case word is an ordinal ("im 11.
     * stock", "am 3. dezember"), not the end of a sentence.
     */
    private static boolean ordinal(String original, int from, int dot, int to) {
        if (dot != from || from == 0 || !Character.isDigit(original.charAt(from - 1))) {
            return false;
        }
        int next = dot + 1;
        while (next < to && original.charAt(next) == ' ') {
            next++;
        }
        return next == to && next > dot + 1 && to < original.length() && Character.isLowerCase(original.charAt(to));
    }
}
