package org.kindred.server.crisis;

/**
 * The features {@link RiskModel} reads from a normalised message (the shared normaliser's output:
 * lower-case letters, digits, single spaces): character 3-, 4- and 5-grams of the text with a
 * space at each end, the words, and pairs of neighbouring words, each hashed to one of
 * {@code 2^BITS} indices. Character n-grams carry inflections, typos and dropped pronouns
 * ("suicid" in "suiciding", "sucidal"; "geritzt"); words and word pairs carry what is said;
 * concepts carry what a new wording shares with the old ones ("hoarding my meds" and "saved my
 * tablets" are both saving plus means).
 *
 * <p>Linear: at most three n-grams and two word features per character, plus a bounded number of
 * concept features per word and per message, no allocation. The same
 * code feeds training (test sources) and scoring, so the indices of a shipped weights file stay
 * valid exactly as long as this class does not change; {@link #VERSION} is stored in the file.
 */
final class RiskFeatures {
    /** Bumped whenever the features change; a weights file of another version is refused. */
    static final int VERSION = 3;
    static final int BITS = 16;
    static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;
    private static final int WORD = 0x2f6b_1a35;
    private static final int PAIR = 0x61c8_8647;
    private static final int CONCEPT = 0x3c6e_f372;
    private static final int CONCEPT_NEXT = 0x1b87_3593;
    private static final int CONCEPT_PAIR = 0x5be0_cd19;
    /**
     * Concept features are fed this many times (a feature value of this many) so that the few of
     * them are not drowned by the hundreds of n-grams (4 and 10 were tried, see docs/crisis.md).
     */
    static final int CONCEPT_WEIGHT = 10;
    private static final RiskConcepts CONCEPTS = RiskConcepts.loadBundled();
    /** FNV-1a start value and step, shared with {@link RiskConcepts}. */
    static final int SEED = 0x811c_9dc5;

    static int step(int h, char c) {
        return (h ^ c) * 0x0100_0193;
    }

    /** Receives every feature occurrence as an index in {@code [0, SIZE)}. */
    interface Sink {
        void accept(int index);

        /** The feature {@code index} occurring {@code times} times (a weighted feature). */
        default void accept(int index, int times) {
            for (int r = 0; r < times; r++) {
                accept(index);
            }
        }
    }

    private RiskFeatures() {
    }

    /**
     * Feeds every feature of {@code s} to {@code sink} and returns how many there were.
     *
     * @param s normalised text (no leading, trailing or double spaces)
     * @return the number of features fed (0 for an empty text)
     */
    static int extract(CharSequence s, Sink sink) {
        int len = s.length();
        if (len == 0) {
            return 0;
        }
        int count = 0;
        int padded = len + 2;
        for (int i = 0; i < padded; i++) {
            int h = SEED;
            for (int n = 1; n <= 5 && i + n <= padded; n++) {
                h = step(h, at(s, i + n - 1, len));
                if (n >= 3) {
                    sink.accept(index(h + n));
                    count++;
                }
            }
        }
        int prev = 0;
        boolean hasPrev = false;
        int w = SEED;
        int wordStart = 0;
        int prevConcepts = 0;
        int allConcepts = 0;
        for (int i = 0; i <= len; i++) {
            char c = i < len ? s.charAt(i) : ' ';
            if (c != ' ') {
                w = step(w, c);
                continue;
            }
            int word = mix(w ^ WORD);
            sink.accept(word & MASK);
            count++;
            if (hasPrev) {
                sink.accept(index(prev * 31 + word + PAIR));
                count++;
            }
            int concepts = CONCEPTS.lookup(s, wordStart, i);
            for (int m = concepts; m != 0; m &= m - 1) {
                int a = Integer.numberOfTrailingZeros(m);
                sink.accept(index(CONCEPT + a), CONCEPT_WEIGHT);
                count += CONCEPT_WEIGHT;
                // a concept in the word right after one with a concept: proximity ("my pills", "cut again")
                for (int p = prevConcepts; p != 0; p &= p - 1) {
                    sink.accept(index(CONCEPT_NEXT + 64 * Integer.numberOfTrailingZeros(p) + a), CONCEPT_WEIGHT);
                    count += CONCEPT_WEIGHT;
                }
            }
            allConcepts |= concepts;
            prevConcepts = concepts;
            prev = word;
            hasPrev = true;
            w = SEED;
            wordStart = i + 1;
        }
        // which concepts occur together in the message (at most 31 * 30 / 2 pairs, whatever its length)
        for (int m = allConcepts; m != 0; m &= m - 1) {
            int a = Integer.numberOfTrailingZeros(m);
            for (int r = m & (m - 1); r != 0; r &= r - 1) {
                sink.accept(index(CONCEPT_PAIR + 64 * a + Integer.numberOfTrailingZeros(r)), CONCEPT_WEIGHT);
                count += CONCEPT_WEIGHT;
            }
        }
        return count;
    }

    private static char at(CharSequence s, int paddedIndex, int len) {
        return paddedIndex == 0 || paddedIndex == len + 1 ? ' ' : s.charAt(paddedIndex - 1);
    }

    private static int index(int h) {
        return mix(h) & MASK;
    }

    /** Murmur3's finaliser: spreads the bits so that neighbouring hashes land far apart. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        h ^= h >>> 16;
        return h;
    }
}
