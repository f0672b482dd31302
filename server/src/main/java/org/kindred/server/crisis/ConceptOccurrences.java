package org.kindred.server.crisis;

/**
 * The concept occurrences of one sentence (or of two adjacent sentences read together), in the
 * order of their first word, as {@link ConceptCombos} collects them from {@link ConceptLexicon}:
 * parallel arrays of concept, first token and end token (exclusive). Mutable, one per reading.
 */
final class ConceptOccurrences implements ConceptLexicon.Sink {
    int[] concept = new int[16];
    int[] start = new int[16];
    int[] end = new int[16];
    int count;

    @Override
    public void add(int c, int s, int e) {
        for (int k = count - 1; k >= 0 && start[k] == s; k--) {
            if (concept[k] == c) {
                return; // once per word: the occurrences of one word are the last ones added
            }
        }
        if (count == concept.length) {
            concept = java.util.Arrays.copyOf(concept, count * 2);
            start = java.util.Arrays.copyOf(start, count * 2);
            end = java.util.Arrays.copyOf(end, count * 2);
        }
        concept[count] = c;
        start[count] = s;
        end[count] = e;
        count++;
    }

    /** Adds every occurrence of {@code o} after these (no duplicate check: another sentence). */
    void append(ConceptOccurrences o) {
        while (count + o.count > concept.length) {
            concept = java.util.Arrays.copyOf(concept, concept.length * 2);
            start = java.util.Arrays.copyOf(start, start.length * 2);
            end = java.util.Arrays.copyOf(end, end.length * 2);
        }
        System.arraycopy(o.concept, 0, concept, count, o.count);
        System.arraycopy(o.start, 0, start, count, o.count);
        System.arraycopy(o.end, 0, end, count, o.count);
        count += o.count;
    }
}
