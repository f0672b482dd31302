package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kindred.server.text.NormalizedText;
import org.kindred.server.text.Normalizer;

/**
 * Turns a {@link NormalizedText} into {@link Token}s. The shared normaliser removes punctuation,
 * so clause and sentence boundaries are read from the original characters between two words.
 * Words the rule vocabulary does not know are split when they are several known words run
 * together. Thread-safe.
 */
final class Tokenizer {
    private final Set<String> vocabulary;
    private final WordSegmenter segmenter;
    private final Normalizer normalizer;
    private final TypoIndex typos;
    private final MaskedWords masked;

    /**
     * @param vocabulary every canonical word the rules use
     * @param typoWords canonical risk words a misspelling may stand for (see {@link TypoIndex})
     * @param masked the risk words and stems a masked spelling may stand for (see {@link MaskedWords})
     */
    Tokenizer(Set<String> vocabulary, Set<String> typoWords, MaskedWords masked, Normalizer normalizer) {
        this.vocabulary = Set.copyOf(vocabulary);
        this.segmenter = new WordSegmenter(this.vocabulary);
        this.normalizer = normalizer;
        this.typos = new TypoIndex(typoWords);
        this.masked = masked;
    }

    /** The words of the text as written, none split; masked words read again ({@link MaskedWords}). */
    Token[] tokenize(NormalizedText nt) {
        String text = nt.text();
        String original = nt.original();
        List<Token> out = new ArrayList<>();
        List<String> raw = null;
        int[] gaps = null;
        int prevEnd = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int end = text.indexOf(' ', i);
            if (end < 0) {
                end = n;
            }
            Token.Boundary before = prevEnd < 0 ? Token.Boundary.SENTENCE
                    : TokenBoundaries.between(original, nt.originalEnd(prevEnd), nt.originalStart(i));
            String canonical = canonical(text, i, end);
            int g = prevEnd < 0 ? 0 : MaskedWords.gap(original, nt.originalEnd(prevEnd), nt.originalStart(i));
            String template = MaskedWords.template(nt, i, end);
            if ((g != 0 || template != null) && gaps == null) {
                gaps = new int[n + 1];
                raw = new ArrayList<>(out.size() + 8);
                for (Token t : out) {
                    raw.add(text.substring(t.normStart, t.normEnd));
                }
            }
            if (gaps != null) {
                gaps[out.size()] = g;
                raw.add(template != null ? template : text.substring(i, end));
            }
            out.add(new Token(word(nt, canonical, i, end), i, end, before, -1));
            prevEnd = end;
            i = end + 1;
        }
        return gaps == null ? out.toArray(new Token[0]) : unmask(out, raw, gaps);
    }

    /**
     * The tokens with every run of pieces joined by hiding characters or broken by one "-" or "."
     * ("s*icide", "k**l", "sui-cide") that spells one listed risk word ({@link MaskedWords}) replaced
     * by that word; in a run masked by other characters than underscores that spells none, pieces of
     * one or two letters become fragments no rule reads. Each token is tried in at most one run of at most
     * {@value MaskedWords#MAX_PIECES} pieces, and only runs of at most {@value MaskedWords#MAX_LENGTH}
     * letters are spelled out: linear.
     *
     * @param raw per token, its normalised letters (double letters kept), hidden letters marked
     * @param gaps {@code gaps[k]}: {@link MaskedWords#gap} between token {@code k - 1} and {@code k}
     */
    private Token[] unmask(List<Token> words, List<String> raw, int[] gaps) {
        List<Token> out = new ArrayList<>(words.size());
        StringBuilder template = new StringBuilder(MaskedWords.MAX_LENGTH);
        int k = 0;
        while (k < words.size()) {
            int j = k + 1;
            while (j < words.size() && gaps[j] != 0 && j - k < MaskedWords.MAX_PIECES) {
                j++;
            }
            boolean hidden = false;
            int length = 0;
            for (int p = k; p < j; p++) {
                int between = p > k ? MaskedWords.hidden(gaps[p]) : 0;
                hidden |= (between > 0 && (gaps[p] & MaskedWords.UNDERSCORES) == 0)
                        || raw.get(p).indexOf(MaskedWords.HIDDEN) >= 0;
                length += between + raw.get(p).length();
            }
            String found = null;
            if ((j - k >= 2 || hidden) && length <= MaskedWords.MAX_LENGTH) {
                template.setLength(0);
                for (int p = k; p < j; p++) {
                    for (int h = p > k ? MaskedWords.hidden(gaps[p]) : 0; h > 0; h--) {
                        template.append(MaskedWords.HIDDEN);
                    }
                    template.append(raw.get(p));
                }
                found = masked.read(template);
            }
            if (found != null) {
                Token first = words.get(k);
                out.add(new Token(canonical(found), first.normStart, words.get(j - 1).normEnd, first.before, -1));
            } else {
                for (int p = k; p < j; p++) {
                    Token w = words.get(p);
                    boolean fragment = hidden && w.text.length() <= 2 && Character.isLetter(w.text.charAt(0));
                    out.add(fragment ? new Token(w.text + MaskedWords.HIDDEN, w.normStart, w.normEnd, w.before, -1) : w);
                }
            }
            k = j;
        }
        return out.toArray(new Token[0]);
    }

    /**
     * The canonical word, or, when the rules do not know it and it was written with "1" or "|",
     * the word read with those as "l" if the rules know that one: the normaliser reads "1" as "i"
     * ("k1ll"), which loses "ki11", "kil1" and "ki||" (kill); a word written with "|" is also read
     * with it as "i" ("k|ll", "su|c|de"), since the normaliser reads it as "l". A word the rules
     * still do not know reads as the risk word it is a typo of, if any ({@link TypoIndex}).
     */
    private String word(NormalizedText nt, String canonical, int from, int to) {
        if (vocabulary.contains(canonical) || canonical.isEmpty() || Character.isDigit(canonical.charAt(0))) {
            return canonical;
        }
        String original = nt.original().substring(nt.originalStart(from), nt.originalEnd(to));
        if (original.indexOf('1') >= 0 || original.indexOf('|') >= 0) {
            String asL = normalizer.normalize(original.replace('1', 'l').replace('|', 'l')).text();
            String alternative = canonical(asL);
            if (vocabulary.contains(alternative)) {
                return alternative;
            }
        }
        if (original.indexOf('|') >= 0) {
            String asI = canonical(normalizer.normalize(original.replace('|', 'i')).text());
            if (vocabulary.contains(asI)) {
                return asI;
            }
        }
        String clitic = frenchSubjectDropped(canonical);
        if (clitic != null && (clitic.length() >= 3 || vocabulary.contains(clitic))) {
            return clitic;
        }
        String umlaut = umlautsFolded(canonical);
        if (umlaut != null && vocabulary.contains(umlaut)) {
            return umlaut;
        }
        String corrected = typos.correct(canonical);
        return corrected != null ? corrected : canonical;
    }

    /**
     * The word without a French subject "j" glued to it in chat ("jveux", "jme", "jvoudrais",
     * "jreviens": "je" with its vowel dropped), or {@code null} when the word does not start with
     * "j" and a consonant or leaves fewer than 2 letters. No word of the four languages starts so
     * ("jetzt", "jamais", "just" keep a vowel). The caller reads a word the rules do not know
     * without its "j" when 3+ letters remain or the rules know the rest ("jme"); a form the rules
     * list ("jveux") stays as written (round 13). Constant time.
     */
    static String frenchSubjectDropped(String w) {
        if (w.length() < 3 || w.charAt(0) != 'j') {
            return null;
        }
        char c = w.charAt(1);
        boolean consonant = c >= 'b' && c <= 'z' && "eiouy".indexOf(c) < 0 && c != 'j';
        return consonant && Character.isLetter(w.charAt(2)) ? w.substring(1) : null;
    }

    /**
     * The word with German umlauts written out ("ae", "oe", "ue") read as the plain vowel the
     * normaliser makes of "ä", "ö", "ü" ("wuensche" as "wunsche"), or {@code null} when the word
     * has fewer than 5 letters or no such pair. One pass over the word (round 12).
     */
    static String umlautsFolded(String w) {
        if (w.length() < 5) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            boolean pair = i + 1 < w.length() && w.charAt(i + 1) == 'e' && (c == 'a' || c == 'o' || c == 'u');
            if (pair && b == null) {
                b = new StringBuilder(w.length()).append(w, 0, i);
            }
            if (b != null) {
                b.append(c);
            }
            if (pair) {
                i++;
            }
        }
        return b == null ? null : b.toString();
    }

    /**
     * The same words with every unknown word that is several known words run together replaced
     * by its pieces (marked with a group), or {@code null} when no word was split.
     */
    Token[] split(Token[] words) {
        List<Token> out = null;
        for (int k = 0; k < words.length; k++) {
            Token w = words[k];
            List<String> pieces = w.number || vocabulary.contains(w.text) ? null : segmenter.split(w.text);
            if (pieces != null && out == null) {
                out = new ArrayList<>(words.length + 4);
                for (int j = 0; j < k; j++) {
                    out.add(words[j]);
                }
            }
            if (pieces != null) {
                int group = out.size();
                for (int p = 0; p < pieces.size(); p++) {
                    out.add(new Token(pieces.get(p), w.normStart, w.normEnd, p == 0 ? w.before : Token.Boundary.NONE, group));
                }
            } else if (out != null) {
                out.add(w);
            }
        }
        return out == null ? null : out.toArray(new Token[0]);
    }

    /** Lower-case word with every run of one letter collapsed to a single letter. */
    static String canonical(String s, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        char last = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c != last || !Character.isLetter(c)) {
                b.append(c);
            }
            last = c;
        }
        return b.toString();
    }

    static String canonical(String s) {
        return canonical(s, 0, s.length());
    }

    /**
     * The words in canonical form ({@link #canonical(String)}: accents folded, repeated letters collapsed, so
     * "annees" is read "anes"), as an immutable set: the word lists of the engine's scope readers.
     *
     * @param words words as written in the source
     * @return their canonical forms
     */
    static Set<String> canonicalSet(String... words) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : words) {
            out.add(canonical(w));
        }
        return Set.copyOf(out);
    }

    /**
     * The words without the rules' filler words ("swallowed like 15 of …", "genre", "so"), each
     * removed word's boundary kept on the word after it; {@code null} when there is no filler or
     * only fillers. One pass, so the extra scan keeps assessment linear.
     */
    static Token[] withoutFillers(Token[] words, Set<String> fillers) {
        if (fillers.isEmpty()) {
            return null;
        }
        List<Token> out = null;
        Token.Boundary carried = Token.Boundary.NONE;
        for (int k = 0; k < words.length; k++) {
            Token w = words[k];
            if (fillers.contains(w.text)) {
                if (out == null) {
                    out = new ArrayList<>(words.length);
                    for (int j = 0; j < k; j++) {
                        out.add(words[j]);
                    }
                }
                carried = stronger(carried, w.before);
                continue;
            }
            if (out != null) {
                Token.Boundary b = stronger(carried, w.before);
                out.add(b == w.before ? w : new Token(w.text, w.normStart, w.normEnd, b, w.group));
                carried = Token.Boundary.NONE;
            }
        }
        return out == null || out.isEmpty() ? null : out.toArray(new Token[0]);
    }

    private static Token.Boundary stronger(Token.Boundary a, Token.Boundary b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
