package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One client connection of {@link NaughtyStringsTest} that sends requests (one at a time or
 * pipelined) and files every incoming message under the request it answers: by the echoed id,
 * or, for a reply that lost its id, under the single request then outstanding. Replies nobody
 * asked for are kept as strays; events (no id, not a reply type) are kept apart.
 */
final class NaughtyLane {
    /** Types that answer a request; everything else the server sends is an event. */
    static final Set<String> REPLY_TYPES = Set.of("error", "welcome", "joined", "sent", "ok", "rooms", "queue",
            "bans");

    /** One request and what came back for it. */
    static final class Req {
        final String field;
        final NaughtyCorpus.Entry entry;
        final String id;
        final List<JsonNode> replies = new ArrayList<>();
        String problem;

        Req(String field, NaughtyCorpus.Entry entry, String id) {
            this.field = field;
            this.entry = entry;
            this.id = id;
        }

        JsonNode reply() {
            return replies.isEmpty() ? null : replies.get(0);
        }

        String type() {
            return replies.isEmpty() ? null : replies.get(0).path("type").asText();
        }

        String code() {
            return replies.isEmpty() ? null : replies.get(0).path("code").asText(null);
        }
    }

    final WsClient client;
    private final Map<String, Req> byId = new LinkedHashMap<>();
    private final Map<String, Req> outstanding = new LinkedHashMap<>();
    final List<JsonNode> events = new ArrayList<>();
    final List<String> strays = new ArrayList<>();

    NaughtyLane(WsClient client) {
        this.client = client;
    }

    /**
     * Sends one request frame; {@code r.id} is what the server should echo (null: nothing to echo).
     * False when the connection is already closed.
     */
    boolean send(Req r, String frame) {
        String key = r.id != null ? r.id : "\u0000no-id-" + System.identityHashCode(r);
        byId.put(key, r);
        outstanding.put(key, r);
        try {
            client.send(frame);
            return true;
        } catch (IOException e) {
            outstanding.remove(key);
            return false;
        }
    }

    /** The close code the server sent, or a note that the connection is open / just dropped. */
    String closeState() throws InterruptedException {
        if (!client.isClosed()) {
            return "still open";
        }
        int code = client.awaitClose();
        return code == -1 ? "dropped without a close frame" : "closed with code " + code;
    }

    /**
     * Reads at most one message, waiting up to {@code ms} (less once the connection is closed and
     * everything it received has been read); false when none came.
     */
    boolean pump(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        JsonNode m = null;
        while (m == null) {
            boolean closed = client.isClosed();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            m = client.poll(Math.max(0, Math.min(left, 50)));
            if (m == null && (closed || left <= 0)) {
                return false;
            }
        }
        JsonNode idNode = m.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.textValue() : null;
        boolean reply = REPLY_TYPES.contains(m.path("type").asText()) || idNode != null;
        if (id != null && byId.containsKey(id)) {
            Req r = byId.get(id);
            r.replies.add(m);
            outstanding.remove(id);
        } else if (reply && outstanding.size() == 1) {
            Map.Entry<String, Req> only = outstanding.entrySet().iterator().next();
            only.getValue().replies.add(m);
            outstanding.remove(only.getKey());
        } else if (reply) {
            strays.add(m.toString());
        } else {
            events.add(m);
        }
        return true;
    }

    /** Waits until {@code r} has a reply; false after {@code ms} without one. */
    boolean await(Req r, long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        while (r.replies.isEmpty()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            pump(left);
        }
        return true;
    }

    /** Waits until fewer than {@code max} requests are outstanding; false after {@code quietMs} without a message. */
    boolean drainTo(int max, long quietMs) throws InterruptedException {
        while (outstanding.size() > max) {
            if (!pump(quietMs)) {
                return false;
            }
        }
        return true;
    }

    /** Reads whatever else arrives within {@code ms} (late duplicates, events). */
    void settle(long ms) throws InterruptedException {
        long deadline = System.nanoTime() + ms * 1_000_000;
        long left;
        while ((left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
            pump(left);
        }
    }

    /** Requests sent on this lane and not answered yet. */
    int outstandingCount() {
        return outstanding.size();
    }

    /** Gives up on the requests still outstanding and returns them. */
    List<Req> abandon() {
        List<Req> left = new ArrayList<>(outstanding.values());
        outstanding.clear();
        return left;
    }
}
