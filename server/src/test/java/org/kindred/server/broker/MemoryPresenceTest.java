package org.kindred.server.broker;

/** The {@link Presence} contract, in memory. */
class MemoryPresenceTest extends PresenceContract {
    @Override
    protected Presence presence() {
        return new MemoryPresence();
    }
}
