package org.kindred.server.broker.redis;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The part of {@link RedisLink} that keeps waiting Redis calls off the threads that must never
 * wait (the server's event loops, Lettuce's I/O threads): a call checks in with {@link #enter}
 * before it waits; on a guarded thread it is refused and counted instead, so a mistake shows in
 * tests rather than holding a loop. Thread-safe.
 */
final class WaitGuard {
    private volatile Predicate<Thread> mustNotWait = t -> false;
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();

    /**
     * Names the threads that must never wait from now on.
     *
     * @param threads true for a thread that must not wait; not null
     * @throws NullPointerException when {@code threads} is null
     */
    void refuseOn(Predicate<Thread> threads) {
        this.mustNotWait = Objects.requireNonNull(threads, "threads");
    }

    /**
     * Lets the calling thread wait for Redis, counting it.
     *
     * @throws IllegalStateException (counted in {@link #refused}) on a thread that must not wait
     */
    void enter() {
        if (mustNotWait.test(Thread.currentThread())) {
            refused.incrementAndGet();
            throw new IllegalStateException("a waiting Redis call on a thread that must not wait");
        }
        waits.incrementAndGet();
    }

    /** How many waiting calls were refused so far (0 unless something is wrong). */
    long refused() {
        return refused.get();
    }

    /** How many waiting calls were let through so far. */
    long waits() {
        return waits.get();
    }
}
