package org.kindred.server.moderation.lexicon;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton compiled to a dense DFA over a small alphabet ({@code a-z}, space, and
 * "other"), for the normalised text of {@link org.kindred.server.text.Normalizer}.
 *
 * <p>Runs of identical letters are read as one letter both when building (patterns must be
 * given squeezed) and when scanning, so "fuuck" reaches the same state as "fuck"; callers verify
 * run lengths and exact characters of a hit (the "other" class lumps digits and non-Latin
 * letters together). The automaton is immutable; walking it allocates nothing and is safe from
 * several threads at once.
 */
final class AhoCorasick {
    static final int ALPHABET = 28;
    private static final int SPACE = 26;
    private static final int OTHER = 27;

    private final int[] delta;
    private final int[] outStart;
    private final int[] outIds;

    AhoCorasick(List<String> squeezedPatterns) {
        int capacity = 1024;
        int[] next = new int[capacity * ALPHABET];
        Arrays.fill(next, -1);
        List<List<Integer>> terminal = new ArrayList<>();
        terminal.add(null);
        int states = 1;
        for (int id = 0; id < squeezedPatterns.size(); id++) {
            String p = squeezedPatterns.get(id);
            int s = 0;
            for (int i = 0; i < p.length(); i++) {
                int c = cls(p.charAt(i));
                int t = next[s * ALPHABET + c];
                if (t < 0) {
                    if (states == capacity) {
                        int old = capacity;
                        capacity *= 2;
                        next = Arrays.copyOf(next, capacity * ALPHABET);
                        Arrays.fill(next, old * ALPHABET, capacity * ALPHABET, -1);
                    }
                    t = states++;
                    terminal.add(null);
                    next[s * ALPHABET + c] = t;
                }
                s = t;
            }
            if (terminal.get(s) == null) {
                terminal.set(s, new ArrayList<>(1));
            }
            terminal.get(s).add(id);
        }
        int[] fail = new int[states];
        int[] order = new int[states];
        int head = 0;
        int tail = 0;
        for (int c = 0; c < ALPHABET; c++) {
            int t = next[c];
            if (t < 0) {
                next[c] = 0;
            } else {
                fail[t] = 0;
                order[tail++] = t;
            }
        }
        while (head < tail) {
            int s = order[head++];
            for (int c = 0; c < ALPHABET; c++) {
                int t = next[s * ALPHABET + c];
                int viaFail = next[fail[s] * ALPHABET + c];
                if (t < 0) {
                    next[s * ALPHABET + c] = viaFail;
                } else {
                    fail[t] = viaFail;
                    order[tail++] = t;
                }
            }
        }
        // outputs: own terminals plus those of the failure chain, flattened in BFS order
        List<int[]> outputs = new ArrayList<>(states);
        for (int s = 0; s < states; s++) {
            outputs.add(null);
        }
        outputs.set(0, new int[0]);
        for (int k = 0; k < tail; k++) {
            int s = order[k];
            int[] inherited = outputs.get(fail[s]);
            List<Integer> own = terminal.get(s);
            int[] all = Arrays.copyOf(own == null ? new int[0] : own.stream().mapToInt(Integer::intValue).toArray(),
                    (own == null ? 0 : own.size()) + inherited.length);
            System.arraycopy(inherited, 0, all, own == null ? 0 : own.size(), inherited.length);
            outputs.set(s, all);
        }
        // Renumber states in BFS order: the shallow states, where scanning spends most of its
        // time, then share cache lines and memory pages instead of being spread over the table.
        int[] renamed = new int[states];
        for (int k = 0; k < tail; k++) {
            renamed[order[k]] = k + 1; // the root stays 0
        }
        int[] bfs = new int[states];
        for (int k = 0; k < tail; k++) {
            bfs[k + 1] = order[k];
        }
        this.outStart = new int[states + 1];
        int total = 0;
        for (int n = 0; n < states; n++) {
            outStart[n] = total;
            total += outputs.get(bfs[n]).length;
        }
        outStart[states] = total;
        this.outIds = new int[total];
        for (int n = 0; n < states; n++) {
            int[] o = outputs.get(bfs[n]);
            System.arraycopy(o, 0, outIds, outStart[n], o.length);
        }
        // each transition carries its target's "has outputs" flag, so a scan reads the output
        // table only in the few states where a term may end
        this.delta = new int[states * ALPHABET];
        for (int n = 0; n < states; n++) {
            int old = bfs[n];
            for (int c = 0; c < ALPHABET; c++) {
                int t = renamed[next[old * ALPHABET + c]];
                delta[n * ALPHABET + c] = (t << 1) | (outStart[t + 1] > outStart[t] ? 1 : 0);
            }
        }
    }

    int states() {
        return outStart.length - 1;
    }

    /**
     * The transition on {@code ch} from {@code state} (squeezing is the caller's job), packed:
     * {@link #target(int)} is the next state, {@link #hasOutputs(int)} whether any pattern ends there.
     */
    int step(int state, char ch) {
        return delta[state * ALPHABET + cls(ch)];
    }

    static int target(int step) {
        return step >>> 1;
    }

    static boolean hasOutputs(int step) {
        return (step & 1) != 0;
    }

    /** First index into the output list of {@code state}. */
    int outputsFrom(int state) {
        return outStart[state];
    }

    /** End (exclusive) of the output list of {@code state}. */
    int outputsTo(int state) {
        return outStart[state + 1];
    }

    /** Pattern id at output index {@code i}. */
    int output(int i) {
        return outIds[i];
    }

    /** Letters of normalised text: anything but a space or an ASCII digit. */
    static boolean isLetter(char ch) {
        return ch != ' ' && (ch < '0' || ch > '9');
    }

    private static final byte[] ASCII_CLASS = new byte[128];

    static {
        java.util.Arrays.fill(ASCII_CLASS, (byte) OTHER);
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_CLASS[c] = (byte) (c - 'a');
        }
        ASCII_CLASS[' '] = SPACE;
    }

    static int cls(char ch) {
        return ch < 128 ? ASCII_CLASS[ch] : OTHER;
    }
}
