package org.kindred.server.crisis;

import java.util.IdentityHashMap;
import java.util.Map;
import org.kindred.server.text.NormalizedText;

/**
 * Words in quotation marks that are someone else's or said in jest (twentieth round): "my brother
 * texted "im gonna jump off the roof" lmao", "« jvais me pendre » lol", ""ich spring gleich aus dem
 * fenster" - meine kollegin 😂". Quotation marks are read from the characters between words of the
 * message as written ({@code " “ ” „ « »}); each one opens a quote or closes the open one, so every
 * convention of the four languages pairs up; a quote not closed by the end of the message is none.
 *
 * <p>A quote is <b>attributed</b> when the rest of its sentence (before the opening mark and after the
 * closing one, up to the sentence's end) names a third person of the rule's language ("my brother",
 * "mon frère", "meine kollegin", "she") and no first-person subject ("i", "ich", "je", "yo"): then the
 * quoted words are that person's ("my mom asked and i said "i want to die"" keeps the writer's "i" and
 * stays the writer's own). A quote is <b>joking</b> when the message has a laugh marker: a word of the
 * {@code laugh} concept ("lol", "lmao", "jajaja", "mdr", "ptdr") or a laughing emoji (😂 🤣 😆 💀).
 * Words outside quotation marks are never held here: "gonna do it tonight lol" is the writer's plan.
 *
 * <p>Linear: each character between words is read once, each token marked once, and the person
 * words around a quote are counted from prefix sums (one pass per language context used).
 */
final class ReportedSpeech {
    /** Laughing emoji as UTF-16: face with tears of joy, rolling on the floor laughing, grinning squinting, skull. */
    private static final String[] LAUGHING = {"\uD83D\uDE02", "\uD83E\uDD23", "\uD83D\uDE06", "\uD83D\uDC80"};

    private final Token[] t;
    /** Per token, the index of the quote it lies in (its first token), or -1. */
    private final int[] quote;
    /** Per quote's first token, the end (exclusive) of that quote. */
    private final int[] quoteEnd;
    /** Per token, the first token of its sentence; and the first token after it. */
    private final int[] sentenceStart;
    private final int[] sentenceEnd;
    /** A laugh marker in the message. */
    final boolean joking;
    private final Map<LanguageContext, int[][]> persons = new IdentityHashMap<>(4);

    private ReportedSpeech(Token[] t, int[] quote, int[] quoteEnd, boolean joking) {
        this.t = t;
        this.quote = quote;
        this.quoteEnd = quoteEnd;
        this.joking = joking;
        int n = t.length;
        sentenceStart = new int[n];
        sentenceEnd = new int[n];
        for (int k = 0; k < n; k++) {
            sentenceStart[k] = k == 0 || t[k].before == Token.Boundary.SENTENCE ? k : sentenceStart[k - 1];
        }
        for (int k = n - 1; k >= 0; k--) {
            sentenceEnd[k] = k == n - 1 || t[k + 1].before == Token.Boundary.SENTENCE ? k + 1 : sentenceEnd[k + 1];
        }
    }

    /**
     * The quotes of a message, or null when it has none (the common case: nothing is allocated but the
     * scan of the characters between words).
     *
     * @param t the tokens of one scan (plain, split or without fillers), in order
     * @param nt the normalised message, for the characters as written between tokens
     * @param laughMarker whether a {@code laugh} concept word is in the message
     */
    static ReportedSpeech of(Token[] t, NormalizedText nt, boolean laughMarker) {
        String original = nt.original();
        int[] quote = null;
        int[] quoteEnd = null;
        int open = -1;
        for (int k = 0; k <= t.length; k++) {
            int from = k == 0 ? 0 : nt.originalEnd(t[k - 1].normEnd);
            int to = k == t.length ? original.length() : nt.originalStart(t[k].normStart);
            for (int i = Math.max(0, from); i < to && i < original.length(); i++) {
                if (!isQuotationMark(original.charAt(i))) {
                    continue;
                }
                if (open < 0) {
                    open = k;
                    continue;
                }
                if (k > open) {
                    if (quote == null) {
                        quote = new int[t.length];
                        quoteEnd = new int[t.length];
                        java.util.Arrays.fill(quote, -1);
                    }
                    java.util.Arrays.fill(quote, open, k, open);
                    quoteEnd[open] = k;
                }
                open = -1;
            }
        }
        if (quote == null) {
            return null;
        }
        return new ReportedSpeech(t, quote, quoteEnd, laughMarker || laughingEmoji(original));
    }

    private static boolean isQuotationMark(char c) {
        return c == '"' || c == '“' || c == '”' || c == '„' || c == '«' || c == '»';
    }

    private static boolean laughingEmoji(String original) {
        for (String e : LAUGHING) {
            if (original.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether tokens {@code [start, end)} lie in one quote. */
    boolean quoted(int start, int end) {
        return quote[start] >= 0 && quote[end - 1] == quote[start];
    }

    /** Whether token {@code k} lies in a quote that is joking or attributed (in {@code ctx}'s words). */
    boolean reported(int k, LanguageContext ctx) {
        return quote[k] >= 0 && (joking || attributed(k, ctx));
    }

    /**
     * Whether the quote token {@code k} lies in is someone else's: its sentence outside the quote names a
     * third person of {@code ctx} and no first-person subject.
     */
    boolean attributed(int k, LanguageContext ctx) {
        int qs = quote[k];
        if (qs < 0) {
            return false;
        }
        int qe = quoteEnd[qs];
        int[][] c = persons.computeIfAbsent(ctx, this::count);
        int from = sentenceStart[qs];
        int to = qe < t.length ? sentenceEnd[qe] : qe;
        int third = c[0][qs] - c[0][from] + c[0][to] - c[0][qe];
        int first = c[1][qs] - c[1][from] + c[1][to] - c[1][qe];
        return third > 0 && first == 0;
    }

    /** Prefix counts of third-person words and of first-person subjects outside quotes. */
    private int[][] count(LanguageContext ctx) {
        int[][] c = new int[2][t.length + 1];
        for (int k = 0; k < t.length; k++) {
            boolean outside = quote[k] < 0;
            String w = t[k].text;
            c[0][k + 1] = c[0][k] + (outside && ctx.thirdPerson.contains(w) ? 1 : 0);
            c[1][k + 1] = c[1][k] + (outside && ctx.subjects.contains(w) ? 1 : 0);
        }
        return c;
    }
}
