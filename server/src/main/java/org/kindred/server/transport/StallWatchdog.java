package org.kindred.server.transport;

import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.kindred.server.common.NamedThreads;
import org.kindred.server.common.TokenBucket;
import org.kindred.server.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices when an event loop is held by one task (or by a run of work) for longer than a
 * threshold, while it is still held, not only afterwards.
 *
 * <p>How: one daemon thread sends each watched loop a tiny probe task every {@code tick}
 * (threshold / 5, 1 to 100 ms) and notes when the loop gets round to running it. A probe still
 * waiting after {@code threshold} means the loop is stalled: that is logged at once as
 * {@code event loop stall thread=… ms=… state=running} (again every
 * {@value #REMINDER_SECONDS} s while it lasts, so a loop stuck in an endless loop keeps saying so)
 * and shown by the gauge {@code kindred_event_loop_stalled} (loops stalled right now). When the probe finally runs, the whole stall
 * is logged as {@code state=ended} and its length recorded in {@link Metrics#eventLoopStall}
 * ({@code kindred_event_loop_stall_seconds}). The measurement is accurate to about one tick.
 * Log lines hold a thread name and a duration, nothing a client sent. Each loop may log
 * {@value #LOG_BURST} stall lines in a burst, refilled at one per {@value #LOG_EVERY_SECONDS} s
 * (the next line logged says how many were left out); the metrics count every stall.
 *
 * <p>Cost: one small task per loop per tick; probes never block and the loops do no logging.
 */
public final class StallWatchdog implements AutoCloseable {
    /** The default threshold: a task holding a loop this long is a stall. */
    public static final Duration DEFAULT_THRESHOLD = Duration.ofMillis(50);
    static final int REMINDER_SECONDS = 10;
    static final int LOG_BURST = 20;
    static final int LOG_EVERY_SECONDS = 10;
    private static final Logger LOG = LoggerFactory.getLogger(StallWatchdog.class);

    private final List<Probe> probes = new ArrayList<>();
    private final long thresholdNanos;
    private final long tickNanos;
    private final Metrics metrics;
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * A watchdog over {@code loops} (typically every executor of the event loop groups);
     * call {@link #start()} to begin.
     *
     * @param threshold how long a loop may be held before it counts as a stall (1 ms .. 60 s)
     * @throws IllegalArgumentException for a threshold out of range
     */
    public StallWatchdog(Iterable<? extends EventExecutor> loops, Duration threshold, Metrics metrics) {
        if (threshold == null || threshold.toMillis() < 1 || threshold.toMillis() > 60_000) {
            throw new IllegalArgumentException("stall threshold: " + threshold + " (expected: 1 ms to 60 s)");
        }
        this.thresholdNanos = threshold.toNanos();
        this.tickNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
                Math.min(TimeUnit.MILLISECONDS.toNanos(100), thresholdNanos / 5));
        this.metrics = metrics;
        int i = 0;
        for (EventExecutor loop : loops) {
            probes.add(new Probe(loop, "loop-" + (i++)));
        }
        metrics.gauge("kindred.event.loop.stalled", "Event loops held past the stall threshold right now",
                this::stalledNow);
        this.thread = NamedThreads.daemon("kindred-stall-watchdog").newThread(this::watch);
    }

    /** Starts watching; returns this. */
    public StallWatchdog start() {
        thread.start();
        return this;
    }

    /** How many watched loops are stalled at this moment. */
    public int stalledNow() {
        int n = 0;
        for (Probe p : probes) {
            n += p.stalled ? 1 : 0;
        }
        return n;
    }

    /** Stops the watchdog thread (the loops are not touched). Idempotent. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }

    private void watch() {
        while (running) {
            long now = System.nanoTime();
            for (Probe p : probes) {
                check(p, now);
            }
            LockSupport.parkNanos(tickNanos);
        }
    }

    /** Runs on the watchdog thread only: every field but {@code ranAt} and {@code thread} is its own. */
    private void check(Probe p, long now) {
        if (p.sentAt == Probe.NONE) {
            send(p);
            return;
        }
        long ran = p.ranAt;
        if (ran != Probe.NONE) {
            long held = ran - p.sentAt;
            if (held >= thresholdNanos) {
                metrics.eventLoopStall(held);
                log(p, now, held, "ended");
            }
            p.stalled = false;
            send(p);
            return;
        }
        long held = now - p.sentAt;
        if (held < thresholdNanos || p.loop.isShutdown()) {
            return;
        }
        if (!p.stalled) {
            p.stalled = true;
            p.nextReminder = now + TimeUnit.SECONDS.toNanos(REMINDER_SECONDS);
            log(p, now, held, "running");
        } else if (now - p.nextReminder >= 0) {
            p.nextReminder = now + TimeUnit.SECONDS.toNanos(REMINDER_SECONDS);
            log(p, now, held, "running");
        }
    }

    private static void send(Probe p) {
        p.ranAt = Probe.NONE;
        p.sentAt = System.nanoTime();
        try {
            p.loop.execute(p);
        } catch (RejectedExecutionException e) {
            p.sentAt = Probe.NONE; // the loop is shutting down
        }
    }

    private void log(Probe p, long now, long heldNanos, String state) {
        if (p.logBudget.tryTake(TimeUnit.NANOSECONDS.toMillis(now)) > 0) {
            p.suppressed++;
            return;
        }
        if (p.suppressed > 0) {
            LOG.warn("event loop stall thread={} ms={} state={} unlogged={}", p.name(),
                    TimeUnit.NANOSECONDS.toMillis(heldNanos), state, p.suppressed);
            p.suppressed = 0;
        } else {
            LOG.warn("event loop stall thread={} ms={} state={}", p.name(),
                    TimeUnit.NANOSECONDS.toMillis(heldNanos), state);
        }
    }

    /** The task sent to one loop; records when the loop ran it. */
    private static final class Probe implements Runnable {
        static final long NONE = Long.MIN_VALUE;
        final EventExecutor loop;
        final String fallbackName;
        volatile String thread;
        volatile long ranAt = NONE;
        volatile boolean stalled;
        long sentAt = NONE;
        long nextReminder;
        final TokenBucket logBudget = new TokenBucket(LOG_BURST, 1.0 / LOG_EVERY_SECONDS);
        int suppressed;

        Probe(EventExecutor loop, String fallbackName) {
            this.loop = loop;
            this.fallbackName = fallbackName;
        }

        String name() {
            String t = thread;
            return t != null ? t : fallbackName;
        }

        @Override
        public void run() {
            if (thread == null) {
                thread = Thread.currentThread().getName();
            }
            ranAt = System.nanoTime();
        }
    }
}
