package org.kindred.server.moderator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.kindred.protocol.ModRequest;

/**
 * Which rooms the staff of the other nodes watch, and who they are, as each node announces it (a
 * {@value #TYPE} message through the console relay, never sent to a client): its watched rooms and
 * its staff on duty ({@link OnDuty}: name, role, rooms, since) whenever they change and every
 * {@link #HEARTBEAT_MS} ms. A node that stops announcing (it died) stops counting
 * {@link #EXPIRY_MS} ms after its last announcement. Used so that "nobody is watching this room"
 * means nobody on any node, and so that "Staff online" lists the staff of every node. An
 * announcement without a {@code staff} list (a node of an earlier version) still counts for its
 * rooms. Thread-safe.
 */
final class RemoteWatches {
    /** The relayed message's type; consoles never see it. */
    static final String TYPE = "kindred.watching";
    /** How often each node announces what its staff watch, ms. */
    static final long HEARTBEAT_MS = 5_000;
    /** How long an announcement counts, ms. */
    static final long EXPIRY_MS = 3 * HEARTBEAT_MS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Announced(Set<String> rooms, List<OnDuty> staff, long until) {
    }

    private final Map<String, Announced> byNode = new ConcurrentHashMap<>();
    private final LongSupplier clockMs;

    /** @param clockMs a monotonic clock, ms */
    RemoteWatches(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    /** The announcement of {@code rooms} (room ids and {@code *}) as relayed JSON, without staff. */
    static String announcement(Set<String> rooms) {
        return announcement(rooms, List.of());
    }

    /** The announcement of {@code rooms} (room ids and {@code *}) and the node's {@code staff} on duty as relayed JSON. */
    static String announcement(Set<String> rooms, List<OnDuty> staff) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", TYPE);
        var list = o.putArray("rooms");
        new TreeSet<>(rooms).forEach(list::add);
        var people = o.putArray("staff");
        staff.forEach(d -> d.json(people.addObject()));
        return o.toString();
    }

    /** Takes {@code json} if it is an announcement (true), from node {@code origin}; false for anything else. */
    boolean take(String origin, String json) {
        return take(origin, json, rooms -> { });
    }

    /**
     * Takes {@code json} if it is an announcement (true), from node {@code origin}; false for
     * anything else. When it is, {@code newlyWatched} is told, on this thread and after the
     * announcement counts, the rooms (ids and {@code *}) that node watches now and did not in its
     * last announcement still in force; not told when there are none (a heartbeat).
     */
    boolean take(String origin, String json, java.util.function.Consumer<Set<String>> newlyWatched) {
        if (!json.contains(TYPE)) {
            return false;
        }
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (java.io.IOException e) {
            return false;
        }
        if (!TYPE.equals(n.path("type").asText())) {
            return false;
        }
        Set<String> rooms = new TreeSet<>();
        n.path("rooms").forEach(r -> rooms.add(r.asText()));
        List<OnDuty> staff = new ArrayList<>();
        for (JsonNode d : n.path("staff")) {
            OnDuty one = OnDuty.fromJson(d);
            if (one != null) {
                staff.add(one);
            }
        }
        long now = clockMs.getAsLong();
        Announced before = rooms.isEmpty() && staff.isEmpty() ? byNode.remove(origin)
                : byNode.put(origin, new Announced(Set.copyOf(rooms), List.copyOf(staff), now + EXPIRY_MS));
        if (before != null && before.until() >= now) {
            rooms.removeAll(before.rooms());
        }
        if (!rooms.isEmpty()) {
            newlyWatched.accept(Set.copyOf(rooms));
        }
        return true;
    }

    /** The staff on duty on the other nodes, as last announced (announcements that expired left out). */
    List<OnDuty> staff() {
        long now = clockMs.getAsLong();
        List<OnDuty> all = new ArrayList<>();
        for (Announced a : byNode.values()) {
            if (a.until() >= now) {
                all.addAll(a.staff());
            }
        }
        return all;
    }

    /** True when staff on another node watch {@code room} or all rooms (null room: all rooms only). */
    boolean covers(String room) {
        long now = clockMs.getAsLong();
        for (var it = byNode.entrySet().iterator(); it.hasNext(); ) {
            Announced a = it.next().getValue();
            if (a.until() < now) {
                it.remove();
            } else if (a.rooms().contains(ModRequest.ALL_ROOMS) || (room != null && a.rooms().contains(room))) {
                return true;
            }
        }
        return false;
    }
}
