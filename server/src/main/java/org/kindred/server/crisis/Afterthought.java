package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An afterthought that names "it" (twenty-fifth round): "thought about it again in the shower. suicide i mean.",
 * "hab wieder dran gedacht. an suizid mein ich", "otra vez pensando en eso. en suicidarme digo". A short sentence
 * (at most {@link #MAX_SENTENCE} tokens) that holds a word of meaning ({@link #MARKERS}: "i mean", "mein ich",
 * "digo", "je veux dire") and a named thing of one to four tokens, after a sentence that holds a word standing for
 * it ({@link #IT}: "it", "that", "dran", "drüber", "eso"): the named thing joins the sentence before, in the place
 * of that word, and the message is read once more that way ({@link RiskAssessor}), so "thought about it again"
 * reads "thought about suicide again" (`high`). The model's features are those of the message as written.
 *
 * <p>A German word standing for "an …" or "über …" ("dran", "drüber") gives its preposition to a named thing
 * without one ("hab dran gedacht. suizid mein ich"); a preposition the named thing repeats ("about it. about
 * suicide i mean", "en eso. en suicidarme digo") is read once. French puts "y" inside the verb ("j'y ai pensé"),
 * which is not rewritten: "à me tuer je veux dire" is a signal on its own.
 *
 * <p>Linear: each sentence is read once, the first afterthought found is the only one rewritten, and the rewritten
 * message is at most four tokens longer than the message.
 */
final class Afterthought {
    /** The most tokens of the afterthought sentence. */
    static final int MAX_SENTENCE = 7;
    /** The most tokens of the named thing. */
    static final int MAX_NAMED = 4;
    /** Words of meaning that make a sentence an afterthought. */
    private static final PhraseList MARKERS = new PhraseList("i mean", "i meant", "i mean it", "mein ich", "meine ich",
            "ich mein", "ich meine", "digo", "quiero decir", "me refiero", "o sea", "je veux dire", "jveux dire");
    /** Words standing for the thing named after ("it", "dran", "eso"). */
    private static final Set<String> IT = Tokenizer.canonicalSet("it", "that", "dran", "daran", "druber", "daruber",
            "drauf", "darauf", "eso", "esto", "ello");
    /** German words standing for a preposition and "it", and the preposition they stand for. */
    private static final List<String> DA = List.of("dran", "an", "daran", "an", "druber", "uber", "daruber", "uber",
            "drauf", "auf", "darauf", "auf");

    private Afterthought() {
    }

    /**
     * The message with its first afterthought's named thing in the place of the word standing for it in the sentence
     * before, and the afterthought sentence left out; null when the message has no afterthought.
     *
     * @param t the message's tokens
     * @return the rewritten tokens, or null
     */
    static Token[] rewrite(Token[] t) {
        int prevStart = -1;
        int s = 0;
        while (s < t.length) {
            int e = s + 1;
            while (e < t.length && t[e].before != Token.Boundary.SENTENCE) {
                e++;
            }
            if (prevStart >= 0 && e - s <= MAX_SENTENCE) {
                int[] named = named(t, s, e);
                int it = named == null ? -1 : lastIt(t, prevStart, s);
                if (it >= 0) {
                    return joined(t, it, named[0], named[1], s, e);
                }
            }
            prevStart = s;
            s = e;
        }
        return null;
    }

    /** The named thing {from, to} of an afterthought sentence {@code [s, e)}: its tokens outside the marker. */
    private static int[] named(Token[] t, int s, int e) {
        int end = MARKERS.endAt(t, s);
        if (end > s && end < e) {
            return e - end <= MAX_NAMED ? new int[] {end, e} : null; // "i mean, suicide"
        }
        for (int k = s + 1; k < e; k++) {
            int m = MARKERS.endAt(t, k);
            if (m == e) {
                return k - s <= MAX_NAMED ? new int[] {s, k} : null; // "suicide i mean"
            }
        }
        return null;
    }

    /** The last word standing for "it" in the sentence {@code [from, to)}, or -1. */
    private static int lastIt(Token[] t, int from, int to) {
        for (int k = to - 1; k >= from; k--) {
            if (IT.contains(t[k].text)) {
                return k;
            }
        }
        return -1;
    }

    private static Token[] joined(Token[] t, int it, int from, int to, int s, int e) {
        List<Token> out = new ArrayList<>(t.length + 2);
        for (int k = 0; k < s; k++) {
            if (k != it) {
                out.add(t[k]);
                continue;
            }
            int first = from;
            String prep = null;
            for (int d = 0; d < DA.size(); d += 2) {
                prep = DA.get(d).equals(t[it].text) ? DA.get(d + 1) : prep;
            }
            if (prep != null && !t[from].text.equals(prep)) {
                out.add(new Token(prep, t[it].normStart, t[it].normEnd, t[it].before, -1));
            } else if (prep == null && it > 0 && t[it - 1].text.equals(t[from].text) && to - from > 1) {
                first = from + 1; // "about it. about suicide i mean": the preposition once
            }
            for (int j = first; j < to; j++) {
                Token n = t[j];
                boolean lead = j == first && prep == null;
                out.add(new Token(n.text, n.normStart, n.normEnd, lead ? t[it].before : Token.Boundary.NONE, -1));
            }
        }
        for (int k = e; k < t.length; k++) {
            out.add(t[k]);
        }
        return out.toArray(new Token[0]);
    }
}
