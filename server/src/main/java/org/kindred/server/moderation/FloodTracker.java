package org.kindred.server.moderation;

/**
 * The last few messages of one member as hashes of their letters and digits (case-folded, all
 * else ignored, so "BUY now!!!" and "buy now" count as the same). Thread-safe.
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

    /** Hash of the letters and digits of {@code text}, lower-cased; allocation-free. */
    static int fingerprint(String text) {
        int h = 1;
        for (int i = 0, n = text.length(); i < n; i++) {
            char ch = text.charAt(i);
            if (ch < 128) {
                if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                    h = 31 * h + ch;
                } else if (ch >= 'A' && ch <= 'Z') {
                    h = 31 * h + (ch | 0x20);
                }
            } else if (Character.isLetterOrDigit(ch)) {
                h = 31 * h + Character.toLowerCase(ch);
            }
        }
        return h;
    }
}
