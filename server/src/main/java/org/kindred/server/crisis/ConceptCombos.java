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
 * are looked up in {@link ConceptLexicon}; {@link ConceptCombosLoader} reads the file.
 */
final class ConceptCombos {
    /**
     * A combination: concepts it needs, concepts that cancel it, the window (words), what it makes,
     * and how many adjacent sentences it reads together (1, or 2 for kinds told across a full stop:
     * "on the roof. tell my mom I'm sorry"; the cancelling concepts then count in both).
     */
    record Combo(String name, long all, long allHi, long none, long noneHi, int window, RiskRule rule, int sentences) {
        /** Whether concept {@code c} is one this combination needs. */
        boolean needs(int c) {
            return c < 64 ? (all & (1L << c)) != 0 : (allHi & (1L << (c - 64))) != 0;
        }

        /** How many concepts it needs. */
        int needed() {
            return Long.bitCount(all) + Long.bitCount(allHi);
        }
    }

    /** Most concepts a file may name (two 64-bit masks). */
    static final int MAX_CONCEPTS = 128;
    /** Most adjacent sentences one combination may read together ({@code sentences: 2}). */
    static final int MAX_SENTENCES = 2;

    final List<String> names;
    final List<Combo> combos;
    private final ConceptLexicon lexicon;
    /** The {@code past} concept's bit, or 0 when the file has none. */
    private final long pastMask;
    private final int pastBit;
    /** The {@code present} concept's index ("now", "today", "but"), or -1. */
    private final int presentBit;
    /** The {@code better} concept's bit, or 0. */
    private final long betterMask;
    /** The {@code laugh} concept's index ("lol", "jajaja", "mdr"), or -1. */
    private final int laughBit;
    /** The {@code dieword} concept's index ("die", "morir", "sterben", "mourir"), or -1. */
    private final int dieBit;
    /** The {@code suicideword} concept's index ("suicide", "kms", "umbringen"), or -1. */
    private final int suicideBit;
    /** The {@code hypothetical} concept's index ("if", "si", "falls"), or -1. */
    private final int hypotheticalBit;
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
        this.dieBit = names.indexOf("dieword");
        this.suicideBit = names.indexOf("suicideword");
        this.hypotheticalBit = names.indexOf("hypothetical");
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

    /** What {@link #read} found in one message. */
    static final class Reading {
        final List<Match> matches = new ArrayList<>();
        /** Per token: its clause tells of the past ({@code past} concept: "a year ago", "früher", "cuando era"). */
        final boolean[] past;
        /** Per token: its clause is a hypothesis begun by a {@code hypothetical} word ("if", "si", "falls"). */
        final boolean[] hypothetical;
        /** Tokens marked hypothetical: each at most once, so at most the message's length (tests bound it). */
        int hypotheticalMarked;
        /**
         * Recovery talk: a {@code better} concept ("grateful", "dankbar", "mejor") after a
         * {@code past} one, in a later clause or sentence ("a year ago I …, today I'm grateful").
         */
        boolean recovery;
        /**
         * A death-wish idiom told as a joke: a laugh marker ({@code laugh} concept: "lol", "jajaja",
         * "mdr", "haha") and a word of dying ({@code dieword}: "die", "morir", "sterben") somewhere in
         * the message, and no suicide word ({@code suicideword}).
         */
        boolean laugh;
        /** Concept occurrences found in the message. */
        int occurrences;
        /**
         * Which concepts occur anywhere in the message, as bits (concepts 0–63 in {@code conceptsLo},
         * 64–127 in {@code conceptsHi}): the statistical second opinion reads them as features.
         */
        long conceptsLo;
        long conceptsHi;
        /**
         * Concept occurrences copied to read two adjacent sentences together: each sentence's are
         * copied at most three times (kept as the sentence before, then into the pair read with
         * the sentence before it and into the pair read with the one after), so this stays within
         * three times {@link #occurrences} (tests bound it).
         */
        int copied;

        Reading(int tokens) {
            past = new boolean[tokens];
            hypothetical = new boolean[tokens];
        }
    }

    /** Every combination found in the tokens, which sentences tell of the past, and recovery talk. */
    Reading read(Token[] t) {
        Reading r = new Reading(t.length);
        find(t, r);
        return r;
    }

    /** Fills {@code r}: matches (at most two per combination and sentence), past sentences, recovery. */
    private void find(Token[] t, Reading r) {
        List<Match> out = r.matches;
        boolean[] past = r.past;
        int firstPast = -1;
        if (t.length == 0 || combos.isEmpty()) {
            return;
        }
        String[] stems = new String[t.length * Stemmers.LANGUAGES.length];
        ConceptOccurrences occ = new ConceptOccurrences();
        ConceptOccurrences prev = acrossSentences ? new ConceptOccurrences() : null;
        ConceptOccurrences pair = acrossSentences ? new ConceptOccurrences() : null;
        long prevMask = 0;
        long prevMaskHi = 0;
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
            long mask = 0;
            long maskHi = 0;
            for (int i = s; i < e; i++) {
                int from = occ.count;
                lexicon.read(t, i, e, stems, occ);
                long found = 0;
                for (int k = from; k < occ.count; k++) {
                    int c = occ.concept[k];
                    laughs |= c == laughBit;
                    dies |= c == dieBit;
                    suicide |= c == suicideBit;
                    if (c < 64) {
                        found |= 1L << c;
                    } else {
                        maskHi |= 1L << (c - 64);
                    }
                }
                mask |= found;
                if ((found & pastMask) != 0 && firstPast < 0) {
                    firstPast = i;
                }
                if ((found & betterMask) != 0 && firstPast >= 0 && !r.recovery) {
                    r.recovery = ClauseMarks.boundaryBetween(t, firstPast, i);
                }
            }
            r.occurrences += occ.count;
            r.conceptsLo |= mask;
            r.conceptsHi |= maskHi;
    if ((mask & pastMask) != 0) {
                ClauseMarks.markPast(t, s, e, occ.concept, occ.start, occ.count, pastBit, presentBit, past);
            }
            if (hypotheticalBit >= 0) {
                r.hypotheticalMarked += ClauseMarks.markHypothetical(t, s, e, occ.concept, occ.start, occ.count,
                        hypotheticalBit, r.hypothetical);
            }
            boolean paired = false;
            for (Combo c : combos) {
                if (c.sentences() > 1) {
                    long m = mask | prevMask;
                    long mHi = maskHi | prevMaskHi;
                    if ((m & c.all) == c.all && (mHi & c.allHi) == c.allHi && (m & c.none) == 0 && (mHi & c.noneHi) == 0) {
                        if (!paired) {
                            pair.count = 0;
                            pair.append(prev);
                            pair.append(occ);
                            r.copied += prev.count + occ.count;
                            paired = true;
                        }
                        combine(c, pair.concept, pair.start, pair.end, pair.count, s, out);
                    }
                } else if ((mask & c.all) == c.all && (maskHi & c.allHi) == c.allHi && (mask & c.none) == 0
                        && (maskHi & c.noneHi) == 0) {
                    combine(c, occ.concept, occ.start, occ.end, occ.count, s, out);
                }
            }
            if (prev != null) {
                // this sentence is the one before the next
                prev.count = 0;
                prev.append(occ);
                r.copied += occ.count;
                prevMask = mask;
                prevMaskHi = maskHi;
            }
            s = e;
        }
        r.laugh = laughs && dies && !suicide;
    }

    /**
     * Scans the sentence's occurrences once: at each occurrence of a needed concept, the latest
     * occurrence of every needed concept makes a candidate span; one within the window is a match.
     * Only spans that end in the current sentence (after token {@code sentenceStart}) count, so a
     * combination read over two sentences finds a match once, not once per pair it is in.
     */
    private static void combine(Combo c, int[] oc, int[] os, int[] oe, int count, int sentenceStart,
            List<Match> out) {
        int needed = c.needed();
        int[] last = new int[MAX_CONCEPTS];
        java.util.Arrays.fill(last, -1);
        int have = 0;
        int emitted = 0;
        for (int k = 0; k < count && emitted < 2; k++) {
            int concept = oc[k];
            if (!c.needs(concept)) {
                continue;
            }
            if (last[concept] < 0) {
                have++;
            }
            last[concept] = k;
            if (have < needed) {
                continue;
            }
            int start = Integer.MAX_VALUE;
            int end = 0;
            for (int half = 0; half < 2; half++) {
                for (long m = half == 0 ? c.all : c.allHi; m != 0; m &= m - 1) {
                    int j = last[64 * half + Long.numberOfTrailingZeros(m)];
                    start = Math.min(start, os[j]);
                    end = Math.max(end, oe[j]);
                }
            }
            if (end - start <= c.window && end - start <= PhrasePattern.MAX_SPAN && end > sentenceStart) {
                long gaps = 0;
                for (int p = start; p < end; p++) {
                    gaps |= 1L << (p - start);
                }
                for (int half = 0; half < 2; half++) {
                    for (long m = half == 0 ? c.all : c.allHi; m != 0; m &= m - 1) {
                        int j = last[64 * half + Long.numberOfTrailingZeros(m)];
                        for (int p = os[j]; p < oe[j]; p++) {
                            gaps &= ~(1L << (p - start));
                        }
                    }
                }
                out.add(new Match(c.rule, start, end, gaps));
                emitted++;
            }
        }
    }
}
