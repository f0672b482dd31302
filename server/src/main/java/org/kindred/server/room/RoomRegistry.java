package org.kindred.server.room;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.RoomSummary;
import org.kindred.server.broker.Presence;
import org.kindred.server.config.RoomConfig;

/**
 * The rooms, by id: the configured ones (fixed at construction, in configuration order) and
 * the private rooms of warm hand-offs (1.1), opened and closed while the server runs. Private
 * rooms are found by {@link #get} like any other but never listed by {@link #all},
 * {@link #summaries} or {@link #size}. Thread-safe.
 */
public final class RoomRegistry {
    private final Map<String, Room> rooms = new LinkedHashMap<>();
    private final Map<String, Room> privateRooms = new ConcurrentHashMap<>();
    private final Function<RoomConfig, Room> factory;
    /** The presence the rooms share with other nodes, or null (one node). */
    private final Presence shared;

    /** The rooms of {@code configs}, each made by {@code factory}, on one node. */
    public RoomRegistry(List<RoomConfig> configs, Function<RoomConfig, Room> factory) {
        this(configs, factory, null);
    }

    /**
     * As above, the rooms' presence shared with other nodes through {@code shared} (null: one node),
     * for {@link #membersAnywhere}.
     */
    public RoomRegistry(List<RoomConfig> configs, Function<RoomConfig, Room> factory, Presence shared) {
        this.factory = factory;
        this.shared = shared;
        for (RoomConfig c : configs) {
            rooms.put(c.id(), factory.apply(c));
        }
    }

    /** The room (configured or private), or null. */
    public Room get(String id) {
        Room r = rooms.get(id);
        return r != null ? r : privateRooms.get(id);
    }

    /**
     * Members seated through other nodes too, in one look for every room (one Redis round trip with
     * a shared presence; see {@link Presence#getAll}): for each room of {@code wanted} (room id →
     * member ids), those of its members that are in it, with their info. Empty on one node, where a
     * member is seated only through the node it is connected to. May wait for the network (at most
     * the engines' command timeout): never on an event loop.
     *
     * @throws RuntimeException when the shared presence cannot be reached
     */
    public Map<String, Map<String, MemberInfo>> membersAnywhere(Map<String, ? extends Collection<String>> wanted) {
        return shared == null || wanted.isEmpty() ? Map.of() : shared.getAll(wanted);
    }

    /** The configured rooms. */
    public Collection<Room> all() {
        return rooms.values();
    }

    /** The configured rooms as {@code rooms} lists them. */
    public List<RoomSummary> summaries() {
        List<RoomSummary> list = new ArrayList<>(rooms.size());
        for (Room r : rooms.values()) {
            list.add(r.summary());
        }
        return list;
    }

    /** The number of configured rooms. */
    public int size() {
        return rooms.size();
    }

    /**
     * Opens a private room with {@code config} (its id must be new: unlike any configured or open
     * private room). Returns the room, which {@link #get} finds until {@link #closePrivate}.
     *
     * @throws IllegalArgumentException when the id is taken
     */
    public Room openPrivate(RoomConfig config) {
        if (rooms.containsKey(config.id())) {
            throw new IllegalArgumentException("room id taken: " + config.id());
        }
        Room room = factory.apply(config);
        if (privateRooms.putIfAbsent(config.id(), room) != null) {
            throw new IllegalArgumentException("room id taken: " + config.id());
        }
        return room;
    }

    /**
     * Forgets a private room: later {@link #get} calls return null, and the room drops its members
     * and history after the work already queued for it. False if it was not open.
     */
    public boolean closePrivate(String id) {
        Room room = privateRooms.remove(id);
        if (room != null) {
            room.close(); // once the work already queued on the room's thread is done
        }
        return room != null;
    }

    /**
     * Forgets a private room on this node only: later {@link #get} calls here return null and the
     * room stops receiving its events, while its shared state (history, numbering, presence) stays
     * for the nodes that still hold it. False if it was not open.
     */
    public boolean dropPrivate(String id) {
        Room room = privateRooms.remove(id);
        if (room != null) {
            room.unsubscribe();
        }
        return room != null;
    }

    /** True while {@code id} names an open private room. */
    public boolean isPrivate(String id) {
        return privateRooms.containsKey(id);
    }

    /** The number of open private rooms (for metrics and tests). */
    public int privateCount() {
        return privateRooms.size();
    }
}
