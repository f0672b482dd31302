package org.kindred.server.store;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's periodic jobs that wait on the store (retention purge, staff names, escalation
 * re-announcements, staff revocation checks, paging polls), kept off the shared timer thread.
 * The timer only notices that a run is due and hands it to {@code work}, a thread of their own
 * (never the timer, an event loop or the store's request threads), so a store that takes the
 * pool's 2 s connection timeout per call (PostgreSQL stopped) delays none of the timer's other
 * tasks: presence refreshes, sweeps, check-ins, hand-off checks.
 *
 * <p>Each job runs at most once at a time: a tick that finds its last run still going starts
 * none (the next tick looks again). The jobs also say whether the store answers: a run that
 * fails with a {@link StoreException} marks it {@linkplain #knownDown() known down}, the next
 * run that completes marks it up; each change is logged once, as an event (the job's name and
 * the exception's class, never a message), not once per failed run. A slow store that still
 * answers never counts as down. Thread-safe.
 */
public final class StoreJobs {
    private static final Logger LOG = LoggerFactory.getLogger(StoreJobs.class);

    private final ScheduledExecutorService timer;
    private final Executor work;
    private final AtomicBoolean down = new AtomicBoolean();
    private volatile long downSince;

    /**
     * @param timer the shared timer: it only schedules, each tick takes microseconds
     * @param work  where the runs go (e.g. a thread of their own, {@code kindred-store-jobs-1})
     */
    public StoreJobs(ScheduledExecutorService timer, Executor work) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.work = Objects.requireNonNull(work, "work");
    }

    /** The timer the jobs are scheduled on (for callers that schedule non-blocking tasks of their own). */
    public ScheduledExecutorService timer() {
        return timer;
    }

    /** Where the runs go. */
    public Executor work() {
        return work;
    }

    /**
     * Runs {@code job} on the work executor {@code firstMs} ms from now, then {@code periodMs} ms
     * after each tick, skipping a tick while its last run still goes on.
     *
     * @param name    what the job is, for the logs (e.g. {@code "re-announce"}); never user content
     * @param firstMs delay before the first tick, ms, {@code >= 0}
     * @param periodMs ms between ticks, {@code > 0}
     * @param job     the work; may block on the store; a {@link StoreException} marks the store down
     * @return the schedule; cancelling it stops further ticks (a run already started finishes)
     * @throws IllegalArgumentException when a delay is out of range
     * @throws RejectedExecutionException when the timer is shut down
     */
    public ScheduledFuture<?> every(String name, long firstMs, long periodMs, Runnable job) {
        return every(name, firstMs, periodMs, () -> true, job);
    }

    /**
     * As {@link #every(String, long, long, Runnable)}, starting a run only when {@code due} says so
     * at the tick ({@code due} runs on the timer: it must be quick and never block, e.g. "is any
     * staff member connected"). A job that is not due does not count as the store answering.
     */
    public ScheduledFuture<?> every(String name, long firstMs, long periodMs, BooleanSupplier due, Runnable job) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(job, "job");
        if (firstMs < 0 || periodMs <= 0) {
            throw new IllegalArgumentException("firstMs: " + firstMs + ", periodMs: " + periodMs
                    + " (expected: firstMs >= 0 and periodMs > 0)");
        }
        Run run = new Run(name, job);
        return timer.scheduleWithFixedDelay(() -> {
            try {
                if (due.getAsBoolean() && run.running.compareAndSet(false, true)) {
                    try {
                        work.execute(run);
                    } catch (RejectedExecutionException e) { // shutting down
                        run.running.set(false);
                    }
                }
            } catch (RuntimeException e) { // a throwing tick would end the schedule for good
                LOG.warn("periodic job not started job={} error={}", name, e.getClass().getSimpleName());
            }
        }, firstMs, periodMs, TimeUnit.MILLISECONDS);
    }

    /**
     * True from a job's {@link StoreException} until a later run completes: the store is known to
     * be unreachable, so callers that can do without it (e.g. a room's numbering, which has Redis's
     * copy of the floors) skip it rather than wait the pool's timeout. False while it merely is slow.
     */
    public boolean knownDown() {
        return down.get();
    }

    /**
     * {@code floors} as it is, except that {@link SeqFloorStore#knownDown()} answers
     * {@link #knownDown()}: every call goes through to {@code floors} unchanged.
     */
    public SeqFloorStore watching(SeqFloorStore floors) {
        Objects.requireNonNull(floors, "floors");
        return new SeqFloorStore() {
            @Override
            public long floor(String room) {
                return floors.floor(room);
            }

            @Override
            public Map<String, Long> all() {
                return floors.all();
            }

            @Override
            public void raise(Map<String, Long> wanted) {
                floors.raise(wanted);
            }

            @Override
            public boolean knownDown() {
                return StoreJobs.this.knownDown();
            }
        };
    }

    private void answered(String name) {
        if (down.compareAndSet(true, false)) {
            LOG.info("store answers again job={} downForMs={}", name, System.currentTimeMillis() - downSince);
        }
    }

    private void unreachable(String name, RuntimeException e) {
        if (down.compareAndSet(false, true)) {
            downSince = System.currentTimeMillis();
            LOG.warn("store unreachable: periodic store jobs go on trying job={} error={}", name,
                    e.getClass().getSimpleName());
        } else {
            LOG.debug("store still unreachable job={}", name);
        }
    }

    private static boolean fromStore(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreException) {
                return true;
            }
        }
        return false;
    }

    /** One job: its guard, and whether its last run failed (to log a streak of failures once). */
    private final class Run implements Runnable {
        final String name;
        final Runnable job;
        final AtomicBoolean running = new AtomicBoolean();
        volatile boolean failing;

        Run(String name, Runnable job) {
            this.name = name;
            this.job = job;
        }

        @Override
        public void run() {
            try {
                job.run();
                failing = false;
                answered(name);
            } catch (RuntimeException e) {
                if (fromStore(e)) {
                    unreachable(name, e);
                } else if (!failing) {
                    LOG.warn("periodic job failed job={} error={}", name, e.getClass().getSimpleName());
                } else {
                    LOG.debug("periodic job failed again job={}", name);
                }
                failing = true;
            } finally {
                running.set(false);
            }
        }
    }
}
