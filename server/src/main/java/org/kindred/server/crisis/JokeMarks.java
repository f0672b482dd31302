package org.kindred.server.crisis;

import java.util.Set;
import org.kindred.server.text.NormalizedText;

/**
 * Laughter and a joke taken back, outside quotes (twenty-second round): "kms 😂 jk i just sent my ex a text
 * meant for my mum", "jvais me pendre lol (non)" after losing to a boss for the sixtieth time. A dark phrase
 * followed closely by a word that takes it back ("jk", "just kidding", "es broma", "c'est une blague", "nur
 * Spaß", or a lone "(non)", "(no)", "(nein)" in brackets), in a message with a laugh marker, is told as a joke:
 * {@link SignalDecision} holds such a wish or stated intent to a card unless a time, a means or a plan is found
 * with it ("lol im actually going to do it tonight, pills are out" still pages). A message that says it is
 * <i>not</i> a joke ("no es broma", "not kidding", "c'est pas une blague", "kein Spaß", "ich mein das ernst",
 * "en serio") is never held, neither here nor by the laugh marker next to a death wish ({@link RiskOutcome}).
 *
 * <p>Words are read as the tokenizer gives them (normalised, repeated letters collapsed: "kidding" is
 * "kiding"). One pass over the tokens and one over the characters between them: linear in the message.
 */
final class JokeMarks {
    /** Laughing emoji as UTF-16: face with tears of joy, rolling on the floor laughing, grinning squinting. */
    private static final String[] LAUGHING = {"\uD83D\uDE02", "\uD83E\uDD23", "\uD83D\uDE06"};
    /** A word that takes back what was said before it (when no negator comes right before it). */
    private static final Set<String> TAKE_BACK = Set.of("jk", "jks", "jking", "kiding", "joking", "broma",
            "bromeando", "blague", "rigole", "jrigole", "spas", "scherz");
    /** A word that says what was said is meant ("seriously", "en serio", "ernst"). */
    private static final Set<String> EARNEST = Set.of("seriously", "srsly", "fr", "serio", "neta", "verdad", "ernst",
            "ernsthaft", "serieux", "serieusement", "vrai");
    /** A negator before a take-back word makes it a denial of joking ("not kidding", "pas une blague"). */
    private static final Set<String> NEGATORS = Set.of("not", "no", "isnt", "aint", "nt", "pas", "ni", "nada",
            "kein", "keine", "keinen", "nicht", "sans", "sin", "nope", "never");
    /** A bracketed lone word that takes back ("(non)", "(no)", "(nein)", "(nope)", "(not)"). */
    private static final Set<String> BRACKETED_NO = Set.of("no", "non", "nein", "nope", "not", "nah", "jk");
    /** How many tokens may stand between a dark phrase and the word that takes it back ("lol", an emoji's gap). */
    static final int REACH = 3;

    /** Per token, the index of the first take-back word at or after it, or the token count when none. */
    private final int[] nextTakeBack;
    /** A laugh marker (a {@code laugh} concept word or a laughing emoji) is in the message. */
    final boolean laughing;
    /** The message says it is not a joke: nothing in it is held as one. */
    final boolean earnest;

    private JokeMarks(int[] nextTakeBack, boolean laughing, boolean earnest) {
        this.nextTakeBack = nextTakeBack;
        this.laughing = laughing;
        this.earnest = earnest;
    }

    /**
     * Reads the laughter, the words that take something back and the denials of joking in one scan's tokens.
     *
     * @param t the tokens of one scan, in order
     * @param nt the normalised message, for the brackets and emoji as written
     * @param laughMarker whether a {@code laugh} concept word is in the message
     * @return the marks; never null
     */
    static JokeMarks of(Token[] t, NormalizedText nt, boolean laughMarker) {
        String original = nt.original();
        boolean earnest = false;
        boolean[] takesBack = new boolean[t.length];
        for (int k = 0; k < t.length; k++) {
            String w = t[k].text;
            if (EARNEST.contains(w)) {
                earnest = true;
            } else if (TAKE_BACK.contains(w) || w.equals("jkjk")) {
                if (negatedBefore(t, k)) {
                    earnest = true; // "no es broma", "not kidding", "c'est pas une blague", "kein spaß"
                } else {
                    takesBack[k] = true;
                }
            } else if (BRACKETED_NO.contains(w) && bracketed(t[k], nt, original)) {
                takesBack[k] = true;
            }
        }
        int[] next = new int[t.length + 1];
        next[t.length] = t.length;
        for (int k = t.length - 1; k >= 0; k--) {
            next[k] = takesBack[k] ? k : next[k + 1];
        }
        return new JokeMarks(next, laughMarker || laughingEmoji(original), earnest);
    }

    /**
     * Whether the words {@code [start, end)} are taken back as a joke: a take-back word follows within
     * {@link #REACH} tokens of their end, in the same sentence or at the start of the next, the message laughs and
     * does not say it is earnest.
     */
    boolean takenBack(Token[] t, int start, int end) {
        if (!laughing || earnest || end > t.length) {
            return false;
        }
        int k = nextTakeBack[end];
        if (k >= t.length || k - end > REACH) {
            return false;
        }
        for (int i = end; i < k; i++) {
            if (t[i].before == Token.Boundary.SENTENCE && i > end) {
                return false; // a second sentence between them
            }
        }
        return true;
    }

    /** Whether a laughing emoji is in the message as written. */
    static boolean laughingEmoji(String original) {
        for (String e : LAUGHING) {
            if (original.contains(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean negatedBefore(Token[] t, int k) {
        for (int i = k - 1; i >= Math.max(0, k - 3); i--) {
            if (NEGATORS.contains(t[i].text)) {
                return true;
            }
            if (t[i + 1].before == Token.Boundary.SENTENCE) {
                return false;
            }
        }
        return false;
    }

    /** Whether the token stands alone between an opening and a closing bracket as written ("(non)"). */
    private static boolean bracketed(Token tok, NormalizedText nt, String original) {
        int from = nt.originalStart(tok.normStart);
        int to = nt.originalEnd(tok.normEnd);
        int before = from - 1;
        while (before >= 0 && original.charAt(before) == ' ') {
            before--;
        }
        int after = to;
        while (after < original.length() && original.charAt(after) == ' ') {
            after++;
        }
        return before >= 0 && after < original.length() && original.charAt(before) == '('
                && original.charAt(after) == ')';
    }
}
