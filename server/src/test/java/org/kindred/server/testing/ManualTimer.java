package org.kindred.server.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kindred.server.common.Timer;

/**
 * A {@link Timer} that tests move by hand: nothing runs until {@link #advance} passes a task's
 * time, and then it runs on the calling thread, in time order. Thread-safe.
 */
public final class ManualTimer implements Timer {
    private final List<Scheduled> tasks = new ArrayList<>();
    private long now;
    private long seq;

    private final class Scheduled implements Task {
        final long at;
        final long order;
        final Runnable task;

        Scheduled(long at, long order, Runnable task) {
            this.at = at;
            this.order = order;
            this.task = task;
        }

        @Override
        public void cancel() {
            synchronized (ManualTimer.this) {
                tasks.remove(this);
            }
        }
    }

    @Override
    public synchronized Task schedule(long delayMs, Runnable task) {
        Scheduled s = new Scheduled(now + Math.max(0, delayMs), seq++, task);
        tasks.add(s);
        return s;
    }

    /** Moves time on by {@code d}, running every task that comes due, each outside the timer's lock. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toMillis();
        }
        while (true) {
            Scheduled next;
            synchronized (this) {
                next = tasks.stream().filter(t -> t.at <= target)
                        .min(Comparator.<Scheduled>comparingLong(t -> t.at).thenComparingLong(t -> t.order))
                        .orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                now = Math.max(now, next.at);
            }
            next.task.run();
        }
    }

    /** This timer's time, ms since it was made (moves only by {@link #advance}). */
    public synchronized long now() {
        return now;
    }

    /** Tasks scheduled and not yet run or cancelled. */
    public synchronized int pending() {
        return tasks.size();
    }
}
