package org.kindred.server.common;

import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task once after a delay. The production timer hands tasks to a scheduled executor
 * (never an event loop); tests pass a timer they advance by hand, so nothing waits on the wall
 * clock. Tasks must be short and must not block: they run on the timer's single thread.
 */
@FunctionalInterface
public interface Timer {

    /** A scheduled task; {@link #cancel()} is idempotent and harmless once the task ran. */
    @FunctionalInterface
    interface Task {
        void cancel();
    }

    /**
     * Schedules {@code task} to run once, {@code delayMs} milliseconds from now (0 or more).
     *
     * @return a handle to cancel it; when the timer is shut down the task never runs and the
     *         handle does nothing
     */
    Task schedule(long delayMs, Runnable task);

    /** A timer on {@code executor} (e.g. the server's single {@code kindred-timer} thread). */
    static Timer of(ScheduledExecutorService executor) {
        Objects.requireNonNull(executor, "executor");
        return (delayMs, task) -> {
            try {
                ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            } catch (RejectedExecutionException e) { // shutting down: nothing is due any more
                return () -> { };
            }
        };
    }
}
