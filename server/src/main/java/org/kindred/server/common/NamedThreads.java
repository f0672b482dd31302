package org.kindred.server.common;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server's one way to make its own background threads: daemon threads (they never keep the JVM
 * alive on their own; every owner still shuts its executor down on close) with a fixed, recognisable
 * name, so that logs, thread dumps and tests can tell them apart. The names are part of how operators
 * read the server: {@code kindred-timer-1}, {@code kindred-store-2}, {@code kindred-room-3},
 * {@code kindred-redis-keeper}, and so on. Netty's event-loop threads are named by Netty's own factory
 * in {@code transport}. Stateless; the factories it returns are thread-safe.
 */
public final class NamedThreads {
    private NamedThreads() {
    }

    /**
     * A factory of daemon threads that are all named exactly {@code name} (for single-thread executors,
     * or pools whose threads need not be told apart).
     *
     * @param name the thread name, not null
     * @return a thread-safe factory; each call makes a new, unstarted daemon thread
     */
    public static ThreadFactory daemon(String name) {
        Objects.requireNonNull(name, "name");
        return task -> newDaemon(task, name);
    }

    /**
     * A factory of daemon threads named {@code prefix-1}, {@code prefix-2}, … in the order the factory
     * makes them (numbering per factory, starting at 1).
     *
     * @param prefix the name before the dash and number, not null
     * @return a thread-safe factory; each call makes a new, unstarted daemon thread
     */
    public static ThreadFactory numbered(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        AtomicInteger made = new AtomicInteger();
        return task -> newDaemon(task, prefix + "-" + made.incrementAndGet());
    }

    private static Thread newDaemon(Runnable task, String name) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        return t;
    }
}
