package org.kindred.server.crisis;

import java.util.Set;

/**
 * A clause that says how long ago the clause before it was (twenty-third round): "hab mich früher geritzt, ist
 * jetzt 5 jahre her", "me cortaba, de eso hace años", "i used to cut, that was ages ago", "je me scarifiais,
 * c'était il y a des années". The clause opens with a word that points back ("that", "ist", "eso", "c'était")
 * and holds a long time gone by ("years ago", "jahre her", "hace años", "il y a longtemps"): the clause before
 * it is the past, and the since clause itself is told from the present, so a story of the past that ends
 * with it has reached the present ({@link StoryTold}). Only years and "long" count: "that was two days
 * ago" is the present of an act, "that was 3 months ago" a recent one, and a time with "que" ("hace años que
 * me corto", "il y a cinq ans qu'…") is a time going on since then. A relapse after it ("…, that was years ago,
 * but it's back") is read as before. Canonical words (accents folded, repeated letters collapsed).
 *
 * <p>Constant work per clause start: at most {@value #REACH} tokens are read after it.
 */
final class SinceClause {
    /** The most tokens of a clause read for its time gone by. */
    static final int REACH = 8;
    /** Words that open a clause pointing back at the one before. */
    private static final Set<String> BACK = Tokenizer.canonicalSet("that", "it", "this", "thats", "its", "was", "which", "ist",
            "das", "es", "war", "de", "eso", "esto", "fue", "hace", "ca", "cela", "cetait", "ctait", "il", "ya");
    /**
     * Spans of time long gone by: years, a long time. Not months: "war nach meinem versuch in der psychiatrie, ist
     * erst 2 monate her" is a recent attempt, `high` as RISK-LEVELS.md rates it.
     */
    private static final Set<String> LONG = Tokenizer.canonicalSet("years", "year", "yrs", "ages", "long", "decades", "forever",
            "anos", "ano", "tiempo", "siglos", "jahre", "jahren", "jahr", "jahrn", "ewig", "ewigkeiten", "lange", "ans",
            "annees", "longtemps", "lurette");

    private SinceClause() {
    }

    /**
     * Whether a since clause starts at token {@code k}: a clause or sentence boundary before it, a word
     * pointing back first, and a long time gone by within {@value #REACH} tokens of its clause.
     *
     * @param t the message's tokens
     * @param k a token index
     * @return true for "that was ages ago", "ist jetzt 5 jahre her", "de eso hace años"
     */
    static boolean startsAt(Token[] t, int k) {
        if (k <= 0 || k >= t.length || t[k].before == Token.Boundary.NONE || !BACK.contains(t[k].text)) {
            return false;
        }
        boolean gone = false;
        for (int j = k; j < t.length && j < k + REACH && (j == k || t[j].before == Token.Boundary.NONE); j++) {
            String w = t[j].text;
            if (w.equals("que") || w.equals("qu")) {
                return false; // "hace años que me corto", "il y a cinq ans que …": going on since then, not gone by
            }
            boolean before = (w.equals("ago") || w.equals("her")) && (longAt(t, j - 1, k) || longAt(t, j - 2, k));
            boolean after = (w.equals("hace") || w.equals("ya") || (w.equals("a") && j > k && t[j - 1].text.equals("y")))
                    && (longAt(t, j + 1, k) || longAt(t, j + 2, k));
            gone |= before || after;
        }
        return gone;
    }

    /** Whether token {@code j} is a long span of time and lies in the clause that starts at {@code k}. */
    private static boolean longAt(Token[] t, int j, int k) {
        return j >= k && j < t.length && (j == k || t[j].before == Token.Boundary.NONE) && LONG.contains(t[j].text);
    }

    /**
     * Marks as past the clause before every since clause: back from the since clause's start to the previous
     * clause or sentence boundary. Each token is marked at most once per since clause, and the clauses
     * marked do not overlap, so the cost stays linear.
     *
     * @param t the message's tokens
     * @param past per token, set to true where the clause is past
     * @return how many since clauses were found
     */
    static int markPast(Token[] t, boolean[] past) {
        return ClauseMarks.markBefore(t, past, k -> startsAt(t, k), null);
    }

}
