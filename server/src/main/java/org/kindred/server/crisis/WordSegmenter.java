package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Splits words that were run together ("iwanttodie", "killmyself") into the words of the rule
 * vocabulary, using the fewest pieces; a split must cover the whole word. Because tokens have
 * repeated letters collapsed, a piece may share its first letter with the end of the previous
 * piece ("wanttodie" is canonically {@code wantodie}: want + (t)o + die). Immutable, thread-safe.
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
        int[] best = new int[n + 1];
        int[] from = new int[n + 1];
        int[] pieceStart = new int[n + 1];
        Arrays.fill(best, Integer.MAX_VALUE);
        best[0] = 0;
        for (int p = 0; p < n; p++) {
            if (best[p] == Integer.MAX_VALUE) {
                continue;
            }
            walk(word, root, p, p, best, from, pieceStart, p);
            if (p > 0) {
                Node shared = root.child(word.charAt(p - 1), false);
                if (shared != null) {
                    walk(word, shared, p, p - 1, best, from, pieceStart, p);
                }
            }
        }
        if (best[n] == Integer.MAX_VALUE || best[n] < 2) {
            return null;
        }
        List<String> pieces = new ArrayList<>();
        for (int e = n; e > 0; e = from[e]) {
            pieces.add(0, word.substring(pieceStart[e], e));
        }
        return pieces;
    }

    private static void walk(String word, Node start, int p, int pieceFrom, int[] best, int[] from, int[] pieceStart,
            int origin) {
        Node node = start;
        for (int q = p; q < word.length() && node != null; q++) {
            node = node.child(word.charAt(q), false);
            if (node != null && node.word && best[origin] + 1 < best[q + 1]) {
                best[q + 1] = best[origin] + 1;
                from[q + 1] = origin;
                pieceStart[q + 1] = pieceFrom;
            }
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
