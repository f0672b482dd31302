package org.kindred.server.crisis;

import java.util.List;

/**
 * The matching step of {@link ConceptCombos}: one combination against the concept occurrences of
 * a sentence (or of two adjacent ones read together), giving the spans where every concept it
 * needs occurs within its window. Stateless; the caller owns the scratch array.
 */
final class ComboSpans {
    private ComboSpans() {
    }

    /**
     * Scans the sentence's occurrences once: at each occurrence of a needed concept, the latest
     * occurrence of every needed concept makes a candidate span; one within the window is a match.
     * Only spans that end in the current sentence (after token {@code sentenceStart}) count, so a
     * combination read over two sentences finds a match once, not once per pair it is in.
     * {@code last} (one slot per concept, all -1) is the message's scratch: the slots of the needed
     * concepts are set back to -1 before returning, so no call allocates or clears all of it.
     *
     * @param c the combination
     * @param oc concept of each occurrence, in token order ({@code count} of them)
     * @param os first token of each occurrence
     * @param oe end token (exclusive) of each occurrence
     * @param out receives at most two matches, each with its span and the gaps between its concept words
     */
    static void combine(ConceptCombos.Combo c, int[] oc, int[] os, int[] oe, int count, int sentenceStart, int[] last,
            List<ConceptCombos.Match> out) {
        int needed = c.needed();
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
            for (int w = 0; w < ConceptCombos.WORDS; w++) {
                for (long m = c.all()[w]; m != 0; m &= m - 1) {
                    int j = last[64 * w + Long.numberOfTrailingZeros(m)];
                    start = Math.min(start, os[j]);
                    end = Math.max(end, oe[j]);
                }
            }
            if (end - start <= c.window() && end - start <= PhrasePattern.MAX_SPAN && end > sentenceStart) {
                long gaps = 0;
                for (int p = start; p < end; p++) {
                    gaps |= 1L << (p - start);
                }
                for (int w = 0; w < ConceptCombos.WORDS; w++) {
                    for (long m = c.all()[w]; m != 0; m &= m - 1) {
                        int j = last[64 * w + Long.numberOfTrailingZeros(m)];
                        for (int p = os[j]; p < oe[j]; p++) {
                            gaps &= ~(1L << (p - start));
                        }
                    }
                }
                out.add(new ConceptCombos.Match(c.rule(), start, end, gaps));
                emitted++;
            }
        }
        for (int w = 0; w < ConceptCombos.WORDS; w++) {
            for (long m = c.all()[w]; m != 0; m &= m - 1) {
                last[64 * w + Long.numberOfTrailingZeros(m)] = -1;
            }
        }
    }
}
