package org.kindred.bench;

import java.util.concurrent.atomic.LongAdder;

/** Shared, thread-safe facts about the run: the measured window and counters of trouble. */
final class RunState {
    final LongAdder errors = new LongAdder();
    /** Crisis cards received: the benchmark text must never be assessed as at risk. */
    final LongAdder crisisCards = new LongAdder();
    final LongAdder disconnects = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    /** Error replies by code (never the text of anything). */
    final java.util.concurrent.ConcurrentHashMap<String, LongAdder> errorCodes = new java.util.concurrent.ConcurrentHashMap<>();
    volatile boolean closing;

    void error(String code) {
        errors.increment();
        errorCodes.computeIfAbsent(code == null ? "?" : code, k -> new LongAdder()).increment();
    }
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MIN_VALUE;

    void window(long startNanos, long endNanos) {
        windowEnd = endNanos;
        windowStart = startNanos;
    }

    /** Whether a message intended to be sent at {@code sendNanos} belongs to the measured window. */
    boolean inWindow(long sendNanos) {
        return sendNanos >= windowStart && sendNanos < windowEnd;
    }
}
