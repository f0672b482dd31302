package org.kindred.server.common;

/** A token bucket on an injected clock (milliseconds). Thread-safe. */
public final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long last;

    /** A full bucket; its clock starts with the first {@link #tryTake(long)}. */
    public TokenBucket(int burst, double perSecond) {
        this.capacity = burst;
        this.perMilli = perSecond / 1000.0;
        this.tokens = burst;
        this.last = Long.MIN_VALUE;
    }

    /** Takes a token and returns 0, or returns how many ms until one is available. */
    public synchronized long tryTake(long nowMillis) {
        if (last == Long.MIN_VALUE) {
            last = nowMillis;
        } else if (nowMillis > last) {
            tokens = Math.min(capacity, tokens + (nowMillis - last) * perMilli);
            last = nowMillis;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1.0 - tokens) / perMilli));
    }

    /** Puts back a token taken by a send that was refused after all (never above the burst). */
    public synchronized void giveBack() {
        tokens = Math.min(capacity, tokens + 1.0);
    }

    /**
     * What is left of the bucket at {@code nowMillis} (refilled up to then, nothing taken): tokens
     * in {@code [0, burst]}. Thread-safe.
     */
    public synchronized double tokensAt(long nowMillis) {
        if (last == Long.MIN_VALUE || nowMillis <= last) {
            return tokens;
        }
        return Math.min(capacity, tokens + (nowMillis - last) * perMilli);
    }

    /**
     * Sets the bucket to hold {@code tokens} (clamped to {@code [0, burst]}) at {@code atMillis}, as
     * {@link #tokensAt} read it elsewhere (e.g. on another node): what was spent stays spent.
     */
    public synchronized void restore(double tokens, long atMillis) {
        this.tokens = Double.isFinite(tokens) ? Math.max(0, Math.min(capacity, tokens)) : capacity;
        this.last = atMillis;
    }
}
