package org.kindred.server.crisis;

/**
 * Work named by a day off (twenty-fifth round): "booked friday off work for that", "me pedí el viernes libre en el
 * trabajo para eso". The {@code everyday} and {@code routine} concepts ("work", "trabajo") cancel the combinations
 * of a day off taken for "it" as everyday work talk; when every occurrence of one of them in a sentence starts
 * inside a {@code dayoff} occurrence or at most {@link #NEAR} tokens after its end ("off work for", "libre en el
 * trabajo"), the work is the day off's own and does not cancel them: {@link ConceptCombos} reads the sentence's
 * combinations without it. The model's features (the concepts found) are read before and keep it.
 *
 * <p>Linear: one pass over the sentence's occurrences per cancelling concept. Immutable and thread-safe.
 */
final class DayOffWork {
    /** The most tokens between a day off's end and the work it names. */
    static final int NEAR = 2;

    /** The {@code dayoff} concept's index, or -1. */
    private final int dayoff;
    /** The cancelling concepts' indices ({@code everyday}, {@code routine}; -1 for one the file lacks). */
    private final int[] cancelling;

    /**
     * @param names the combinations file's concept names, by index
     */
    DayOffWork(java.util.List<String> names) {
        this.dayoff = names.indexOf("dayoff");
        this.cancelling = new int[] {names.indexOf("everyday"), names.indexOf("routine")};
    }

    /**
     * Clears the bit of each cancelling concept ({@code everyday}, {@code routine}) from a sentence's concept mask when
     * every occurrence of it there is the work of a day off.
     *
     * @param mask the sentence's concept mask, changed in place
     * @param occ the sentence's occurrences, in the order read (by first token)
     */
    void clear(long[] mask, ConceptOccurrences occ) {
        if (dayoff < 0 || (mask[dayoff >>> 6] & (1L << dayoff)) == 0) {
            return;
        }
        for (int c : cancelling) {
            if (c >= 0 && (mask[c >>> 6] & (1L << c)) != 0 && named(occ, c)) {
                mask[c >>> 6] &= ~(1L << c);
            }
        }
    }

    /** Whether every occurrence of {@code c} lies inside or at most {@link #NEAR} tokens after a day off. */
    private boolean named(ConceptOccurrences occ, int c) {
        int dayoffEnd = -1;
        for (int k = 0; k < occ.count; k++) {
            if (occ.concept[k] == dayoff) {
                dayoffEnd = Math.max(dayoffEnd, occ.end[k]);
            } else if (occ.concept[k] == c && (dayoffEnd < 0 || occ.start[k] - dayoffEnd > NEAR)) {
                return false; // everyday talk of its own
            }
        }
        return true;
    }
}
