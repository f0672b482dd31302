package org.kindred.bench;

/**
 * Fixed-rate schedule, optionally in bursts: messages are released in groups of {@code burst}
 * back-to-back, group {@code k} (messages {@code k*burst .. k*burst+burst-1}) due at
 * {@code start + k * burst / rate}, so the average rate is the same whatever the burst size; a
 * burst of 1 is the smooth schedule (message {@code i} due at {@code start + i / rate}). The
 * generator asks which messages are due now and sends them stamped with their intended time
 * (their group's due time), so a stall anywhere (generator, server, network) shows up as latency
 * instead of silently lowering the rate (no coordinated omission).
 */
public final class Pacer {
    private final long startNanos;
    private final double perSecond;
    private final long total;
    private final int burst;
    private long issued;

    /** Smooth pacing: one message at a time. */
    public Pacer(long startNanos, double perSecond, long total) {
        this(startNanos, perSecond, total, 1);
    }

    /**
     * @param startNanos when message 0 (the first group) is due
     * @param perSecond offered average rate in messages, > 0
     * @param total how many messages in all (bounds the run; the last group may be short)
     * @param burst messages per group, >= 1
     */
    public Pacer(long startNanos, double perSecond, long total, int burst) {
        if (perSecond <= 0 || total < 0 || burst < 1) {
            throw new IllegalArgumentException("rate " + perSecond + " total " + total + " burst " + burst);
        }
        this.startNanos = startNanos;
        this.perSecond = perSecond;
        this.total = total;
        this.burst = burst;
    }

    /** The intended send time of message {@code i}: when its group is due. */
    public long intendedNanos(long i) {
        return groupDueNanos(i / burst);
    }

    private long groupDueNanos(long group) {
        return startNanos + (long) (group * burst * 1e9 / perSecond);
    }

    /**
     * Index one past the last message due at {@code nowNanos}: whole groups, capped at the total.
     * Exactly the messages whose intended time is at or before {@code nowNanos}.
     */
    public long dueBy(long nowNanos) {
        if (nowNanos < startNanos) {
            return 0;
        }
        long groups = (total + burst - 1) / burst;
        long last = (long) Math.floor((nowNanos - startNanos) * perSecond / (1e9 * burst));
        if (last >= groups) {
            return total;
        }
        while (last + 1 < groups && groupDueNanos(last + 1) <= nowNanos) { // rounding, either way
            last++;
        }
        while (last > 0 && groupDueNanos(last) > nowNanos) {
            last--;
        }
        return Math.min(total, (last + 1) * burst);
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

    public int burst() {
        return burst;
    }
}
