package org.kindred.server.moderator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.kindred.protocol.ModRequest;

/**
 * Which rooms the staff of the other nodes watch, as each node announces it (a
 * {@value #TYPE} message through the console relay, never sent to a client): its watched rooms
 * whenever they change and every {@link #HEARTBEAT_MS} ms. A node that stops announcing (it died)
 * stops counting {@link #EXPIRY_MS} ms after its last announcement. Used so that "nobody is
 * watching this room" means nobody on any node. Thread-safe.
 */
final class RemoteWatches {
    /** The relayed message's type; consoles never see it. */
    static final String TYPE = "kindred.watching";
    /** How often each node announces what its staff watch, ms. */
    static final long HEARTBEAT_MS = 5_000;
    /** How long an announcement counts, ms. */
    static final long EXPIRY_MS = 3 * HEARTBEAT_MS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Announced(Set<String> rooms, long until) {
    }

    private final Map<String, Announced> byNode = new ConcurrentHashMap<>();
    private final LongSupplier clockMs;

    /** @param clockMs a monotonic clock, ms */
    RemoteWatches(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    /** The announcement of {@code rooms} (room ids and {@code *}) as relayed JSON. */
    static String announcement(Set<String> rooms) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", TYPE);
        var list = o.putArray("rooms");
        new TreeSet<>(rooms).forEach(list::add);
        return o.toString();
    }

    /** Takes {@code json} if it is an announcement (true), from node {@code origin}; false for anything else. */
    boolean take(String origin, String json) {
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
        if (rooms.isEmpty()) {
            byNode.remove(origin);
        } else {
            byNode.put(origin, new Announced(Set.copyOf(rooms), clockMs.getAsLong() + EXPIRY_MS));
        }
        return true;
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
