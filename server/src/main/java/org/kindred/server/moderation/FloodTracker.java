package org.kindred.server.moderation;

import org.kindred.server.text.NormalizedText;

/**
 * The last few messages of one member as hashes of their normalised letters and digits (all else
 * ignored, so "BUY now!!!", "buy n0wwww" and "buy now" count as the same). Thread-safe.
 */
final class FloodTracker {
    private static final int SIZE = 8;
    private final int[] hashes = new int[SIZE];
    private final long[] times = new long[SIZE];
    private int next;
    private int count;

    /** Records a message and returns how many of the recorded ones (itself included) match it within the window. */
    synchronized int record(int hash, long nowMillis, long windowMillis) {
        int same = 1;
        for (int i = 0; i < count; i++) {
            if (hashes[i] == hash && nowMillis - times[i] <= windowMillis) {
                same++;
            }
        }
        hashes[next] = hash;
        times[next] = nowMillis;
        next = (next + 1) % SIZE;
        count = Math.min(SIZE, count + 1);
        return same;
    }

    /**
     * Hash of the letters and digits of the normalised text: case, punctuation, spacing,
     * leetspeak, look-alike letters and stretched letters ("nowwww") do not make a message new.
     * A message without any (only emoji or punctuation: "❤️", "🙏") is hashed as written, so
     * three different reactions are not one message repeated. Allocation-free.
     */
    static int fingerprint(NormalizedText text) {
        int n = text.length();
        if (n == 0) {
            return 31 * text.original().hashCode() + 7;
        }
        int h = 1;
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (ch != ' ') {
                h = 31 * h + ch;
            }
        }
        return h;
    }
}
