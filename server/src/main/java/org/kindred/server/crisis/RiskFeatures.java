package org.kindred.server.crisis;

import static org.kindred.server.crisis.FeatureHash.index;
import static org.kindred.server.crisis.FeatureHash.mix;

/**
 * The features {@link RiskModel} reads from a normalised message (the shared normaliser's output:
 * lower-case letters, digits, single spaces): character 3-, 4- and 5-grams of the text with a
 * space at each end, the words, and pairs of neighbouring words, each hashed to one of
 * {@code 2^BITS} indices. Character n-grams carry inflections, typos and dropped pronouns
 * ("suicid" in "suiciding", "sucidal"; "geritzt"); words and word pairs carry what is said;
 * concepts carry what a new wording shares with the old ones ("hoarding my meds" and "saved my
 * tablets" are both saving plus means). Since round 13 also the concepts of the rules' lexicon
 * ({@code crisis/rules/*.yaml}, read by {@link ConceptCombos}: matched by Snowball stem in the
 * message's language, with bounded typo tolerance) and their pairs (weight {@link #LEXICON_WEIGHT} since
 * round 15); the weights therefore fit one
 * lexicon, and a change of it needs a retrain (docs/crisis.md). Since round 20 also "time without the act"
 * (a self-harm word shortly after "without", {@link Sink#abstained}), and the same after a number (a count of
 * clean days), so that "heute 90 Tage ohne mich zu ritzen" reads as recovery in every language. Since round 21
 * a concept word at most {@link #NEGATION_WINDOW} words after a negator ({@link #NEGATORS}) is a feature of its own,
 * the negated concept, in place of the concept, its proximity and its pairs ("i dont want to die": negated death,
 * not death), so the weights can tell a denial from the wish. Since round 23 every word in a negation's scope is
 * also fed hashed apart (the negated word, besides the word), and in a message with a negator each concept of the
 * rules' lexicon is also fed as the negated lexicon concept ({@link LexiconFeatures}): the rules' lexicon reads
 * "suicidal" in "I don't have any suicidal thoughts anymore" as in the wish, and the weights can now learn how much
 * a negator takes away, concept by concept.
 *
 * <p>The character n-grams and the hashing are {@link FeatureHash}'s, the lexicon's concepts and their pairs
 * {@link LexiconFeatures}' (split in round 22, the same features).
 *
 * <p>Linear: at most three n-grams per character and three word features per word (the word, its pair, and the
 * negated word in a negation's scope), plus a bounded number of
 * concept features per word and per message, no allocation. The same
 * code feeds training (test sources) and scoring, so the indices of a shipped weights file stay
 * valid exactly as long as this class does not change; {@link #VERSION} is stored in the file.
 */
final class RiskFeatures {
    /** Bumped whenever the features change; a weights file of another version is refused. */
    static final int VERSION = 11;
    static final int BITS = 18;
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;
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
    /**
     * The lexicon's concepts and their pairs are fed this many times (round 15: 5 instead of
     * {@link #CONCEPT_WEIGHT}; at 10 they carried most of the imminent score of every benign line the
     * model paged held out, docs/crisis.md "Fifteenth round: the model").
     */
    static final int LEXICON_WEIGHT = 5;
    private static final int DISPOSED = 0x2545_f491;
    private static final int ABSTAINED = 0x7a3c_51e9;
    private static final int ABSTAINED_COUNTED = 0x0e9b_6d27;
    /**
     * "Without" in the four languages, as the normaliser gives it: before a self-harm word, a time without
     * the act ("90 Tage ohne mich zu ritzen"), not the act (round 20).
     */
    private static final String[] WITHOUT = {"without", "sin", "ohne", "sans"};
    /** How many words after "without" a self-harm word may be ("ohne mich zu ritzen": three). */
    static final int ABSTAINED_WINDOW = 3;
    private static final int NEGATED = 0x6a09_e667;
    /** Salt of a word in a negation's scope, fed besides the word (round 23). */
    private static final int NEGATED_WORD = 0x3f84_d5b5;
    /**
     * Negators in the four languages, as the normaliser gives them (the rules' own lists, without the words
     * of inability, "cant", "cannot", "couldnt", which tell hopelessness, and "nichts"): a concept word
     * shortly after one is in the negation's scope ("i dont want to die", "ich will nicht sterben", "je ne
     * veux pas me tuer") and is fed as the negated concept, not the concept (round 21).
     */
    private static final String[] NEGATORS = {"not", "never", "dont", "doesnt", "didnt", "wont", "wouldnt", "no",
        "nor", "nunca", "jamas", "tampoco", "ni", "nicht", "nie", "niemals", "kein", "keine", "keinen", "keiner",
        "pas", "jamais"};
    /** How many words after a negator a concept word is in its scope ("dont want to die": three). */
    static final int NEGATION_WINDOW = 3;
    private static final RiskConcepts CONCEPTS = RiskConcepts.loadBundled();
    private static final int DISPOSAL = CONCEPTS.bit("disposal");
    private static final int THROWING = CONCEPTS.bit("throwing");
    private static final int REFLEXIVE = CONCEPTS.bit("reflexive");
    private static final int MEANS = CONCEPTS.bit("means");
    private static final int SELFHARM = CONCEPTS.bit("selfharm");
    /**
     * The concepts that are features: all but the three only the means-given-up check reads ("me",
     * "se" and "up" are everywhere; as features they only added noise, docs/crisis.md).
     */
    private static final int FEATURE_CONCEPTS = ~(DISPOSAL | THROWING | REFLEXIVE);
    /** How many words apart a disposal word and a means word may be to count as means given up. */
    static final int DISPOSAL_WINDOW = 4;
    /** FNV-1a start value and step, shared with {@link RiskConcepts}. */
    static final int SEED = 0x811c_9dc5;

    static int step(int h, char c) {
        return (h ^ c) * 0x0100_0193;
    }

    /** Receives every feature occurrence as an index in {@code [0, SIZE)}. */
    interface Sink {
        void accept(int index);

        /**
         * Called (at most once a text) when a disposal word is within {@link #DISPOSAL_WINDOW} words of
         * a means word ("threw away the pills I was saving"): means given up, a protective act. A
         * disposal or throwing word right before a reflexive word ("threw myself", "threw up"), or a
         * throwing word up to two words after one ("me tire del puente"), is none (concepts.txt).
         */
        default void disposed() {
        }

        /**
         * Called (at most once a text) when a self-harm word comes at most {@link #ABSTAINED_WINDOW} words after
         * "without" ("without cutting", "sin cortarme", "ohne mich zu ritzen", "sans me scarifier"): time
         * without the act, usually recovery; {@code counted} when a number stands at most three words before
         * "without" ("90 days without cutting"), a count of clean days (round 20).
         */
        default void abstained(boolean counted) {
        }

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
        return extract(s, 0, 0, 0, 0, sink);
    }

    /**
     * {@link #extract(CharSequence, Sink)} plus the concepts of the rules' lexicon found in the
     * message ({@link ComboReading#concepts0}): each concept, and each pair of concepts,
     * is a feature of weight {@link #CONCEPT_WEIGHT}.
     *
     * @param lexicon0 concepts 0–63 of the rules' lexicon, as bits
     * @param lexicon1 concepts 64–127
     * @param lexicon2 concepts 128–191
     * @param lexicon3 concepts 192–255
     */
    static int extract(CharSequence s, long lexicon0, long lexicon1, long lexicon2, long lexicon3, Sink sink) {
        int len = s.length();
        if (len == 0) {
            return 0;
        }
        int count = FeatureHash.ngrams(s, sink);
        int prev = 0;
        boolean hasPrev = false;
        int w = SEED;
        int wordStart = 0;
        int prevConcepts = 0;
        int allConcepts = 0;
        // means given up: word numbers of the last means word, the last disposal word (confirmed
        // once the next word is not reflexive), a disposal word waiting for its next word, and the
        // last reflexive word (a throwing word up to two words after one is a method: "me tire del")
        int words = 0;
        int lastMeans = Integer.MIN_VALUE / 2;
        int lastDisposal = Integer.MIN_VALUE / 2;
        int pendingDisposal = -1;
        int lastReflexive = Integer.MIN_VALUE / 2;
        boolean disposed = false;
        // time without the act: word numbers of the last "without" and the last number, whether a number
        // stood within three words before that "without", and what was found
        int lastWithout = Integer.MIN_VALUE / 2;
        int lastNumber = Integer.MIN_VALUE / 2;
        boolean countedWithout = false;
        boolean abstained = false;
        boolean counted = false;
        // negation scope: the word number of the last negator
        int lastNegator = Integer.MIN_VALUE / 2;
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
            if (words - lastNegator <= NEGATION_WINDOW) {
                // in a negation's scope: the word once more, hashed apart ("dont want to die": die, and negated die)
                sink.accept(index(word + NEGATED_WORD));
                count++;
            }
            int looked = CONCEPTS.lookup(s, wordStart, i);
            int concepts = looked & FEATURE_CONCEPTS;
            if (concepts != 0 && words - lastNegator <= NEGATION_WINDOW) {
                // in a negation's scope: the negated concepts instead, no proximity, no pairs
                for (int m = concepts; m != 0; m &= m - 1) {
                    sink.accept(index(NEGATED + Integer.numberOfTrailingZeros(m)), CONCEPT_WEIGHT);
                    count += CONCEPT_WEIGHT;
                }
                concepts = 0;
            }
            if (isOneOf(NEGATORS, s, wordStart, i)) {
                lastNegator = words;
            }
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
            if (pendingDisposal >= 0 && (looked & REFLEXIVE) == 0) {
                lastDisposal = pendingDisposal;
                disposed |= lastDisposal - lastMeans <= DISPOSAL_WINDOW;
            }
            boolean throwing = (looked & THROWING) != 0 && words - lastReflexive > 2;
            pendingDisposal = (looked & DISPOSAL) != 0 || throwing ? words : -1;
            if ((looked & REFLEXIVE) != 0) {
                lastReflexive = words;
            }
            if ((looked & MEANS) != 0) {
                lastMeans = words;
                disposed |= lastMeans - lastDisposal <= DISPOSAL_WINDOW;
            }
            if (isOneOf(WITHOUT, s, wordStart, i)) {
                lastWithout = words;
                countedWithout = words - lastNumber <= 3;
            } else if ((looked & SELFHARM) != 0 && words - lastWithout <= ABSTAINED_WINDOW) {
                abstained = true;
                counted |= countedWithout;
            }
            if (i > wordStart && Character.isDigit(s.charAt(wordStart))) {
                lastNumber = words;
            }
            words++;
            allConcepts |= concepts;
            prevConcepts = concepts;
            prev = word;
            hasPrev = true;
            w = SEED;
            wordStart = i + 1;
        }
        if (pendingDisposal >= 0) {
            disposed |= pendingDisposal - lastMeans <= DISPOSAL_WINDOW;
        }
        if (disposed) {
            sink.accept(index(DISPOSED), CONCEPT_WEIGHT);
            count += CONCEPT_WEIGHT;
            sink.disposed();
        }
        if (abstained) {
            sink.accept(index(ABSTAINED), CONCEPT_WEIGHT);
            count += CONCEPT_WEIGHT;
            if (counted) {
                sink.accept(index(ABSTAINED_COUNTED), CONCEPT_WEIGHT);
                count += CONCEPT_WEIGHT;
            }
            sink.abstained(counted);
        }
        // which concepts occur together in the message (at most 31 * 30 / 2 pairs, whatever its length)
        for (int m = allConcepts; m != 0; m &= m - 1) {
            int a = Integer.numberOfTrailingZeros(m);
            for (int r = m & (m - 1); r != 0; r &= r - 1) {
                sink.accept(index(CONCEPT_PAIR + 64 * a + Integer.numberOfTrailingZeros(r)), CONCEPT_WEIGHT);
                count += CONCEPT_WEIGHT;
            }
        }
        return count + LexiconFeatures.extract(lexicon0, lexicon1, lexicon2, lexicon3, lastNegator >= 0, sink);
    }

    /**
     * Whether {@code s[start, end)} is one of {@code words} ({@link #WITHOUT}, {@link #NEGATORS}: constant work,
     * a few short words compared only when the lengths match).
     */
    private static boolean isOneOf(String[] words, CharSequence s, int start, int end) {
        for (String w : words) {
            if (w.length() == end - start) {
                int k = 0;
                while (k < w.length() && s.charAt(start + k) == w.charAt(k)) {
                    k++;
                }
                if (k == w.length()) {
                    return true;
                }
            }
        }
        return false;
    }
}
