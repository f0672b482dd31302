package org.kindred.server.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The text of one message on the Redis staff-events channel ({@link RedisClusterEvents}), both ways. Each is a
 * small JSON object: a staff change {@code {"kind","member","room","ban","origin"}} (ids only: no reason,
 * nickname, text or address), a resync request {@code {"resync":true,"origin"}}, or a {@link ConsoleEvent}
 * {@code {"console":"<mod.* event JSON>","room","origin"}}. Stateless and thread-safe; it logs nothing.
 */
final class StaffEventWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one channel message turned out to be. */
    sealed interface Read {
    }

    /** Every node (the sender too) should reload staff state: something was published while Redis was away. */
    record Resync() implements Read {
    }

    /** A staff change, as published. */
    record Change(StaffChange change) implements Read {
    }

    /** An event for the consoles, as published. */
    record Console(ConsoleEvent event) implements Read {
    }

    /**
     * A message that is not one of the three: {@code what} is "staff event" or "console event" (or
     * {@code null} for text that is not JSON), {@code error} the simple name of the exception that refused it.
     */
    record Malformed(String what, String error) implements Read {
    }

    private StaffEventWire() {
    }

    /** The channel text of {@code change} (its fields may be null; the reader checks them). */
    static String encode(StaffChange change) {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", change.kind().name());
        o.put("member", change.memberId());
        o.put("room", change.room());
        o.put("ban", change.banId());
        o.put("origin", change.origin());
        return o.toString();
    }

    /** The channel text of {@code event}. */
    static String encode(ConsoleEvent event) {
        ObjectNode o = JSON.createObjectNode();
        o.put("console", event.json());
        o.put("room", event.room());
        o.put("origin", event.origin());
        return o.toString();
    }

    /** The channel text asking every node to resync, sent by node {@code origin}. */
    static String resyncRequest(String origin) {
        ObjectNode o = JSON.createObjectNode();
        o.put("resync", true);
        o.put("origin", origin);
        return o.toString();
    }

    /**
     * Reads one channel message (any text): a {@link Resync}, {@link Change} or {@link Console}, or
     * {@link Malformed} when it is not JSON or a field its kind needs is missing or wrong. Never throws.
     */
    static Read decode(String message) {
        JsonNode n;
        try {
            n = JSON.readTree(message);
        } catch (IOException e) {
            return new Malformed(null, e.getClass().getSimpleName());
        }
        if (n.path("resync").asBoolean(false)) {
            return new Resync();
        }
        if (n.hasNonNull("console")) {
            try {
                return new Console(new ConsoleEvent(text(n, "room"), n.get("console").asText(), text(n, "origin")));
            } catch (RuntimeException e) {
                return new Malformed("console event", e.getClass().getSimpleName());
            }
        }
        try {
            return new Change(new StaffChange(StaffChange.Kind.valueOf(n.path("kind").asText()), text(n, "member"),
                    text(n, "room"), text(n, "ban"), text(n, "origin")));
        } catch (RuntimeException e) {
            return new Malformed("staff event", e.getClass().getSimpleName());
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
