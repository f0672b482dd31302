package org.kindred.server.crisis;

import java.util.Set;

/**
 * A clause that says how long the writer has been clean (twenty-fourth round): "been clean 6 years now",
 * "2 years free", "bin seit 3 jahren clean", "llevo 2 años sin hacerlo", "ça fait 4 ans que j'ai arrêté". A
 * count of months or years ({@link TimeAgo#countAt}) stands within {@value #NEAR} tokens of a word of being clean
 * ("clean", "sober", "frei", "limpia", "arrêté") or of "without" before an act ("sin hacerlo", "ohne ritzen",
 * "sans rechute"). Like a {@link SinceClause} it is told from the present: the clause before it is the past, and a
 * story of the past that ends with it has reached the present ({@link StoryTold}): a card at most, never a page.
 *
 * <p>Not a clean span: a clean time told as over ("was clean 2 years", "after 3 years clean", "war 2 jahre
 * clean", "estaba limpia"), one broken ("2 years clean gone", "bis gestern"), and days or weeks ("clean 6 days":
 * an act days ago is the present of it). A clause before the span that holds a word of the present ("i want to
 * die, been clean from heroin 2 years", "cut again last night, 2 months clean") is not made past. Canonical words (accents folded).
 *
 * <p>Constant work per clause start: at most {@value #REACH} tokens are read after it.
 */
final class CleanSpan {
    /** The most tokens of a clause read for a clean span. */
    static final int REACH = 10;
    /** The most tokens between the count's first token and the word of being clean. */
    static final int NEAR = 4;
    /** Words of being clean. */
    private static final Set<String> CLEAN = Tokenizer.canonicalSet("clean", "sober", "free", "limpio", "limpia",
            "sobrio", "sobria", "libre", "frei", "symptomfrei", "trocken", "arrete", "arretee", "abstinent",
            "abstinente");
    /** "without", before an act ({@link #ACT}). */
    private static final Set<String> WITHOUT = Tokenizer.canonicalSet("without", "sin", "ohne", "sans");
    /** What "without" is without: the act, a relapse, or the reflexive that opens it ("sans me scarifier"). */
    private static final Set<String> ACT = Tokenizer.canonicalSet("cutting", "relapse", "relapsing", "self",
            "harming", "hurting", "sh", "hacerlo", "cortarme", "recaer", "recaidas", "recaida", "autolesionarme",
            "lastimarme", "danarme", "ritzen", "ruckfall", "schneiden", "selbstverletzung", "rechute", "me",
            "scarifier", "scarification");
    /** Words that tell the clean time as over or broken. */
    private static final Set<String> OVER = Tokenizer.canonicalSet("was", "had", "after", "being", "before",
            "until", "till", "gone", "ruined", "broken", "broke", "lost", "reset", "war", "waren", "nach", "vorher",
            "bis", "weg", "kaputt", "vorbei", "estaba", "estuve", "despues", "tras", "antes", "hasta", "perdidos",
            "umsonst", "etais", "avais", "apres", "avant", "jusqu", "perdu", "perdus", "foutu", "foutus", "fichu", "fichus",
            "gache", "gaches");
    /**
     * Words of the present in the clause before a clean span: an urge or wish, risk coming back, a recent time. A
     * clause holding one ("i want to die, …", "cut again last night, 2 months clean …") is not made past.
     */
    private static final Set<String> PRESENT = Tokenizer.canonicalSet("want", "wanna", "need", "urge", "urges",
            "craving", "tempted", "gonna", "again", "relapsed", "yesterday", "tonight", "today", "last", "quiero",
            "ganas", "necesito", "voy", "otra", "nuevo", "ayer", "anoche", "hoy", "recai", "volvi", "will", "mochte",
            "muss", "lust", "drang", "werde", "wieder", "gestern", "heute", "vorhin", "veux", "envie", "besoin",
            "vais", "encore", "hier", "soir", "aujourd", "rechute", "recommence");

    /** Scars: the trace of an act gone by. */
    private static final Set<String> SCARS = Tokenizer.canonicalSet("scar", "scars", "narbe", "narben", "cicatriz",
            "cicatrices", "cicatrice");
    /** Words that make a scar new. */
    private static final Set<String> NEW = Tokenizer.canonicalSet("new", "fresh", "neue", "neuen", "frische",
            "frischen", "nueva", "nuevas", "nouvelle", "nouvelles", "fraiche", "fraiches", "recent", "recientes");

    private CleanSpan() {
    }

    /**
     * Whether a clean span starts at token {@code k}: a clause or sentence boundary before it (or the message's
     * start), then within {@value #REACH} tokens of its clause a count of months or years near a word of being
     * clean, and no word telling the clean time as over.
     *
     * @param t the message's tokens
     * @param k a token index
     * @return true for "been clean 6 years now", "seit 3 jahren clean", "llevo 2 años sin hacerlo"
     */
    static boolean startsAt(Token[] t, int k) {
        if (k < 0 || k >= t.length || (k > 0 && t[k].before == Token.Boundary.NONE)) {
            return false;
        }
        int end = k + 1;
        while (end < t.length && end < k + REACH && t[end].before == Token.Boundary.NONE) {
            end++;
        }
        int count = -1;
        int clean = -1;
        for (int j = k; j < end; j++) {
            String w = t[j].text;
            if (OVER.contains(w)) {
                return false;
            }
            if (count < 0 && TimeAgo.countAt(t, j, end) > j) {
                count = j;
            }
            if (CLEAN.contains(w) || (WITHOUT.contains(w) && j + 1 < end && ACT.contains(t[j + 1].text))) {
                clean = clean < 0 || count < 0 || Math.abs(j - count) < Math.abs(clean - count) ? j : clean;
            }
        }
        return count >= 0 && clean >= 0 && Math.abs(clean - count) <= NEAR;
    }

    /**
     * Marks as past the clause before every clean span, unless that clause holds a word of the present. Each
     * token is marked at most once per clean span, and the clauses marked do not overlap: linear.
     *
     * @param t the message's tokens
     * @param past per token, set to true where the clause is past
     * @return how many clean spans were found after a clause
     */
    static int markPast(Token[] t, boolean[] past) {
        return ClauseMarks.markBefore(t, past, k -> startsAt(t, k), (from, to) -> holdsPresent(t, from, to));
    }

    /**
     * Whether the self-harm word at token {@code i} is a scar, the trace of an act gone by ("the scars dont bother
     * me anymore", "die narben", "las cicatrices"), not risk coming back: not after a word of new ("fresh scars").
     *
     * @param t the message's tokens
     * @param i a token index
     * @return true for a scar word not preceded by "new", "fresh", "neue", "nuevas", "nouvelles"
     */
    static boolean trace(Token[] t, int i) {
        return SCARS.contains(t[i].text) && (i == 0 || !NEW.contains(t[i - 1].text));
    }

    /** Whether a word of {@link #PRESENT} lies in {@code [from, to)}. */
    private static boolean holdsPresent(Token[] t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (PRESENT.contains(t[i].text)) {
                return true;
            }
        }
        return false;
    }
}
