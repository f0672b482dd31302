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
     * A full stop right after a number of one to three digits and followed by a lower-case word is
     * an ordinal ("im 11. stock", "am 3. dezember", "7. stock"), not the end of a sentence. Not a
     * year or any longer number ("i wanted to die in 2019. now i'm a dad": round 19), and not when
     * the word after it opens a sentence of its own: a pronoun, an article, a conjunction or a word
     * of the present ("i was 17. now i'm 24", "ich war 10. jetzt …", "mit 16. heute …"), since a
     * German ordinal is followed by the noun it counts. Reads the digits before the dot and at most
     * {@value #MAX_OPENER} letters after it.
     */
    private static boolean ordinal(String original, int from, int dot, int to) {
        if (dot != from || from == 0 || !Character.isDigit(original.charAt(from - 1))) {
            return false;
        }
        int digits = 0;
        for (int k = from - 1; k >= 0 && Character.isDigit(original.charAt(k)) && digits <= 3; k--) {
            digits++;
        }
        if (digits > 3) {
            return false;
        }
        int next = dot + 1;
        while (next < to && original.charAt(next) == ' ') {
            next++;
        }
        if (next != to || next == dot + 1 || to >= original.length() || !Character.isLowerCase(original.charAt(to))) {
            return false;
        }
        int end = to;
        while (end < original.length() && end - to <= MAX_OPENER && Character.isLetter(original.charAt(end))) {
            end++;
        }
        return end - to > MAX_OPENER || !OPENERS.contains(original.substring(to, end));
    }

    /** Longest word of {@link #OPENERS}. */
    static final int MAX_OPENER = 13;

    /**
     * Words that open a sentence and never follow a German ordinal: pronouns, articles, conjunctions
     * and words of the present, in the four languages (closed classes, written without accents or
     * apostrophes as they start in a message: "aujourd" of "aujourd'hui", "j" of "j'ai").
     */
    static final java.util.Set<String> OPENERS = java.util.Set.of(
            "i", "im", "ive", "id", "my", "we", "the", "it", "its", "and", "but", "so", "then", "now", "today",
            "not", "never", "still", "since",
            "yo", "me", "mi", "y", "pero", "ahora", "hoy", "ya", "desde",
            "ich", "mir", "mich", "und", "aber", "dann", "jetzt", "heute", "nun", "inzwischen", "mittlerweile", "seitdem",
            "je", "j", "et", "mais", "maintenant", "aujourd", "depuis");
}
