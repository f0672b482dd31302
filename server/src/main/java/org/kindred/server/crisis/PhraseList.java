package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed list of short phrases, each read as canonical tokens ({@link Tokenizer#canonical(String)}; written
 * without accents), matched at a token inside one clause: the word lists of the twenty-fifth round's readers
 * ({@link GoodbyeReturn}, {@link GoodEvent}). Immutable and thread-safe.
 *
 * <p>Linear: a match at one token compares at most every phrase's few words, a constant.
 */
final class PhraseList {
    private final List<String[]> phrases;

    /**
     * @param phrases phrases as written, words separated by one space
     */
    PhraseList(String... phrases) {
        List<String[]> out = new ArrayList<>(phrases.length);
        for (String p : phrases) {
            String[] w = p.split(" ");
            for (int i = 0; i < w.length; i++) {
                w[i] = Tokenizer.canonical(w[i]);
            }
            out.add(w);
        }
        this.phrases = List.copyOf(out);
    }

    /**
     * The end (exclusive) of the longest phrase that starts at token {@code k} with no clause or sentence boundary
     * inside it, or -1 when none does.
     *
     * @param t the tokens of one scan
     * @param k the first token to read
     * @return the token after the phrase, or -1
     */
    int endAt(Token[] t, int k) {
        int best = -1;
        for (String[] p : phrases) {
            if (k + p.length > t.length || k + p.length <= best) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < p.length && match; i++) {
                match = t[k + i].text.equals(p[i]) && (i == 0 || t[k + i].before == Token.Boundary.NONE);
            }
            if (match) {
                best = k + p.length;
            }
        }
        return best;
    }
}
