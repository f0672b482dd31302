package org.kindred.server.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.kindred.server.common.Ids;
import org.kindred.server.common.NamedThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ClusterEvents} for a single node: a publish loops back to this node's listeners on one
 * daemon delivery thread (started when needed, gone when idle), in publish order. Nothing is ever lost while open, so
 * {@link ClusterEvents.Listener#resync()} is never called. Thread-safe.
 */
public final class LocalClusterEvents implements ClusterEvents {
    private static final Logger LOG = LoggerFactory.getLogger(LocalClusterEvents.class);

    private final String nodeId = Ids.newId("node");
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    /** One thread at most, in order; it ends after a second idle, so an unclosed instance holds nothing. */
    private final ThreadPoolExecutor delivery = new ThreadPoolExecutor(0, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), NamedThreads.daemon("kindred-staff-events"));

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(StaffChange change) {
        requireOrigin(nodeId, change.origin());
        handOff(delivery, () -> deliver(listeners, change), "staff event");
    }

    @Override
    public void publishConsole(ConsoleEvent event) {
        requireOrigin(nodeId, event.origin());
        handOff(delivery, () -> deliver(listeners, event), "console event");
    }

    /**
     * Checks that an event to publish names this node ({@code nodeId}) as its {@code origin}.
     *
     * @throws IllegalArgumentException when it names another (or none)
     */
    static void requireOrigin(String nodeId, String origin) {
        if (!nodeId.equals(origin)) {
            throw new IllegalArgumentException("origin: " + origin + " (expected: this node, " + nodeId + ")");
        }
    }

    /**
     * Gives {@code task} to the {@code delivery} thread; once that is shut down (closed) the task is dropped
     * and "{@code what} dropped: closed" logged at debug.
     */
    static void handOff(Executor delivery, Runnable task, String what) {
        try {
            delivery.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("{} dropped: closed", what);
        }
    }

    /** Hands {@code event} to each listener; one failing listener does not stop the others. */
    static void deliver(List<Listener> listeners, ConsoleEvent event) {
        for (Listener l : listeners) {
            try {
                l.console(event);
            } catch (RuntimeException e) {
                LOG.warn("console event listener failed error={}", e.getClass().getSimpleName());
            }
        }
    }

    /** Hands {@code change} to each listener; one failing listener does not stop the others. */
    static void deliver(List<Listener> listeners, StaffChange change) {
        for (Listener l : listeners) {
            try {
                l.changed(change);
            } catch (RuntimeException e) {
                LOG.warn("staff event listener failed kind={} error={}", change.kind(), e.getClass().getSimpleName());
            }
        }
    }

    @Override
    public Subscription subscribe(Listener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
        return () -> listeners.remove(listener);
    }

    @Override
    public boolean reachesOtherNodes() {
        return false;
    }

    @Override
    public boolean isUp() {
        return !delivery.isShutdown();
    }

    @Override
    public void close() {
        delivery.shutdownNow();
    }
}
