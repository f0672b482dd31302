package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Splits words that were run together ("iwanttodie", "killmyself") into the words of the rule
 * vocabulary; a split must cover the whole word. Because tokens have repeated letters collapsed, a
 * piece may share its first letter with the end of the previous piece ("wanttodie" is canonically
 * {@code wantodie}: want + (t)o + die).
 *
 * <p>Of all the splits, the one taken is the best by, in this order (round 17; before, the first of
 * equal splits found won, so a short word new to the vocabulary could change a split that did not
 * need it):
 * <ol>
 *   <li>the fewest pieces;</li>
 *   <li>the largest sum of the squared lengths of the pieces (a shared letter counted once, in the
 *       piece before, so sharing does not lengthen a split): long
 *       words over short ones ("wantodie" as want + (t)o + die, not wan + to + die), so that a
 *       short word new to the vocabulary takes a split only where it leaves longer words beside it
 *       ("partira" stays partir + a when "par" is listed next to "tira": 36 + 1 over 9 + 16);</li>
 *   <li>the longest first piece, then the longest second, and so on, read from the left as the
 *       writer typed;
 *       of two pieces as long, the one that does not share a letter.</li>
 * </ol>
 * Two different splits always differ by these, so the split does not depend on the order the words
 * were listed or found in. Immutable, thread-safe.
 */
final class WordSegmenter {
    /** Words shorter than this are never split. */
    static final int MIN_LENGTH = 5;
    private static final int MAX_LENGTH = 48;

    private final Node root = new Node();

    WordSegmenter(Collection<String> vocabulary) {
        for (String w : vocabulary) {
            if (w.isEmpty() || w.indexOf(' ') >= 0 || (w.length() == 1 && !"iay".contains(w))) {
                continue; // single letters other than i/a/y make nonsense splits too easy
            }
            Node n = root;
            for (int i = 0; i < w.length(); i++) {
                n = n.child(w.charAt(i), true);
            }
            n.word = true;
        }
    }

    /** The pieces, or {@code null} when the word cannot be covered (or is too short or long). */
    List<String> split(String word) {
        int n = word.length();
        if (n < MIN_LENGTH || n > MAX_LENGTH) {
            return null;
        }
        Best best = new Best(n);
        best.pieces[0] = 0;
        for (int p = 0; p < n; p++) {
            if (best.pieces[p] == Integer.MAX_VALUE) {
                continue;
            }
            walk(word, root, p, p, best);
            if (p > 0) {
                Node shared = root.child(word.charAt(p - 1), false);
                if (shared != null) {
                    walk(word, shared, p, p - 1, best);
                }
            }
        }
        if (best.pieces[n] == Integer.MAX_VALUE || best.pieces[n] < 2) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        for (int e = n; e > 0; e = best.from[e]) {
            pieces.add(0, word.substring(best.pieceStart[e], e));
        }
        return pieces;
    }

    /** Every piece that starts at {@code pieceFrom} (reading from {@code start}) after the best split of {@code [0, p)}. */
    private static void walk(String word, Node start, int p, int pieceFrom, Best best) {
        Node node = start;
        for (int q = p; q < word.length() && node != null; q++) {
            node = node.child(word.charAt(q), false);
            if (node != null && node.word) {
                best.offer(p, pieceFrom, q + 1);
            }
        }
    }

    /**
     * The best split of each prefix of a word so far: pieces and squared lengths (the first two
     * orders of the class doc), where its last piece starts and the end of the split before it. Every
     * order is decided on a prefix alone, so the best split of a prefix is part of the best split of
     * the word that goes through it.
     */
    private static final class Best {
        final int[] pieces;
        final int[] squares;
        final int[] from;
        final int[] pieceStart;
        /** Scratch for {@link #leftLonger}: piece starts and ends of two splits, from the right. */
        private final int[] a;
        private final int[] b;

        Best(int n) {
            pieces = new int[n + 1];
            squares = new int[n + 1];
            from = new int[n + 1];
            pieceStart = new int[n + 1];
            Arrays.fill(pieces, Integer.MAX_VALUE);
            a = new int[2 * (n + 1)];
            b = new int[2 * (n + 1)];
        }

        /** The best split of {@code [0, origin)} and the piece {@code [pieceFrom, end)}, if better than the one of {@code [0, end)}. */
        void offer(int origin, int pieceFrom, int end) {
            int np = pieces[origin] + 1;
            int nq = squares[origin] + (end - origin) * (end - origin); // a shared letter counts in the piece before
            boolean better = np < pieces[end]
                    || np == pieces[end] && (nq > squares[end] || nq == squares[end] && leftLonger(origin, pieceFrom, end));
            if (better) {
                pieces[end] = np;
                squares[end] = nq;
                from[end] = origin;
                pieceStart[end] = pieceFrom;
            }
        }

        /**
         * Whether the split through {@code origin} with the last piece {@code [pieceFrom, end)} has,
         * read from the left, a longer piece (or one as long starting later, not sharing) at the first
         * place the current best split of {@code [0, end)} differs. At most one pass over each split's
         * pieces (a word has at most {@value WordSegmenter#MAX_LENGTH} letters).
         */
        private boolean leftLonger(int origin, int pieceFrom, int end) {
            int na = 0;
            a[na++] = pieceFrom;
            a[na++] = end;
            for (int e = origin; e > 0; e = from[e]) {
                a[na++] = pieceStart[e];
                a[na++] = e;
            }
            int nb = 0;
            for (int e = end; e > 0; e = from[e]) {
                b[nb++] = pieceStart[e];
                b[nb++] = e;
            }
            for (int i = na - 2, j = nb - 2; i >= 0 && j >= 0; i -= 2, j -= 2) {
                if (a[i + 1] != b[j + 1]) {
                    return a[i + 1] > b[j + 1]; // the pieces before end alike: the later end is the longer piece
                }
                if (a[i] != b[j]) {
                    return a[i] > b[j];
                }
            }
            return false;
        }
    }

    private static final class Node {
        private char[] keys = new char[0];
        private Node[] children = new Node[0];
        private boolean word;

        Node child(char c, boolean create) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return children[i];
                }
            }
            if (!create) {
                return null;
            }
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = c;
            Node n = new Node();
            children[children.length - 1] = n;
            return n;
        }
    }
}
