package org.kindred.server.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
        if (!nodeId.equals(change.origin())) {
            throw new IllegalArgumentException("origin: " + change.origin() + " (expected: this node, " + nodeId + ")");
        }
        try {
            delivery.execute(() -> deliver(listeners, change));
        } catch (RejectedExecutionException e) {
            LOG.debug("staff event dropped: closed");
        }
    }

    @Override
    public void publishConsole(ConsoleEvent event) {
        if (!nodeId.equals(event.origin())) {
            throw new IllegalArgumentException("origin: " + event.origin() + " (expected: this node, " + nodeId + ")");
        }
        try {
            delivery.execute(() -> deliver(listeners, event));
        } catch (RejectedExecutionException e) {
            LOG.debug("console event dropped: closed");
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
