package org.kindred.server.crisis;

import static org.kindred.server.crisis.FeatureHash.index;

/**
 * The features of {@link RiskFeatures} that come from the rules' lexicon (round 13): each concept of
 * {@code crisis/rules/*.yaml} the assessor found in the message, and each pair of them, of weight
 * {@link RiskFeatures#LEXICON_WEIGHT}. Split from {@link RiskFeatures} in round 22; the indices are the same.
 */
final class LexiconFeatures {
    private static final int LEXICON = 0x4f1b_bcdd;
    private static final int LEXICON_PAIR = 0x2d35_8dcc;
    private static final int NEGATED_LEXICON = 0x1f83_d9ab;

    private LexiconFeatures() {
    }

    /**
     * Feeds the lexicon's concepts found in a message and their pairs.
     *
     * @param lexicon0 concepts 0–63 of the rules' lexicon, as bits ({@link ComboReading#concepts0})
     * @param lexicon1 concepts 64–127
     * @param lexicon2 concepts 128–191
     * @param lexicon3 concepts 192–255
     * @param sink receives each feature with its weight
     * @return the features' total weight (at most 256 concepts and their pairs, whatever the length)
     */
    static int extract(long lexicon0, long lexicon1, long lexicon2, long lexicon3, RiskFeatures.Sink sink) {
        return extract(lexicon0, lexicon1, lexicon2, lexicon3, false, sink);
    }

    /**
     * {@link #extract(long, long, long, long, RiskFeatures.Sink)}, and when {@code negated} (the message has a
     * negator, round 23) each concept once more as the negated lexicon concept, of the same weight, besides the
     * concept: the lexicon's reading has no positions, so the weights learn per concept what a negator in the
     * message takes away ("I don't have any suicidal thoughts anymore", "no quiero morir").
     *
     * @param negated whether the message has one of {@link RiskFeatures}' negators
     * @return the features' total weight (at most 256 concepts, their pairs and 256 negated concepts)
     */
    static int extract(long lexicon0, long lexicon1, long lexicon2, long lexicon3, boolean negated,
            RiskFeatures.Sink sink) {
        int count = lexicon(0, lexicon0, lexicon1, lexicon2, lexicon3, sink)
                + lexicon(64, lexicon1, lexicon2, lexicon3, 0, sink)
                + lexicon(128, lexicon2, lexicon3, 0, 0, sink)
                + lexicon(192, lexicon3, 0, 0, 0, sink);
        if (negated) {
            count += negatedConcepts(0, lexicon0, sink) + negatedConcepts(64, lexicon1, sink)
                    + negatedConcepts(128, lexicon2, sink) + negatedConcepts(192, lexicon3, sink);
        }
        return count;
    }

    /** Each concept in {@code bits} (numbered from {@code base}) as the negated lexicon concept. */
    private static int negatedConcepts(int base, long bits, RiskFeatures.Sink sink) {
        int count = 0;
        for (long m = bits; m != 0; m &= m - 1) {
            sink.accept(index(NEGATED_LEXICON + base + Long.numberOfTrailingZeros(m)), RiskFeatures.LEXICON_WEIGHT);
            count += RiskFeatures.LEXICON_WEIGHT;
        }
        return count;
    }

    /**
     * The lexicon's concepts in {@code bits} (numbered from {@code base}) and every pair of each with
     * a later concept: later in {@code bits}, or in {@code next} (numbered from {@code base + 64}) or
     * {@code after} ({@code base + 128}) or {@code last} ({@code base + 192}).
     */
    private static int lexicon(int base, long bits, long next, long after, long last, RiskFeatures.Sink sink) {
        int count = 0;
        for (long m = bits; m != 0; m &= m - 1) {
            int a = base + Long.numberOfTrailingZeros(m);
            sink.accept(index(LEXICON + a), RiskFeatures.LEXICON_WEIGHT);
            count += RiskFeatures.LEXICON_WEIGHT + pairs(a, m & (m - 1), base, sink) + pairs(a, next, base + 64, sink)
                    + pairs(a, after, base + 128, sink) + pairs(a, last, base + 192, sink);
        }
        return count;
    }

    /** Concept {@code a} paired with each concept in {@code later} (numbered from {@code base}). */
    private static int pairs(int a, long later, int base, RiskFeatures.Sink sink) {
        int count = 0;
        for (long r = later; r != 0; r &= r - 1) {
            sink.accept(index(LEXICON_PAIR + 256 * a + base + Long.numberOfTrailingZeros(r)), RiskFeatures.LEXICON_WEIGHT);
            count += RiskFeatures.LEXICON_WEIGHT;
        }
        return count;
    }
}
