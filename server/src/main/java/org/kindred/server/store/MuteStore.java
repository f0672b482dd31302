package org.kindred.server.store;

import java.util.List;
import java.util.Optional;

/** Mutes, one per (room, member): a new mute replaces the previous one. */
public interface MuteStore {

    /** Records or replaces the mute of that member in that room. */
    void put(Mute mute);

    /** The mute in force at {@code now}, if any. */
    Optional<Mute> active(String room, String memberId, long now);

    /** Every mute in force at {@code now}. */
    List<Mute> listActive(long now);

    /** Ends a mute early; false when there was none. */
    boolean remove(String room, String memberId);
}
