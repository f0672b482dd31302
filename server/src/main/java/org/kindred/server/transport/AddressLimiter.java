package org.kindred.server.transport;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts open connections per network fingerprint (a keyed hash of the peer's network, see
 * {@code moderator.Fingerprinter}), in memory only, never stored or logged, so one network
 * cannot take more than its share of the server. Every TCP connection counts, plain HTTP and
 * WebSocket alike.
 *
 * <p>Up to {@code max} connections per key are {@linkplain Verdict#ADMITTED admitted}. Past
 * that, up to {@code max} more are {@linkplain Verdict#REFUSED refused}: they are kept just long
 * enough to be told why (HTTP 429, WebSocket close 4029) and then closed. Any further ones are
 * {@linkplain Verdict#DROPPED dropped} at once without a word, so a flood of connections from
 * one network holds at most {@code 2 * max} sockets at any time. Thread-safe.
 */
public final class AddressLimiter {
    /** What happens to a new connection. */
    public enum Verdict {
        /** Within the limit: served normally. Counted until {@link #release}. */
        ADMITTED,
        /** Over the limit: answered with an explanation, then closed. Counted until {@link #release}. */
        REFUSED,
        /** Far over the limit: closed at once. Not counted; never released. */
        DROPPED
    }

    private record Counts(int admitted, int refused) {
    }

    private final int max;
    private final ConcurrentHashMap<String, Counts> open = new ConcurrentHashMap<>();

    /**
     * @param max connections admitted per key at a time (at least 1)
     * @throws IllegalArgumentException if {@code max < 1}
     */
    public AddressLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max: " + max + " (expected: >= 1)");
        }
        this.max = max;
    }

    /**
     * Decides on and counts a new connection from {@code key}.
     *
     * @param key a network fingerprint (any non-null string)
     * @return the verdict; {@link Verdict#ADMITTED} and {@link Verdict#REFUSED} must be released once
     *     with {@link #release(String, Verdict)} when the connection ends
     */
    public Verdict admit(String key) {
        Verdict[] verdict = {Verdict.DROPPED};
        open.compute(key, (k, c) -> {
            Counts now = c == null ? new Counts(0, 0) : c;
            if (now.admitted < max) {
                verdict[0] = Verdict.ADMITTED;
                return new Counts(now.admitted + 1, now.refused);
            }
            if (now.refused < max) {
                verdict[0] = Verdict.REFUSED;
                return new Counts(now.admitted, now.refused + 1);
            }
            return c;
        });
        return verdict[0];
    }

    /** Ends the count of one connection that {@link #admit(String)} answered with {@code verdict}. */
    public void release(String key, Verdict verdict) {
        if (verdict == Verdict.DROPPED) {
            return;
        }
        open.computeIfPresent(key, (k, c) -> {
            Counts next = verdict == Verdict.ADMITTED ? new Counts(Math.max(0, c.admitted - 1), c.refused)
                    : new Counts(c.admitted, Math.max(0, c.refused - 1));
            return next.admitted == 0 && next.refused == 0 ? null : next;
        });
    }

    /** Connections from {@code key} that are counted now, admitted and refused (for tests and operations). */
    public int open(String key) {
        Counts c = open.get(key);
        return c == null ? 0 : c.admitted + c.refused;
    }

    /** Number of keys with at least one counted connection; the map holds nothing else. */
    public int keys() {
        return open.size();
    }
}
