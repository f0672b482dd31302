package org.kindred.server.moderator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.server.transport.Outbound;
import org.kindred.server.transport.SharedFrame;

/**
 * This node's staff connections that asked for {@code mod.*} events ({@code mod.watch}): for each,
 * the rooms it watches (room ids, or {@code *} for all), its role (which decides the events it gets,
 * {@link StaffPermissions#receives}), the staff member's name (null when not known) and since when
 * it watches (epoch ms), for "Staff online". Delivers an event to those it concerns, encoded once
 * and shared. Thread-safe; {@link ModeratorHub} adds the other nodes.
 */
final class LocalWatchers {
    private final ProtocolCodec codec;
    private final LongSupplier wallClock;
    private final Map<Outbound, Watch> watchers = new ConcurrentHashMap<>();

    private record Watch(Set<String> rooms, Role role, String name, long since) {
        boolean covers(String room) {
            return rooms.contains(ModRequest.ALL_ROOMS) || (room != null && rooms.contains(room));
        }
    }

    /** @param wallClock epoch ms, when a connection began to watch */
    LocalWatchers(ProtocolCodec codec, LongSupplier wallClock) {
        this.codec = codec;
        this.wallClock = wallClock;
    }

    /**
     * Replaces what {@code c} watches with {@code rooms}, as {@code role}, for the staff member
     * {@code name} (or null); it keeps the time it first watched.
     */
    void watch(Outbound c, List<String> rooms, Role role, String name) {
        Objects.requireNonNull(role, "role");
        watchers.compute(c, (k, old) -> new Watch(Set.copyOf(rooms), role, name,
                old != null ? old.since() : wallClock.getAsLong()));
    }

    /** {@code c} watches nothing any more; true when it watched something. */
    boolean unwatch(Outbound c) {
        return watchers.remove(c) != null;
    }

    /** How many connections of {@code role} watch some room now. */
    int watching(Role role) {
        int n = 0;
        for (Watch w : watchers.values()) {
            if (w.role() == role) {
                n++;
            }
        }
        return n;
    }

    /** True when a connection here watches {@code room} or all rooms (null room: all rooms only). */
    boolean cover(String room) {
        for (Watch w : watchers.values()) {
            if (w.covers(room)) {
                return true;
            }
        }
        return false;
    }

    /** The named staff watching here, one entry per connection, in no particular order. */
    List<OnDuty> onDuty() {
        List<OnDuty> here = new ArrayList<>();
        for (Watch w : watchers.values()) {
            if (w.name() != null) {
                here.add(new OnDuty(w.name(), w.role(), w.rooms(), w.since()));
            }
        }
        return here;
    }

    /** Every room (or {@code *}) some connection here watches. */
    Set<String> rooms() {
        Set<String> rooms = new HashSet<>();
        for (Watch w : watchers.values()) {
            rooms.addAll(w.rooms());
        }
        return rooms;
    }

    /** Sends {@code event} (already enriched) to each connection here that watches {@code room} and receives it. */
    void deliver(String room, ModEvent event) {
        SharedFrame encoded = null;
        try {
            for (Map.Entry<Outbound, Watch> w : watchers.entrySet()) {
                Watch watch = w.getValue();
                if (watch.covers(room) && StaffPermissions.receives(watch.role(), event)) {
                    if (encoded == null) {
                        encoded = SharedFrame.encode(codec, event);
                    }
                    w.getKey().sendShared(encoded);
                }
            }
        } finally {
            if (encoded != null) {
                encoded.release();
            }
        }
    }
}
