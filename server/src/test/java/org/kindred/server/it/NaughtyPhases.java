package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kindred.server.it.NaughtyFields.Phase;
import org.kindred.server.it.NaughtyLane.Req;

/** The fields of {@link NaughtyStringsTest}: how each is exercised and what PROTOCOL.md allows back. */
final class NaughtyPhases {
    private NaughtyPhases() {
    }

    static WsClient member(TestServer server, String from, String room, String nick) throws Exception {
        WsClient c = server.connect(Map.of(), from, true);
        server.track(c);
        assertEquals("welcome", c.request(Map.of("type", "hello", "v", 1, "id", "h")).path("type").asText());
        assertEquals("joined", c.request(Map.of("type", "join", "room", room, "nick", nick, "id", "j"))
                .path("type").asText());
        return c;
    }

    /** The witness shares the offender's room: it gets every delivered message, as delivered, and nothing odd. */
    static void checkWitness(WsClient witness, List<Req> texts, Map<String, String> problems)
            throws Exception {
        JsonNode alive = witness.request(Map.of("type", "rooms", "id", "w-alive"));
        while (witness.poll(300) != null) {
            // late fan-out, if any
        }
        List<JsonNode> seen = new ArrayList<>(witness.seen());
        Map<String, String> delivered = new TreeMap<>();
        seen.stream().filter(m -> "message".equals(m.path("type").asText())
                && m.path("from").path("nick").asText().startsWith("Offender"))
                .forEach(m -> delivered.put(m.path("msg").asText(), m.path("text").asText()));
        for (Req r : texts) {
            String status = r.reply() == null ? "" : r.reply().path("status").asText();
            if ("sent".equals(r.type()) && (status.equals("delivered") || status.equals("masked"))) {
                String msg = r.reply().path("msg").asText();
                if (!r.reply().path("text").asText().equals(delivered.get(msg))) {
                    problems.merge("text#" + r.entry.key(), "'" + r.entry.shown() + "': the witness did not get "
                            + "delivered message " + msg + " as sent (got " + delivered.get(msg) + ")", (a, b) -> a + "; " + b);
                }
            }
        }
        List<String> odd = seen.stream().filter(m -> !Set.of("message", "presence").contains(m.path("type").asText())
                && !m.has("id")).map(NaughtyChecks::brief).toList();
        if (!odd.isEmpty() || !"rooms".equals(alive.path("type").asText()) || witness.isClosed()) {
            problems.put("text#witness", "the witness was affected: " + odd + " / " + alive);
        }
    }

    /** Join with each value as nick; after joined, leave (which must answer ok) so the next join can run. */
    static Phase nickPhase(NaughtyFields fields, String room) {
        Phase p = new Phase("nick", () -> fields.lane(true, null, null),
                (e, id) -> NaughtyFields.frame("join", id, "nick", e, "room", room),
                r -> r.id.startsWith("leave") ? NaughtyChecks.oneOf(r, "ok")
                        : r.entry.raw() ? NaughtyChecks.mistyped(r)
                        : "joined".equals(r.type()) ? NaughtyChecks.acceptedNick(r.reply().path("you").path("nick")
                                .asText(null))
                        : NaughtyChecks.oneOf(r, "joined", "nick_invalid", "nick_taken"));
        p.window = 1;
        p.after = (r, lane, sent) -> {
            if ("joined".equals(r.type())) {
                for (int attempt = 0; attempt < 50; attempt++) {
                    Req leave = new Req("nick", r.entry, "leave" + attempt + "-" + r.id);
                    lane.send(leave, "{\"type\":\"leave\",\"id\":\"" + leave.id + "\",\"room\":\"" + room + "\"}");
                    if (!lane.await(leave, NaughtyFields.QUIET_MS)) {
                        leave.problem = "no reply to leave after joined";
                        lane.abandon();
                    } else if ("rate_limited".equals(leave.code())) {
                        Thread.sleep(Math.max(5, leave.reply().path("retryAfterMs").asLong(100)));
                        continue;
                    }
                    sent.add(leave);
                    break;
                }
            }
            return true;
        };
        return p;
    }

    /** Hello with each value as region or locale; a welcome uses the connection up. */
    static Phase helloPhase(NaughtyFields fields, String field) {
        Phase p = new Phase(field, () -> fields.lane(false, null, null),
                (e, id) -> "{\"type\":\"hello\",\"v\":1,\"id\":\"" + id + "\",\"" + field + "\":" + e.json() + "}",
                r -> r.entry.raw() ? NaughtyChecks.mistyped(r) : NaughtyChecks.oneOf(r, "welcome", "bad_request"));
        p.window = 1;
        p.after = (r, lane, sent) -> !"welcome".equals(r.type());
        return p;
    }

    /** A poster gives one message per entry; the offender reports each with the entry as the note. */
    static Phase notePhase(NaughtyFields fields, String room) throws Exception {
        Phase post = new Phase("post", () -> fields.lane(true, room, "Poster"),
                (e, id) -> "{\"type\":\"send\",\"id\":\"" + id + "\",\"room\":\"" + room
                        + "\",\"text\":\"Something I want to share, part " + e.key() + "\"}",
                r -> NaughtyChecks.oneOf(r, "sent"));
        Map<String, String> msgOf = new TreeMap<>();
        for (Req r : fields.run(post)) {
            msgOf.put(r.entry.key(), r.reply() == null ? "none" : r.reply().path("msg").asText("none"));
        }
        Phase p = new Phase("note", () -> fields.lane(true, room, "Reporter"),
                (e, id) -> NaughtyFields.frame("report", id, "note", e, "room", room,
                        "msg", msgOf.getOrDefault(e.key(), "none"), "reason", "other"),
                r -> r.entry.raw() ? NaughtyChecks.mistyped(r)
                        : "ok".equals(r.type()) && r.reply().path("report").asText("").isBlank() ? "ok without a report id"
                        : NaughtyChecks.oneOf(r, "ok", "bad_request"));
        return p;
    }

    /** rooms with each value as the request id: a valid id is echoed exactly; an invalid one is bad_request. */
    static Phase idPhase(NaughtyFields fields) {
        Phase p = new Phase("id", () -> fields.lane(true, null, null),
                (e, id) -> "{\"type\":\"rooms\",\"id\":" + e.json() + "}", r -> {
                    if (NaughtyChecks.validId(r.entry)) {
                        return NaughtyChecks.oneOf(r, "rooms");
                    }
                    if ("rooms".equals(r.type()) && !NaughtyChecks.invalidId(r.entry)) {
                        // 65..128 UTF-16 units but at most 64 code points: either reading of "characters" is fine
                        return r.entry.value().equals(r.reply().path("id").asText(null)) ? null
                                : "reply does not echo the id: " + NaughtyChecks.brief(r.reply());
                    }
                    String bad = NaughtyChecks.oneOf(r, null, "bad_request");
                    return bad != null || !r.reply().path("id").isTextual() ? bad
                            : "an invalid id was echoed: " + NaughtyChecks.brief(r.reply());
                });
        p.window = 1;
        p.id = e -> NaughtyChecks.validId(e) ? e.value() : null;
        return p;
    }

    static String textReply(Req r) {
        if (r.entry.raw()) {
            return NaughtyChecks.mistyped(r);
        }
        if (!"sent".equals(r.type())) {
            return NaughtyChecks.oneOf(r, "sent", "blocked", "text_invalid");
        }
        JsonNode s = r.reply();
        String status = s.path("status").asText();
        if (!Set.of("delivered", "masked", "held").contains(status) || !"anxiety".equals(s.path("room").asText())
                || s.path("msg").asText("").isBlank()) {
            return "malformed sent reply " + NaughtyChecks.brief(s);
        }
        return status.equals("held") ? null : NaughtyChecks.deliveredText(s.path("text").asText(null), 2000);
    }

    static String noRoom(Req r) {
        return r.entry.raw() ? NaughtyChecks.mistyped(r) : NaughtyChecks.oneOf(r, null, "not_found", "bad_request");
    }
}
