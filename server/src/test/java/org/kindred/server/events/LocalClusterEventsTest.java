package org.kindred.server.events;

/** The single-node implementation: events loop back to this node. */
class LocalClusterEventsTest extends ClusterEventsContract {
    @Override
    protected ClusterEvents newNode() {
        return ClusterEvents.local();
    }

    @Override
    protected int maxNodes() {
        return 1;
    }
}
