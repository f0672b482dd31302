package org.kindred.server.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kindred.protocol.RoomSummary;
import org.kindred.server.config.RoomConfig;

/** The configured rooms, by id, in configuration order. Immutable after construction. */
public final class RoomRegistry {
    private final Map<String, Room> rooms = new LinkedHashMap<>();

    public RoomRegistry(List<RoomConfig> configs, Function<RoomConfig, Room> factory) {
        for (RoomConfig c : configs) {
            rooms.put(c.id(), factory.apply(c));
        }
    }

    /** The room, or null. */
    public Room get(String id) {
        return rooms.get(id);
    }

    public Collection<Room> all() {
        return rooms.values();
    }

    public List<RoomSummary> summaries() {
        List<RoomSummary> list = new ArrayList<>(rooms.size());
        for (Room r : rooms.values()) {
            list.add(r.summary());
        }
        return list;
    }

    public int size() {
        return rooms.size();
    }
}
