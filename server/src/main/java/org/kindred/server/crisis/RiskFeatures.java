package org.kindred.server.crisis;

/**
 * The features {@link RiskModel} reads from a normalised message (the shared normaliser's output:
 * lower-case letters, digits, single spaces): character 3-, 4- and 5-grams of the text with a
 * space at each end, the words, and pairs of neighbouring words, each hashed to one of
 * {@code 2^BITS} indices. Character n-grams carry inflections, typos and dropped pronouns
 * ("suicid" in "suiciding", "sucidal"; "geritzt"); words and word pairs carry what is said.
 *
 * <p>Linear: at most three n-grams and two word features per character, no allocation. The same
 * code feeds training (test sources) and scoring, so the indices of a shipped weights file stay
 * valid exactly as long as this class does not change; {@link #VERSION} is stored in the file.
 */
final class RiskFeatures {
    /** Bumped whenever the features change; a weights file of another version is refused. */
    static final int VERSION = 2;
    static final int BITS = 16;
    static final int SIZE = 1 << BITS;
    private static final int MASK = SIZE - 1;
    private static final int WORD = 0x2f6b_1a35;
    private static final int PAIR = 0x61c8_8647;

    /** Receives every feature occurrence as an index in {@code [0, SIZE)}. */
    interface Sink {
        void accept(int index);
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
            int h = 0x811c_9dc5;
            for (int n = 1; n <= 5 && i + n <= padded; n++) {
                h = (h ^ at(s, i + n - 1, len)) * 0x0100_0193;
                if (n >= 3) {
                    sink.accept(index(h + n));
                    count++;
                }
            }
        }
        int prev = 0;
        boolean hasPrev = false;
        int w = 0x811c_9dc5;
        for (int i = 0; i <= len; i++) {
            char c = i < len ? s.charAt(i) : ' ';
            if (c != ' ') {
                w = (w ^ c) * 0x0100_0193;
                continue;
            }
            int word = mix(w ^ WORD);
            sink.accept(word & MASK);
            count++;
            if (hasPrev) {
                sink.accept(index(prev * 31 + word + PAIR));
                count++;
            }
            prev = word;
            hasPrev = true;
            w = 0x811c_9dc5;
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
