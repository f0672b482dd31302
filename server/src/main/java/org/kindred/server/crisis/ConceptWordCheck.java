package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;
import org.kindred.server.text.Normalizer;

/**
 * Finds concept entries of {@code combos.yaml} that can never match: an entry matches the tokens a
 * message is read into, and the tokenizer reads a word the rules do not know again (a typo of a risk
 * word as that word, a French "j" glued to a verb dropped, umlauts written out folded), so an entry
 * word it always turns into another word is never seen. Each exact word of an entry (not a prefix,
 * not {@code #10}) is read alone by the rules' tokenizer and must come back as itself.
 */
final class ConceptWordCheck {
    private ConceptWordCheck() {
    }

    /**
     * The entries with a word the tokenizer never gives, one line each: the concept, the language,
     * the entry as written, the word and what a message with it is read as.
     *
     * @param combos the compiled combinations (their lexicon's entries are checked)
     * @param tokenizer the tokenizer messages are read with
     * @param normalizer the normaliser messages are read with
     * @return an empty list when every entry can match
     */
    static List<String> unreadable(ConceptCombos combos, Tokenizer tokenizer, Normalizer normalizer) {
        List<String> out = new ArrayList<>();
        for (ConceptLexicon.Entry en : combos.lexicon.entries) {
            for (ConceptLexicon.Atom a : en.atoms()) {
                if (a.exact() == null) {
                    continue;
                }
                Token[] t = tokenizer.tokenize(normalizer.normalize(a.exact()));
                String read = t.length == 1 ? t[0].text : joined(t);
                if (!read.equals(a.exact())) {
                    out.add("concept " + combos.names.get(en.concept()) + "." + Stemmers.LANGUAGES[en.lang()] + ": '"
                            + en.written() + "': the word '" + a.exact() + "' is read as '" + read + "' in a message");
                }
            }
        }
        return out;
    }

    private static String joined(Token[] t) {
        StringBuilder b = new StringBuilder();
        for (Token k : t) {
            b.append(b.length() == 0 ? "" : " ").append(k.text);
        }
        return b.toString();
    }
}
