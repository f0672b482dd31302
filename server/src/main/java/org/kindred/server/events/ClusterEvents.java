package org.kindred.server.events;

/**
 * Publish/subscribe of {@link StaffChange staff changes} and {@link ConsoleEvent console events}
 * between the nodes of a cluster.
 *
 * <p>What every implementation guarantees (checked by one contract test suite):
 * <ul>
 *   <li><b>Fan-out, the publisher included:</b> an event published by any node reaches every
 *       listener of every node that is subscribed and connected when it is published, this node's
 *       own listeners too (they can tell their own events by {@link StaffChange#origin()}).</li>
 *   <li><b>At most once, in order per publisher:</b> a listener gets each event at most once; the
 *       events of one publisher arrive in the order it published them. Events of different
 *       publishers have no common order.</li>
 *   <li><b>Loss is announced, not hidden:</b> an event can be lost (the link to the other nodes
 *       was down). Whenever this node may have missed events, every listener's
 *       {@link Listener#resync()} is called once the link is back, and listeners then reload what
 *       they keep from the store, which is the durable truth. A publish that cannot be sent is
 *       not retried as such: once the link is back, every node (this one included) is asked to
 *       resync instead.</li>
 *   <li><b>Never on the caller's thread, never blocking it:</b> {@link #publish} returns at once;
 *       listeners run one event at a time on a thread of the implementation and must hand
 *       blocking work (store calls) to the blocking executor.</li>
 * </ul>
 * Latency: on one node, at once; across nodes, one Redis round trip (well under a second).
 */
public interface ClusterEvents extends AutoCloseable {

    /** This node's id (random per process), the {@link StaffChange#origin()} of what it publishes. */
    String nodeId();

    /**
     * Sends {@code change} to every node; returns at once and never throws for a transport
     * failure (see the class comment for what happens then).
     *
     * @throws IllegalArgumentException when {@code change.origin()} is not this {@link #nodeId()}
     */
    void publish(StaffChange change);

    /**
     * Relays an event for moderators' consoles to every node, with the same guarantees as
     * {@link #publish} (its listeners get it through {@link Listener#console}).
     *
     * @throws IllegalArgumentException when {@code event.origin()} is not this {@link #nodeId()}
     */
    void publishConsole(ConsoleEvent event);

    /** Adds a listener for every event from now on; returns what removes it. */
    Subscription subscribe(Listener listener);

    /**
     * True when this node may be one of several (events go to other nodes); false for a node alone,
     * where a member not connected here is connected nowhere.
     */
    boolean reachesOtherNodes();

    /** True when events published now reach the other nodes (always true for a single node). */
    boolean isUp();

    /** Stops delivering and releases connections and threads. Idempotent. */
    @Override
    void close();

    /** Hears staff changes; runs on the implementation's delivery thread. */
    interface Listener {
        /** One change (this node's own included). */
        void changed(StaffChange change);

        /** One event for moderators' consoles (this node's own included). */
        default void console(ConsoleEvent event) {
        }

        /** Events may have been missed: reload from the store. */
        default void resync() {
        }
    }

    /** Removes its listener when closed. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The in-memory implementation: one node, events loop back to this node's listeners.
     */
    static ClusterEvents local() {
        return new LocalClusterEvents();
    }
}
