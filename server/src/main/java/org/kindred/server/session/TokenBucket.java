package org.kindred.server.session;

/**
 * A token bucket: {@code capacity} tokens, refilled at {@code perSecond}. Not thread-safe; each
 * bucket has one owner (e.g. a connection's event loop).
 */
public final class TokenBucket {
    private final double capacity;
    private final double perMilli;
    private double tokens;
    private long last;

    public TokenBucket(double capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perMilli = perSecond / 1000.0;
        this.tokens = capacity;
        this.last = now;
    }

    /** Takes one token if there is one. */
    public boolean tryTake(long now) {
        refill(now);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /** Milliseconds until one token is available (0 if one is). */
    public long millisUntilToken(long now) {
        refill(now);
        return tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - tokens) / perMilli);
    }

    private void refill(long now) {
        if (now > last) {
            tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            last = now;
        }
    }
}
