package org.kindred.bench;

/**
 * Fixed-rate schedule: message {@code i} is due at {@code start + i / rate}. The generator asks
 * how many are due now and sends them stamped with their intended time, so a stall anywhere
 * (generator, server, network) shows up as latency instead of silently lowering the rate
 * (no coordinated omission).
 */
public final class Pacer {
    private final long startNanos;
    private final double perSecond;
    private final long total;
    private long issued;

    /**
     * @param startNanos when message 0 is due
     * @param perSecond offered rate, > 0
     * @param total how many messages in all (bounds the run)
     */
    public Pacer(long startNanos, double perSecond, long total) {
        if (perSecond <= 0 || total < 0) {
            throw new IllegalArgumentException("rate " + perSecond + " total " + total);
        }
        this.startNanos = startNanos;
        this.perSecond = perSecond;
        this.total = total;
    }

    /** The intended send time of message {@code i}. */
    public long intendedNanos(long i) {
        return startNanos + (long) (i * 1e9 / perSecond);
    }

    /** Index one past the last message due at {@code nowNanos} (capped at the total). */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long due = (long) Math.floor((nowNanos - startNanos) * perSecond / 1e9) + 1;
        return Math.min(total, due);
    }

    /** The next message to issue, or -1 if none is due yet (or all were issued). */
    public long next(long nowNanos) {
        if (issued < dueBy(nowNanos)) {
            return issued++;
        }
        return -1;
    }

    public long issued() {
        return issued;
    }

    public boolean done() {
        return issued >= total;
    }

    public long total() {
        return total;
    }
}
