package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link ConceptCombos#read(Token[], int)} found in one message: the combinations' matches, which clauses
 * tell of the past or of a hypothesis, recovery talk, laughter and the concepts present (the model's features).
 * Filled by one read, then only read; not shared between threads while it is filled.
 */
final class ComboReading {
    final List<ConceptCombos.Match> matches = new ArrayList<>();
    /** Per token: its clause tells of the past ({@code past} concept: "a year ago", "früher", "cuando era"). */
    final boolean[] past;
    /** Per token: its clause holds a memory denied ("no me acuerdo de …", "can't remember", {@link PastHabit}). */
    final boolean[] forgotten;
    /** Per token: its clause is a hypothesis begun by a {@code hypothetical} word ("if", "si", "falls"). */
    final boolean[] hypothetical;
    /** Tokens marked hypothetical: each at most once, so at most the message's length (tests bound it). */
    int hypotheticalMarked;
    /**
     * Recovery talk: a {@code better} concept ("grateful", "dankbar", "mejor") after a
     * {@code past} one, in a later clause or sentence ("a year ago I …, today I'm grateful").
     */
    boolean recovery;
    /** The token of the {@code better} occurrence that made {@link #recovery}, or -1. */
    int recoveryAt = -1;
    /** A joke: a {@code laugh} marker and a {@code dieword} in the message, and no {@code suicideword}. */
    boolean laugh;
    /** A {@code laugh} marker ("lol", "jajaja", "mdr") anywhere in the message (twentieth round: a joking quote). */
    boolean laughMarker;
    /** A {@code dieword} and no {@code suicideword} in the message (a death wish a laughing emoji may joke about). */
    boolean deathWord;
    /**
     * The last token of an occurrence of a concept of risk coming back ("again", a self-harm act) outside a memory
     * denied ({@link #forgotten}), or -1: set by {@link #settleRelapse()} once the past is marked (twenty-fifth round: "… ahora tengo
     * 35 y no me acuerdo de la última vez q lo pensé" has no relapse, the thought lies in a memory denied).
     */
    int lastRelapse = -1;
    /** First and last tokens of the relapse occurrences read: at most one pair per occurrence. */
    private int[] relapses = new int[8];
    private int relapseCount;
    /** Concept occurrences found in the message. */
    int occurrences;
    /** Concepts anywhere in the message as bits (0–63, 64–127, 128–191): features of the second opinion. */
    long concepts0, concepts1, concepts2, concepts3;
    /** Occurrences copied to read two adjacent sentences together: at most three times {@link #occurrences}. */
    int copied;

    ComboReading(int tokens) {
        past = new boolean[tokens];
        forgotten = new boolean[tokens];
        hypothetical = new boolean[tokens];
    }

    /** Records a relapse occurrence from token {@code start} to {@code last} (inclusive). */
    void relapse(int start, int last) {
        if (relapseCount + 2 > relapses.length) {
            relapses = java.util.Arrays.copyOf(relapses, relapses.length * 2);
        }
        relapses[relapseCount++] = start;
        relapses[relapseCount++] = last;
    }

    /** Sets {@link #lastRelapse} from the occurrences recorded whose first token is not in a memory denied. */
    void settleRelapse() {
        int last = -1;
        for (int i = 0; i < relapseCount; i += 2) {
            if (!forgotten[relapses[i]]) {
                last = Math.max(last, relapses[i + 1]);
            }
        }
        lastRelapse = last;
    }
}
