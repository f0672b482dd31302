package org.kindred.server.moderator;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.room.Encoded;
import org.kindred.server.session.Connection;

/**
 * The moderator connections that asked for {@code mod.*} events with {@code mod.watch}, and
 * the rooms each watches ({@code *} for all). Thread-safe; an event is encoded once and shared.
 */
public final class ModeratorHub {
    private final ProtocolCodec codec;
    private final Map<Connection, Set<String>> watchers = new ConcurrentHashMap<>();
    private volatile java.util.function.BiFunction<ModEvent, String, ModEvent> enricher = (e, room) -> e;

    public ModeratorHub(ProtocolCodec codec) {
        this.codec = codec;
    }

    /** Replaces what {@code c} watches. */
    public void watch(Connection c, List<String> rooms) {
        watchers.put(c, Set.copyOf(rooms));
    }

    public void unwatch(Connection c) {
        watchers.remove(c);
    }

    /** True when some moderator watches {@code room} or all rooms (null room: all rooms only). */
    public boolean isWatched(String room) {
        for (Set<String> rooms : watchers.values()) {
            if (rooms.contains(ModRequest.ALL_ROOMS) || (room != null && rooms.contains(room))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sets what every published event passes through first (e.g. {@link Whereabouts#enrich}: the
     * member's current nickname and room); it gets the event and its room, returns the event to send.
     */
    public void enrichWith(java.util.function.BiFunction<ModEvent, String, ModEvent> f) {
        this.enricher = java.util.Objects.requireNonNull(f, "f");
    }

    /** {@code event} as moderators see it (see {@link #enrichWith}); for the {@code queue} reply. */
    public <E extends ModEvent> E enrich(E event, String room) {
        @SuppressWarnings("unchecked")
        E e = (E) enricher.apply(event, room);
        return e;
    }

    /** Sends the event to every moderator watching {@code room} (null: only those watching all). */
    public void publish(String room, ModEvent event) {
        if (!isWatched(room)) {
            return;
        }
        event = enricher.apply(event, room);
        ByteBuf encoded = null;
        try {
            for (Map.Entry<Connection, Set<String>> w : watchers.entrySet()) {
                Set<String> rooms = w.getValue();
                if (rooms.contains(ModRequest.ALL_ROOMS) || (room != null && rooms.contains(room))) {
                    if (encoded == null) {
                        encoded = Encoded.of(codec, event);
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
