package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;

/**
 * Concepts combined by proximity ({@code crisis/combos.yaml}, issue 12): word lists per concept
 * and language (a self-harm act, a body part, "again", pills, saving up, swallowing, a large
 * quantity, a time, the past …) matched by Snowball stem ({@link Stemmers}), so "cortando",
 * "cortarme" and "corté" are one word; and combinations such as "a self-harm act and a body part
 * within six words of one sentence, with no cooking or haircut word in it" that make a signal or
 * a booster of a rule category. A combination is a wording-free statement of a kind of risk, so
 * it reaches sentences no rule enumerates; its matches go through the same negation, person and
 * fiction checks as rule matches, and the explanation is its category.
 *
 * <p>Linear: each word is looked up once per language (a stem only when its first three letters
 * start some concept word's stem), and each combination is checked once per concept occurrence,
 * against the latest occurrence of each concept it needs. Immutable and thread-safe. The words
 * are looked up in {@link ConceptLexicon}, spans are matched by {@link ComboSpans};
 * {@link ConceptCombosLoader} reads the file.
 */
final class ConceptCombos {
    /**
     * A combination: concepts it needs, concepts that cancel it, the window (words), what it makes,
     * and how many adjacent sentences it reads together (1, or 2 for kinds told across a full stop:
     * "on the roof. tell my mom I'm sorry"; the cancelling concepts then count in both).
     */
    record Combo(String name, long[] all, long[] none, int window, RiskRule rule, int sentences) {
        /** Whether concept {@code c} is one this combination needs. */
        boolean needs(int c) {
            return (all[c >>> 6] & (1L << c)) != 0;
        }

        /** How many concepts it needs. */
        int needed() {
            int n = 0;
            for (long w : all) {
                n += Long.bitCount(w);
            }
            return n;
        }

        /**
         * Whether the concepts found ({@code a} or {@code b}, masks of {@link #WORDS} words) hold every
         * concept it needs and none that cancel it. Reads the masks, allocates nothing.
         */
        /** Whether the mask holds at least one of the combination's needed concepts. */
        boolean touches(long[] m) {
            for (int w = 0; w < WORDS; w++) {
                if ((m[w] & all[w]) != 0) {
                    return true;
                }
            }
            return false;
        }

        boolean fits(long[] a, long[] b) {
            for (int w = 0; w < WORDS; w++) {
                long m = a[w] | b[w];
                if ((m & all[w]) != all[w] || (m & none[w]) != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /** 64-bit words of a concept mask. */
    static final int WORDS = 4;
    /** Most concepts a file may name ({@link #WORDS} 64-bit masks). */
    static final int MAX_CONCEPTS = 64 * WORDS;
    /** Most adjacent sentences one combination may read together ({@code sentences: 2}). */
    static final int MAX_SENTENCES = 2;
    /**
     * A message of at most this many tokens is short: a combination that reads two sentences ({@code sentences: 2})
     * and does not fit a sentence with the one before it also reads it with the two before it, when each of the three
     * holds one of its needed concepts, so signals told in three short sentences in a row combine as in one ("made up
     * my mind. after my shift on friday. that's it": twenty-fourth round); a longer message reads adjacent pairs only.
     */
    static final int SHORT_MESSAGE = 16;

    final List<String> names;
    final List<Combo> combos;
    final ConceptLexicon lexicon;
    /** The {@code past} concept's bit, or 0 when the file has none. */
    private final long pastMask;
    private final int pastBit;
    /** The {@code present} concept's index ("now", "today", "but"), or -1. */
    private final int presentBit;
    /** The {@code better} concept's bit, or 0. */
    private final long betterMask;
    /**
     * Concepts that tell of risk coming back or going on ("again", "wieder", "thoughts", a self-harm act
     * or tool, an urge): after them a story of the past has not reached a safe present (twentieth round).
     */
    private static final List<String> RELAPSE = List.of("again", "backagain", "thoughts", "selfharm", "tool", "urge");
    /** Per concept index, whether it is one of {@link #RELAPSE}. */
    private final boolean[] relapse;
    /** The {@code laugh} concept's index ("lol", "jajaja", "mdr"), or -1. */
    private final int laughBit;
    /** The {@code dieword} concept's index ("die", "morir", "sterben", "mourir"), or -1. */
    private final int dieBit;
    /** The {@code suicideword} concept's index ("suicide", "kms", "umbringen"), or -1. */
    private final int suicideBit;
    /** The {@code hypothetical} concept's index ("if", "si", "falls"), or -1. */
    private final int hypotheticalBit;
    /** The work of a day off: not everyday talk ({@link DayOffWork}). */
    private final DayOffWork dayOffWork;
    /** Whether some combination reads two adjacent sentences. */
    private final boolean acrossSentences;

    ConceptCombos(List<String> names, List<Combo> combos, ConceptLexicon lexicon) {
        this.names = List.copyOf(names);
        this.combos = List.copyOf(combos);
        this.lexicon = lexicon;
        int p = names.indexOf("past");
        this.pastMask = p < 0 ? 0 : 1L << p;
        this.pastBit = p;
        this.presentBit = names.indexOf("present");
        int b = names.indexOf("better");
        this.betterMask = b < 0 ? 0 : 1L << b;
        this.laughBit = names.indexOf("laugh");
        this.relapse = new boolean[MAX_CONCEPTS];
        for (String n : RELAPSE) {
            int i = names.indexOf(n);
            if (i >= 0) {
                relapse[i] = true;
            }
        }
        this.dieBit = names.indexOf("dieword");
        this.suicideBit = names.indexOf("suicideword");
        this.hypotheticalBit = names.indexOf("hypothetical");
        this.dayOffWork = new DayOffWork(names);
        this.acrossSentences = combos.stream().anyMatch(c -> c.sentences() > 1);
    }

    /** A match of a combination: the rule it makes and the token span. */
    record Match(RiskRule rule, int start, int end, long gaps) {
    }

    /**
     * Every combination found in the tokens.
     *
     * @param t the message's words (not split)
     * @return matches, at most two per combination and sentence
     */
    List<Match> find(Token[] t) {
        return read(t).matches;
    }

    /**
     * {@link #read(Token[], int)} in {@link #TRAINING_YEAR}: what the model's training and the tests read,
     * so that the shipped weights and the tests' figures do not change with the date they are run on.
     */
    ComboReading read(Token[] t) {
        return read(t, TRAINING_YEAR);
    }

    /**
     * Every combination found in the tokens, which sentences tell of the past, and recovery talk.
     *
     * @param t the message's words (not split)
     * @param thisYear the current year: a bare year from {@value PastYear#FIRST} to the one before it
     *     tells of the past ({@link PastYear#of}); the assessor passes its clock's year
     */
    ComboReading read(Token[] t, int thisYear) {
        ComboReading r = new ComboReading(t.length);
        find(t, thisYear, r);
        SinceClause.markPast(t, r.past); // "hab mich geritzt, ist 5 jahre her": the clause before is past
        CleanSpan.markPast(t, r.past); // "i self harmed, been clean 6 years now": the clause before is past
        PastHabit.markPast(t, r.past, r.forgotten); // "tenía 20 años cuando me hacía cortes": a habit gone by
        r.settleRelapse(); // a word of risk coming back inside a memory denied is no relapse
        return r;
    }

    /** Fills {@code r}: matches (at most two per combination and sentence), past sentences, recovery. */
    private void find(Token[] t, int thisYear, ComboReading r) {
        List<Match> out = r.matches;
        boolean[] past = r.past;
        int firstPast = -1;
        int lastPresent = -1;
        if (t.length == 0 || combos.isEmpty()) {
            return;
        }
        String[] stems = new String[t.length * Stemmers.LANGUAGES.length];
        ConceptOccurrences occ = new ConceptOccurrences();
        ConceptOccurrences prev = acrossSentences ? new ConceptOccurrences() : null;
        ConceptOccurrences pair = acrossSentences ? new ConceptOccurrences() : null;
        boolean shortMessage = acrossSentences && t.length <= SHORT_MESSAGE;
        ConceptOccurrences before = shortMessage ? new ConceptOccurrences() : null; // the two sentences before this one
        ConceptOccurrences wide = shortMessage ? new ConceptOccurrences() : null;
        long[] mask = new long[WORDS];
        long[] prevMask = new long[WORDS];
        long[] beforeMask = new long[WORDS];
        long[] prev2Mask = new long[WORDS];
        int sentence = 0;
        int[] last = new int[MAX_CONCEPTS];
        java.util.Arrays.fill(last, -1);
        boolean laughs = false;
        boolean dies = false;
        boolean suicide = false;
        int s = 0;
        while (s < t.length) {
            int e = s + 1;
            while (e < t.length && t[e].before != Token.Boundary.SENTENCE) {
                e++;
            }
            occ.count = 0;
            java.util.Arrays.fill(mask, 0);
            for (int i = s; i < e; i++) {
                int from = occ.count;
                lexicon.read(t, i, e, stems, occ);
                if (pastBit >= 0 && PastYear.of(t[i], thisYear)) {
                    occ.add(pastBit, i, i + 1); // "in 2019", "2017 hab ich's versucht", "en 2018": a year gone by
                }
                int ago = pastBit >= 0 ? TimeAgo.endAt(t, i, e) : -1;
                if (ago > i) {
                    occ.add(pastBit, i, ago); // "hace cinco años", "vor sechzehn jahren", "mit sechzehn": round 21
                }
                long found = 0;
                for (int k = from; k < occ.count; k++) {
                    int c = occ.concept[k];
                    laughs |= c == laughBit;
                    if (relapse[c] && !CleanSpan.trace(t, occ.start[k])) {
                        r.relapse(occ.start[k], occ.end[k] - 1);
                    }
                    dies |= c == dieBit;
                    suicide |= c == suicideBit;
                    if (c < 64) {
                        found |= 1L << c;
                    } else {
                        mask[c >>> 6] |= 1L << c;
                    }
                }
                mask[0] |= found;
                if ((found & pastMask) != 0 && firstPast < 0) {
                    firstPast = i;
                }
                if ((found & betterMask) != 0 && firstPast >= 0 && !r.recovery) {
                    // in a later clause: after punctuation, or after a present word that opens the clause
                    // without it ("i felt suicidal in 2019 and now i'm in a better place": round 19)
                    r.recovery = ClauseMarks.boundaryBetween(t, firstPast, i) || lastPresent > firstPast;
                    r.recoveryAt = r.recovery ? i : -1;
                }
                if (presentBit >= 0 && presentBit < 64 && (found & (1L << presentBit)) != 0) {
                    lastPresent = i;
                }
            }
            r.occurrences += occ.count;
            r.concepts0 |= mask[0];
            r.concepts1 |= mask[1];
            r.concepts2 |= mask[2];
            r.concepts3 |= mask[3];
            dayOffWork.clear(mask, occ); // "booked friday off work for that": no work talk
            if ((mask[0] & pastMask) != 0) {
                ClauseMarks.markPast(t, s, e, occ.concept, occ.start, occ.count, pastBit, presentBit, past);
            }
            if (hypotheticalBit >= 0) {
                r.hypotheticalMarked += ClauseMarks.markHypothetical(t, s, e, occ.concept, occ.start, occ.count,
                        hypotheticalBit, r.hypothetical);
            }
            boolean paired = false;
            boolean widened = false;
            for (Combo c : combos) {
                if (c.sentences() > 1) {
                    if (c.fits(mask, prevMask)) {
                        if (!paired) {
                            pair.count = 0;
                            pair.append(prev);
                            pair.append(occ);
                            r.copied += prev.count + occ.count;
                            paired = true;
                        }
                        ComboSpans.combine(c, pair.concept, pair.start, pair.end, pair.count, s, last, out);
                    } else if (before != null && sentence >= 2 && c.fits(mask, beforeMask) && c.touches(mask)
                            && c.touches(prevMask) && c.touches(prev2Mask)) {
                        if (!widened) {
                            wide.count = 0;
                            wide.append(before);
                            wide.append(occ);
                            widened = true;
                        }
                        ComboSpans.combine(c, wide.concept, wide.start, wide.end, wide.count, s, last, out);
                    }
                } else if (c.fits(mask, NONE)) {
                    ComboSpans.combine(c, occ.concept, occ.start, occ.end, occ.count, s, last, out);
                }
            }
            if (before != null) {
                before.count = 0; // the two sentences before the next: this one and the one before it
                before.append(prev);
                before.append(occ);
                System.arraycopy(prevMask, 0, prev2Mask, 0, WORDS);
                for (int w = 0; w < WORDS; w++) {
                    beforeMask[w] = prevMask[w] | mask[w];
                }
            }
            if (prev != null) {
                // this sentence is the one before the next
                prev.count = 0;
                prev.append(occ);
                r.copied += occ.count;
                System.arraycopy(mask, 0, prevMask, 0, WORDS);
            }
            sentence++;
            s = e;
        }
        r.laugh = laughs && dies && !suicide;
        r.laughMarker = laughs;
        r.deathWord = dies && !suicide;
    }

    /**
     * The year the model's training and the tests read a message in ({@link #read(Token[])}): the shipped
     * weights depend on which bare years are the past, so they are trained as of a fixed year and stay
     * reproducible from the labelled sets whatever the date (twentieth round). Raise it with a retraining.
     * The server reads its clock's year instead ({@link RiskAssessor}).
     */
    static final int TRAINING_YEAR = 2026;

    /** No concepts: the second mask of a combination read in one sentence. */
    private static final long[] NONE = new long[WORDS];
}
