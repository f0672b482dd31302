package org.kindred.server.crisis;

import java.util.HashSet;
import java.util.Set;

/**
 * The context words of one language (or of all, for language-neutral rules), canonical form,
 * and the context checks built on them. Immutable, thread-safe.
 *
 * <ul>
 *   <li><b>negation</b>: a negator up to {@value #NEGATION_WINDOW} words before a match in the same
 *       clause ("I would never…", "je ne veux pas…"), or inside a gap of the match ("ich will
 *       nicht sterben"), cancels it — unless a breaker sits next to or after the negator ("can't
 *       stop thinking about…", "don't know why I…"), or a subject pronoun comes between ("I'm not
 *       ok I want to die"). A paired negator (French "ne") negates only with a partner up to
 *       {@value #PARTNER_WINDOW} words after it in its clause ("je ne veux plus …"): alone it is
 *       another word (German "'ne" for "eine": "hab 'ne packung tabletten").</li>
 *   <li><b>person</b>: the nearest person word before a match, in the same clause, decides whose
 *       words these are; a third person ("my friend is suicidal") makes it {@code third_party}.</li>
 *   <li><b>fiction</b>: a fiction or news word (or its plural/possessive with -s) in the same sentence ("film", "character",
 *       "article") makes a match that is not explicitly first person irrelevant.</li>
 * </ul>
 */
final class LanguageContext {
    static final int NEGATION_WINDOW = 4;
    static final int PERSON_WINDOW = 8;
    static final int PARTNER_WINDOW = 6;

    final Set<String> negators;
    final Set<String> breakers;
    final Set<String> clauseWords;
    final Set<String> subjects;
    final Set<String> firstPerson;
    final Set<String> thirdPerson;
    final Set<String> fiction;
    /** Negators that negate only with a {@link #partners partner} after them ("ne … pas"). */
    final Set<String> paired;
    final Set<String> partners;
    /**
     * A language's auxiliaries that are another language's third person (Spanish "he" in "he
     * tomado"), and the participle endings after which they are the auxiliary: then the word is
     * the writer's own "I have", not English "he" (round 12).
     */
    final Set<String> auxiliaries;
    final Set<String> participleEndings;

    LanguageContext(Set<String> negators, Set<String> breakers, Set<String> clauseWords, Set<String> subjects,
            Set<String> firstPerson, Set<String> thirdPerson, Set<String> fiction) {
        this(negators, breakers, clauseWords, subjects, firstPerson, thirdPerson, fiction, Set.of(), Set.of());
    }

    LanguageContext(Set<String> negators, Set<String> breakers, Set<String> clauseWords, Set<String> subjects,
            Set<String> firstPerson, Set<String> thirdPerson, Set<String> fiction, Set<String> paired,
            Set<String> partners) {
        this(negators, breakers, clauseWords, subjects, firstPerson, thirdPerson, fiction, paired, partners, Set.of(),
                Set.of());
    }

    LanguageContext(Set<String> negators, Set<String> breakers, Set<String> clauseWords, Set<String> subjects,
            Set<String> firstPerson, Set<String> thirdPerson, Set<String> fiction, Set<String> paired,
            Set<String> partners, Set<String> auxiliaries, Set<String> participleEndings) {
        this.auxiliaries = Set.copyOf(auxiliaries);
        this.participleEndings = Set.copyOf(participleEndings);
        this.paired = Set.copyOf(paired);
        this.partners = Set.copyOf(partners);
        Set<String> neg = new HashSet<>(negators);
        neg.addAll(this.paired);
        this.negators = Set.copyOf(neg);
        this.breakers = Set.copyOf(breakers);
        this.clauseWords = Set.copyOf(clauseWords);
        this.subjects = Set.copyOf(subjects);
        Set<String> first = new HashSet<>(firstPerson);
        first.addAll(subjects);
        this.firstPerson = Set.copyOf(first);
        this.thirdPerson = Set.copyOf(thirdPerson);
        this.fiction = Set.copyOf(fiction);
    }

    static LanguageContext union(Iterable<LanguageContext> all) {
        Set<String> n = new HashSet<>();
        Set<String> b = new HashSet<>();
        Set<String> c = new HashSet<>();
        Set<String> s = new HashSet<>();
        Set<String> f = new HashSet<>();
        Set<String> t = new HashSet<>();
        Set<String> x = new HashSet<>();
        Set<String> pn = new HashSet<>();
        Set<String> pp = new HashSet<>();
        Set<String> au = new HashSet<>();
        Set<String> pe = new HashSet<>();
        for (LanguageContext l : all) {
            au.addAll(l.auxiliaries);
            pe.addAll(l.participleEndings);
            pn.addAll(l.paired);
            pp.addAll(l.partners);
            n.addAll(l.negators);
            b.addAll(l.breakers);
            c.addAll(l.clauseWords);
            s.addAll(l.subjects);
            f.addAll(l.firstPerson);
            t.addAll(l.thirdPerson);
            x.addAll(l.fiction);
        }
        n.removeAll(pn);
        return new LanguageContext(n, b, c, s, f, t, x, pn, pp, au, pe);
    }

    /** All words, for the segmenter's vocabulary. */
    Set<String> words() {
        Set<String> all = new HashSet<>();
        all.addAll(negators);
        all.addAll(breakers);
        all.addAll(clauseWords);
        all.addAll(firstPerson);
        all.addAll(thirdPerson);
        return all;
    }

    boolean negated(Token[] t, int start, int end, long gapMask) {
        return negated(t, start, end, gapMask, null);
    }

    /**
     * Whether the match {@code [start, end)} is negated (see the class doc).
     *
     * @param owned per token, whether it is a negator spelled by another match's own pattern ("wont
     *     need it after" of "won't need it after saturday"), or null: such a negator is that match's
     *     word, and negates nothing after it (round 19: the time "after saturday" was read as negated)
     */
    boolean negated(Token[] t, int start, int end, long gapMask, boolean[] owned) {
        for (int k = start; k < end; k++) {
            if ((gapMask & (1L << (k - start))) != 0 && negates(t, k) && !breakerIn(t, k - 1, end)) {
                return true;
            }
        }
        for (int j = start - 1, steps = 0; j >= 0 && steps < NEGATION_WINDOW; j--, steps++) {
            if (t[j + 1].before != Token.Boundary.NONE) {
                return false;
            }
            String w = t[j].text;
            if (owned != null && owned[j]) {
                return false;
            }
            if (negates(t, j)) {
                return !breakerIn(t, j - 1, start);
            }
            if (clauseWords.contains(w) || subjects.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** Whether token {@code k} is a negator: a paired one needs a partner after it in its clause. */
    boolean negates(Token[] t, int k) {
        if (!negators.contains(t[k].text)) {
            return false;
        }
        if (!paired.contains(t[k].text)) {
            return true;
        }
        for (int p = k + 1; p < t.length && p <= k + PARTNER_WINDOW && t[p].before == Token.Boundary.NONE; p++) {
            if (partners.contains(t[p].text)) {
                return true;
            }
        }
        return false;
    }

    private boolean breakerIn(Token[] t, int from, int to) {
        for (int k = Math.max(0, from); k < to; k++) {
            if (breakers.contains(t[k].text)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the nearest person word before {@code start}, in the clause, is a third person. */
    boolean thirdPersonSubject(Token[] t, int start) {
        for (int j = start - 1, steps = 0; j >= 0 && steps < PERSON_WINDOW; j--, steps++) {
            if (t[j + 1].before != Token.Boundary.NONE) {
                return false;
            }
            String w = t[j].text;
            if (firstPerson.contains(w)) {
                return false;
            }
            if (thirdPerson.contains(w)) {
                int opener = adverbialBefore(t, j);
                if (opener < 0) {
                    return !auxiliary(t, j);
                }
                // the person is inside a time or cause ("seit dem streit mit meinem vater voll suizidal",
                // "depuis la mort de ma soeur"): the writer is the subject; read on before it (twenty-fourth round)
                steps += j - opener;
                j = opener;
                continue;
            }
            if (clauseWords.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /** Words that open a time or a cause told before the subject ("since", "seit", "desde", "depuis", "wegen"). */
    private static final Set<String> ADVERBIAL = Set.of("since", "after", "because", "desde", "despues", "tras",
            "seit", "seitdem", "nach", "wegen", "depuis", "apres", "cause");
    /** The most tokens between such an opener and the person inside it ("seit dem streit mit meinem vater": 4). */
    static final int ADVERBIAL_REACH = 5;

    /** Prepositions that put a person inside a phrase ("with my dad", "de ma soeur", "von papa", "wegen meiner mutter"). */
    private static final Set<String> INSIDE = Set.of("with", "of", "from", "mit", "von", "vom", "wegen", "con", "de",
            "del", "avec", "du", "d", "des");

    /**
     * The opener of a time or cause ({@link #ADVERBIAL}) within {@value #ADVERBIAL_REACH} tokens before the person
     * word at {@code j}, in its clause, when a preposition of {@link #INSIDE} stands at most two words before the
     * person ("seit dem streit mit meinem vater"), or -1: "since the divorce my dad is suicidal" has the person as
     * the subject.
     */
    private int adverbialBefore(Token[] t, int j) {
        boolean inside = false;
        for (int i = j - 1; i >= 0 && i >= j - ADVERBIAL_REACH; i--) {
            if (t[i + 1].before != Token.Boundary.NONE) {
                return -1;
            }
            inside |= i >= j - 3 && INSIDE.contains(t[i].text);
            if (ADVERBIAL.contains(t[i].text)) {
                return inside ? i : -1;
            }
            if (subjects.contains(t[i].text)) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether token {@code j} is an auxiliary before a participle ("he tomado"): the writer's "I have". */
    private boolean auxiliary(Token[] t, int j) {
        if (!auxiliaries.contains(t[j].text) || j + 1 >= t.length) {
            return false;
        }
        String next = t[j + 1].text;
        for (String e : participleEndings) {
            if (next.length() > e.length() + 1 && next.endsWith(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Per token: whether a fiction or news word is in its sentence (a sentence starts at a token
     * with a {@link Token.Boundary#SENTENCE} boundary before it). One pass over the tokens, so a
     * long sentence full of matches is not read once per match.
     */
    boolean[] fictionBySentence(Token[] t) {
        boolean[] out = new boolean[t.length];
        int s = 0;
        while (s < t.length) {
            int e = s + 1;
            while (e < t.length && t[e].before != Token.Boundary.SENTENCE) {
                e++;
            }
            boolean any = false;
            for (int k = s; k < e && !any; k++) {
                String w = t[k].text;
                any = fiction.contains(w) || (w.endsWith("s") && fiction.contains(w.substring(0, w.length() - 1)));
            }
            for (int k = s; k < e; k++) {
                out[k] = any;
            }
            s = e;
        }
        return out;
    }
}
