package org.kindred.server.crisis;

import java.util.List;
import java.util.Set;

/**
 * A wish or an act ruled out as a hypothesis (twenty-fourth round): "no way i'd ever kill myself", "ni de broma
 * pensaría en quitarme la vida", "nie im leben würde ich mich umbringen", "jamais de la vie je me suiciderais". An
 * emphatic denial that opens a clause ("no way", "never in my life", "ni de broma", "nie im leben", "jamais de la
 * vie") followed in its clause by a conditional ("would", "i'd", "pensaría", "würde", "suiciderais") cancels the
 * signals of the rest of that clause: {@link SignalDecision} reads none there. The ordinary negation before a
 * match ({@link LanguageContext#negated}) stops at the subject pronoun these forms put between.
 *
 * <p>Not cancelled: a clause that says the writer would not last ("no way i'd survive another week like this",
 * "ni de broma aguantaría otro mes", "nie im leben würde ich das überstehen", "jamais je tiendrais"), which is
 * hopelessness, not a denial of it; and what follows a joining word ("…, and", "pero", "aber", "mais") or the
 * clause's end. Canonical words (accents folded).
 *
 * <p>Linear: each token is tried against a fixed list of short phrases, and each clause is marked once.
 */
final class NeverWould {
    /** The most tokens after the denial read for a conditional. */
    static final int REACH = 6;
    /** Denials, as canonical tokens. */
    private static final List<String[]> DENIALS = List.of(
            words("no way"), words("not in a million years"), words("never in a million years"),
            words("never in my life"), words("not a chance"), words("never ever"),
            words("ni de broma"), words("ni loca"), words("ni loco"), words("ni en suenos"), words("nunca jamas"),
            words("de ninguna manera"), words("ni hablar"),
            words("nie im leben"), words("auf keinen fall"), words("nie und nimmer"), words("niemals"),
            words("jamais de la vie"), words("pas question"), words("hors de question"), words("en aucun cas"),
            words("jamais au grand jamais"));
    /** Conditionals and "ever" (English, German; Spanish and French by ending: {@link #conditional}). */
    private static final Set<String> WOULD = Tokenizer.canonicalSet("would", "d", "id", "wd", "ever", "could",
            "wurde", "wurd", "wurdest", "konnte", "ware");
    /** Verbs of lasting: the writer would not last, a hopelessness, not a denial. */
    private static final Set<String> LAST = Tokenizer.canonicalSet("survive", "surviving", "make", "last", "cope",
            "through", "sobrevivir", "sobreviviria", "aguantar", "aguantaria", "durar", "duraria", "resistir",
            "resistiria", "uberleben", "uberstehen", "aushalten", "durchhalten", "schaffen", "survivre", "survivrais",
            "tenir", "tiendrais", "supporter", "supporterais", "resister", "resisterais");
    /** Words that join a new clause without punctuation. */
    private static final Set<String> JOIN = Tokenizer.canonicalSet("and", "but", "so", "because", "y", "pero",
            "porque", "und", "aber", "weil", "denn", "et", "mais", "parce", "car");

    private NeverWould() {
    }

    private static String[] words(String phrase) {
        String[] w = phrase.split(" ");
        for (int i = 0; i < w.length; i++) {
            w[i] = Tokenizer.canonical(w[i]);
        }
        return w;
    }

    /**
     * Marks the clauses of every wish ruled out as a hypothesis.
     *
     * @param t the tokens of one scan, in order
     * @return per token, whether it lies in such a clause, from the denial to the clause's end or a joining word;
     *     null when there is none
     */
    static boolean[] mark(Token[] t) {
        boolean[] out = null;
        int k = 0;
        while (k < t.length) {
            int after = denialEnd(t, k);
            if (after < 0) {
                k++;
                continue;
            }
            int end = after;
            boolean would = false;
            boolean lasting = false;
            while (end < t.length && t[end].before == Token.Boundary.NONE && !JOIN.contains(t[end].text)) {
                String w = t[end].text;
                would |= end < after + REACH && (WOULD.contains(w) || conditional(w));
                lasting |= LAST.contains(w);
                end++;
            }
            if (would && !lasting) {
                if (out == null) {
                    out = new boolean[t.length];
                }
                java.util.Arrays.fill(out, k, end, true);
            }
            k = Math.max(k + 1, end);
        }
        return out;
    }

    /** The token after a denial that opens a clause at {@code k} (or follows its first word), or -1. */
    private static int denialEnd(Token[] t, int k) {
        boolean opens = k <= 1 || t[k].before != Token.Boundary.NONE || t[k - 1].before != Token.Boundary.NONE;
        if (!opens) {
            return -1; // "no way" opens its clause, or follows one word ("but no way", "pero ni de broma")
        }
        for (String[] d : DENIALS) {
            if (k + d.length > t.length) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < d.length && match; i++) {
                match = t[k + i].text.equals(d[i]) && (i == 0 || t[k + i].before == Token.Boundary.NONE);
            }
            if (match) {
                return k + d.length;
            }
        }
        return -1;
    }

    /** Whether a word is a Spanish or French conditional ("pensaría", "haría", "suiciderais", "tuerait"). */
    private static boolean conditional(String w) {
        return w.length() > 5 && (w.endsWith("ria") || w.endsWith("rias") || w.endsWith("rais") || w.endsWith("rait"));
    }
}
