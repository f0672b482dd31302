package org.kindred.server.crisis;

/**
 * The hashing of {@link RiskFeatures}: a feature's hash to its index in {@code [0, RiskFeatures.SIZE)}, and the
 * character 3-, 4- and 5-grams of a normalised text with a space at each end (FNV-1a over the n-gram, then
 * Murmur3's finaliser). Split from {@link RiskFeatures} in round 22; the indices are the same.
 */
final class FeatureHash {
    private FeatureHash() {
    }

    /**
     * Feeds the index of every character 3-, 4- and 5-gram of {@code s} padded with a space at each end.
     *
     * @param s normalised text, not empty
     * @param sink receives each n-gram's index once per occurrence
     * @return how many were fed (at most three per character, linear in the length)
     */
    static int ngrams(CharSequence s, RiskFeatures.Sink sink) {
        int len = s.length();
        int count = 0;
        int padded = len + 2;
        for (int i = 0; i < padded; i++) {
            int h = RiskFeatures.SEED;
            for (int n = 1; n <= 5 && i + n <= padded; n++) {
                h = RiskFeatures.step(h, at(s, i + n - 1, len));
                if (n >= 3) {
                    sink.accept(index(h + n));
                    count++;
                }
            }
        }
        return count;
    }

    private static char at(CharSequence s, int paddedIndex, int len) {
        return paddedIndex == 0 || paddedIndex == len + 1 ? ' ' : s.charAt(paddedIndex - 1);
    }

    /**
     * A feature's index.
     *
     * @param h the feature's hash
     * @return its index in {@code [0, RiskFeatures.SIZE)}
     */
    static int index(int h) {
        return mix(h) & RiskFeatures.MASK;
    }

    /** Murmur3's finaliser: spreads the bits so that neighbouring hashes land far apart. */
    static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85eb_ca6b;
        h ^= h >>> 13;
        h *= 0xc2b2_ae35;
        h ^= h >>> 16;
        return h;
    }
}
