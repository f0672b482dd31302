package org.kindred.server.crisis;

import java.util.Arrays;

/**
 * Marks clauses of a sentence that tell of something other than the writer's present: the past
 * ("a year ago I …") and a hypothesis ("if a car ran me over tomorrow …"). Helpers of
 * {@link ConceptCombos}; each token is marked a bounded number of times, so the cost stays linear.
 */
final class ClauseMarks {
    private ClauseMarks() {
    }

    /**
     * Marks as past the clause of every {@code past} occurrence of the sentence {@code [s, e)}, cut
     * short at a {@code present} word ("a year ago I wanted to die, today I'm grateful but I want
     * to … tonight": only the first clause is past). Each token is marked at most once per
     * occurrence whose token was not yet marked, so the cost stays linear.
     *
     * @param oc occurrences' concepts, {@code os} their first tokens, {@code count} how many
     * @param past per token of the message, set to true where the clause is past
     */
    static void markPast(Token[] t, int s, int e, int[] oc, int[] os, int count, int pastBit, int presentBit,
            boolean[] past) {
        boolean[] present = new boolean[e - s];
        for (int k = 0; k < count; k++) {
            if (oc[k] == presentBit) {
                present[os[k] - s] = true;
            }
        }
        for (int k = 0; k < count; k++) {
            int p = os[k];
            if (oc[k] != pastBit || past[p]) {
                continue;
            }
            int from = p;
            while (from > s && t[from].before == Token.Boundary.NONE && !present[from - 1 - s]) {
                from--;
            }
            int to = p + 1;
            while (to < e && t[to].before == Token.Boundary.NONE && !present[to - s]) {
                to++;
            }
            Arrays.fill(past, from, to, true);
        }
    }

    /**
     * Marks as hypothetical the rest of the clause after every {@code hypothetical} occurrence
     * ("if", "si", "falls") that begins its clause, in the sentence {@code [s, e)}: a time there
     * ("if a car ran me over tomorrow") is no decided time. "si" in the middle of a clause ("je
     * suis si fatiguée") is not marked. A token already marked stops the marking, so each token
     * is marked once.
     *
     * @param hypothetical per token of the message, set to true where the clause is hypothetical
     * @return the tokens marked (each at most once over a message, so at most its length; tests bound it)
     */
    static int markHypothetical(Token[] t, int s, int e, int[] oc, int[] os, int count, int hypotheticalBit,
            boolean[] hypothetical) {
        int marked = 0;
        for (int k = 0; k < count; k++) {
            int p = os[k];
            if (oc[k] != hypotheticalBit || hypothetical[p] || (p > s && t[p].before == Token.Boundary.NONE)) {
                continue;
            }
            for (int to = p; to < e && !hypothetical[to] && (to == p || t[to].before == Token.Boundary.NONE); to++) {
                hypothetical[to] = true;
                marked++;
            }
        }
        return marked;
    }

    /** Whether a clause or sentence boundary lies between tokens {@code from} and {@code to}. */
    static boolean boundaryBetween(Token[] t, int from, int to) {
        for (int k = from + 1; k <= to; k++) {
            if (t[k].before != Token.Boundary.NONE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Marks as past the clause before every clause that {@code opens} says begins a reading told from the present
     * (a since clause, a clean span: {@link SinceClause}, {@link CleanSpan}): back from that clause's start to the
     * previous clause or sentence boundary, unless {@code kept} says the clause before stays as it is. The clauses
     * marked do not overlap, so each token is marked at most once: linear.
     *
     * @param t the message's tokens
     * @param past per token, set to true where the clause is past
     * @param opens whether such a clause starts at a token index (called once per clause start)
     * @param kept whether the clause {@code [from, to)} before it holds what keeps it out of the past, or null
     * @return how many such clauses were found after a clause
     */
    static int markBefore(Token[] t, boolean[] past, java.util.function.IntPredicate opens, ClauseTest kept) {
        int found = 0;
        int clause = 0; // the start of the current clause
        for (int k = 1; k < t.length; k++) {
            if (t[k].before == Token.Boundary.NONE) {
                continue;
            }
            if (opens.test(k)) {
                found++;
                if (kept == null || !kept.holds(clause, k)) {
                    Arrays.fill(past, clause, k, true);
                }
            }
            clause = k;
        }
        return found;
    }

    /** A test of a clause {@code [from, to)} of the message. */
    @FunctionalInterface
    interface ClauseTest {
        /** Whether the clause of tokens {@code [from, to)} holds what is looked for. */
        boolean holds(int from, int to);
    }
}
