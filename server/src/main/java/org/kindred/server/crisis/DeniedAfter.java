package org.kindred.server.crisis;

import java.util.Set;
import org.kindred.server.text.NormalizedText;

/**
 * A risk noun denied after it (twenty-third round): German and Romance put the object first and the negation
 * last ("Selbstmordgedanken hab ich keine", "pensamientos suicidas no tengo", "des idées noires j'en ai pas"),
 * and a question may be answered by its writer ("suicidal thoughts? nope none"). {@link LanguageContext} reads
 * a negator only before a match; this reads the words after it:
 *
 * <ul>
 *   <li>the rest of the match's clause is at most {@value #TAIL} words, each a verb of having ("hab", "tengo",
 *       "ai", "have"), a subject pronoun of the match's language ("ich", "j'en"), a pronoun standing for the
 *       noun ("en", "die") or a negator ("keine", "no", "pas", "none"), with at least one verb of having
 *       and one negator, and the clause ends there: "Selbstmordgedanken hab ich keine, nur Lustlosigkeit";
 *       "keine Hoffnung mehr, Selbstmordgedanken jeden Tag" keeps its signal (the negator is in the clause
 *       before, and "jeden Tag" is no denial);</li>
 *   <li>or the match's sentence ends with a question mark within {@value #TAIL} words after it, and the next
 *       sentence opens with a clause of at most {@value #TAIL} negators with a word of none among them ("nope none", "ninguno", "keine", "aucune").</li>
 * </ul>
 *
 * <p>Constant work per match: at most {@value #TAIL} tokens after it are read. Canonical words.
 */
final class DeniedAfter {
    /** The most words read after a match. */
    static final int TAIL = 4;
    /** The most characters read after a sentence's last word for its question mark ("thoughts ???"). */
    static final int MARK_REACH = 16;
    /** Verbs of having, the four languages. */
    private static final Set<String> HAVE = Tokenizer.canonicalSet("have", "got", "hab", "habe", "habs", "tengo",
            "tuve", "tenia", "ai", "avais", "jai");
    /** Words that stand for the noun or add nothing to the denial. */
    private static final Set<String> PRONOUNS = Tokenizer.canonicalSet("en", "die", "davon", "mehr", "more", "anymore", "any",
            "mas", "plus", "really", "wirklich", "realmente", "vraiment", "echt");
    /**
     * Words of none: no one of the things named. Not "nothing", "nada", "nichts", "rien": "i want to die, i have
     * nothing" is hopelessness, no denial.
     */
    private static final Set<String> NONE = Tokenizer.canonicalSet("none", "ninguno", "ninguna", "ningun", "keine", "keiner",
            "keinen", "aucune", "aucun", "zero");

    private DeniedAfter() {
    }

    /**
     * Whether the match ending before token {@code end} is denied by the words after it (see the class doc).
     *
     * @param t the message's tokens
     * @param nt the normalised text, for the question mark after the match
     * @param end the first token after the match
     * @param c the match's language context (its negators and subject pronouns)
     * @return true when the match is denied
     */
    static boolean denied(Token[] t, NormalizedText nt, int end, LanguageContext c) {
        if (end <= 0 || end >= t.length) {
            return false;
        }
        if (t[end].before == Token.Boundary.NONE && deniedInClause(t, end, c)) {
            return true;
        }
        int next = end; // the next sentence, when the match's own ends within TAIL words ("suicidal thoughts?")
        while (next < t.length && next < end + TAIL && t[next].before != Token.Boundary.SENTENCE) {
            next++;
        }
        return next < t.length && t[next].before == Token.Boundary.SENTENCE && question(t, nt, next)
                && answeredNone(t, next, c);
    }

    private static boolean deniedInClause(Token[] t, int end, LanguageContext c) {
        boolean have = false;
        boolean negator = false;
        int k = end;
        for (; k < t.length && k < end + TAIL && t[k].before == Token.Boundary.NONE; k++) {
            String w = t[k].text;
            if (HAVE.contains(w)) {
                have = true;
            } else if (c.negates(t, k) || NONE.contains(w)) {
                negator = true;
            } else if (!c.subjects.contains(w) && !PRONOUNS.contains(w)) {
                return false;
            }
        }
        return have && negator && (k == t.length || t[k].before != Token.Boundary.NONE);
    }

    /** Whether a question mark stands between token {@code end - 1} and token {@code end}. */
    private static boolean question(Token[] t, NormalizedText nt, int end) {
        String s = nt.original(); // the normaliser drops punctuation: read the writer's own characters
        int to = Math.min(s.length(), nt.originalStart(t[end].normStart)); // at most MARK_REACH characters read
        to = Math.min(to, Math.max(0, nt.originalEnd(t[end - 1].normEnd)) + MARK_REACH);
        for (int i = Math.max(0, nt.originalEnd(t[end - 1].normEnd)); i < to; i++) {
            if (s.charAt(i) == '?') {
                return true;
            }
        }
        return false;
    }

    /** Whether the clause from {@code start} is at most {@value #TAIL} negators with a word of none among them. */
    private static boolean answeredNone(Token[] t, int start, LanguageContext c) {
        boolean none = false;
        int k = start;
        for (; k < t.length && k < start + TAIL && (k == start || t[k].before == Token.Boundary.NONE); k++) {
            String w = t[k].text;
            if (NONE.contains(w)) {
                none = true;
            } else if (!c.negates(t, k)) {
                return false;
            }
        }
        return none && (k == t.length || t[k].before != Token.Boundary.NONE);
    }

}
