package org.kindred.server.store;

import java.util.Map;

/**
 * Per room, a durable floor under the room's message numbering: a number at or above every
 * {@code seq} the room's messages were ever given, across every node and every restart of Redis
 * (whose memory-only numbering is lost with it). The nodes reserve blocks of numbers here before
 * they use them (see {@code RedisBroker}); nothing of the messages themselves is stored.
 *
 * <p>Floors only rise: {@link #raise} never lowers one, whatever the order concurrent callers
 * commit in. Both calls may block on I/O: never on an event loop.
 */
public interface SeqFloorStore {

    /**
     * @param room the room's id
     * @return the room's floor, 0 when none was ever recorded
     * @throws StoreException when the database cannot be read
     */
    long floor(String room);

    /**
     * Every room's floor, for a node copying them all at once (see {@code broker.redis.FloorMirror}).
     *
     * @return room id to its floor, each room that has one ({@code >= 0}); a fresh map
     * @throws StoreException when the database cannot be read
     */
    Map<String, Long> all();

    /**
     * Raises each given room's floor to at least the value given (a room without one gets it),
     * in one transaction: durable on return, all or nothing.
     *
     * @param floors room id to the floor it must have at least, each {@code >= 0}
     * @throws StoreException when the change could not be committed (it may or may not have been)
     * @throws IllegalArgumentException when a floor is negative
     */
    void raise(Map<String, Long> floors);

    /**
     * Whether the store is known to be unreachable now (e.g. its periodic jobs failed and none
     * answered since, see {@link StoreJobs#watching}): a caller that can do without it skips it
     * rather than wait for a connection attempt to time out. Never true merely because the
     * store is slow. Does not block.
     *
     * @return true when known down; false when it answered lately or nobody knows (the default)
     */
    default boolean knownDown() {
        return false;
    }
}
