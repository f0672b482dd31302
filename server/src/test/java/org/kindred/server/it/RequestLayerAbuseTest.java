package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;

/**
 * The request layer (one handler per request type) under abuse, over real sockets: every request
 * type before {@code hello}, every {@code mod.*} type from a member and from a peer supporter,
 * check-in requests with bad fields, {@code report} and {@code help} naming unknown rooms, and
 * unknown types. Each gets exactly the error PROTOCOL.md names, with its id, and the connection
 * stays open and usable. The lists of request types come from the codec, so a type added later
 * without a case here fails the test.
 */
class RequestLayerAbuseTest {
    private static final String PW = "correct horse battery";
    /** What PROTOCOL.md lets a supporter use; every other mod.* is forbidden to them. */
    private static final Set<String> SUPPORTER_MAY = Set.of("mod.watch", "mod.queue", "mod.claim", "mod.resolve",
            "mod.reach", "mod.close");
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private int ids;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(b -> b.maxProtocolErrors(1000));
        server.server().staff().accounts().create("kit", Role.SUPPORTER, PW);
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    /** A well-formed example of every request type, so that only the role or state decides the reply. */
    private static Map<String, Map<String, Object>> examples() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        m.put("hello", Map.of("v", 1));
        m.put("rooms", Map.of());
        m.put("join", Map.of("room", "general"));
        m.put("leave", Map.of("room", "general"));
        m.put("send", Map.of("room", "general", "text", "hello"));
        m.put("typing", Map.of("room", "general"));
        m.put("report", Map.of("room", "general", "msg", "m_x", "reason", "spam"));
        m.put("help", Map.of());
        m.put("react", Map.of("room", "general", "msg", "m_x", "reaction", "heart"));
        m.put("checkin", Map.of("minutes", 60));
        m.put("checkin.cancel", Map.of("checkin", "ci_x"));
        m.put("checkin.answer", Map.of("checkin", "ci_x", "answer", "same"));
        m.put("mod.watch", Map.of("rooms", List.of("*")));
        m.put("mod.queue", Map.of());
        m.put("mod.delete", Map.of("room", "general", "msg", "m_x"));
        m.put("mod.mute", Map.of("room", "general", "member", "u_x", "seconds", 60));
        m.put("mod.unmute", Map.of("room", "general", "member", "u_x"));
        m.put("mod.kick", Map.of("room", "general", "member", "u_x"));
        m.put("mod.ban", Map.of("member", "u_x", "reason", "spam"));
        m.put("mod.unban", Map.of("ban", "b_x"));
        m.put("mod.slow", Map.of("room", "general", "seconds", 5));
        m.put("mod.lock", Map.of("room", "general", "locked", true));
        m.put("mod.approve", Map.of("room", "general", "msg", "m_x"));
        m.put("mod.reject", Map.of("room", "general", "msg", "m_x"));
        m.put("mod.claim", Map.of("escalation", "esc_x"));
        m.put("mod.resolve", Map.of("escalation", "esc_x", "outcome", "resolved"));
        m.put("mod.bans", Map.of());
        m.put("mod.dismiss", Map.of("report", "rep_x"));
        m.put("mod.reach", Map.of("member", "u_x"));
        m.put("mod.close", Map.of("room", "p_x"));
        return m;
    }

    private JsonNode ask(WsClient c, String type, Map<String, Object> fields) throws Exception {
        Map<String, Object> r = new HashMap<>(fields);
        r.put("type", type);
        r.put("id", "q" + (++ids));
        JsonNode reply = c.request(r);
        assertEquals("q" + ids, reply.path("id").asText(null), type + ": the reply echoes the id: " + reply);
        if ("error".equals(reply.path("type").asText())) {
            assertFalse(reply.path("message").asText("").isBlank(), type + ": a sentence a person can read");
        }
        return reply;
    }

    private static void assertUsable(WsClient c) throws Exception {
        assertFalse(c.isClosed(), "the connection stays open");
        JsonNode rooms = c.request(Map.of("type", "rooms", "id", "usable"));
        assertEquals("rooms", rooms.path("type").asText(), rooms.toString());
    }

    @Test
    void everyRequestTypeHasAnExample() {
        Set<String> missing = new TreeSet<>(ProtocolCodec.shared().clientTypes());
        missing.removeAll(examples().keySet());
        assertTrue(missing.isEmpty(), "add these request types to examples(): " + missing);
    }

    @Test
    void everyRequestBeforeHelloIsHelloRequired() throws Exception {
        WsClient c = server.raw();
        for (Map.Entry<String, Map<String, Object>> e : examples().entrySet()) {
            if (e.getKey().equals("hello") || e.getKey().equals("typing")) {
                continue;
            }
            JsonNode r = ask(c, e.getKey(), e.getValue());
            assertEquals("hello_required", r.path("code").asText(), e.getKey() + ": " + r);
        }
        JsonNode typing = ask(c, "typing", Map.of("room", "general"));
        assertEquals("hello_required", typing.path("code").asText(), "typing fails too, so it is answered");
        assertFalse(c.isClosed());
        assertEquals("welcome", ask(c, "hello", Map.of("v", 1)).path("type").asText());
        assertUsable(c);
    }

    @Test
    void everyModeratorRequestFromAMemberIsForbidden() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        for (Map.Entry<String, Map<String, Object>> e : examples().entrySet()) {
            if (e.getKey().startsWith("mod.")) {
                JsonNode r = ask(ann, e.getKey(), e.getValue());
                assertEquals("forbidden", r.path("code").asText(), e.getKey() + ": " + r);
            }
        }
        assertUsable(ann);
    }

    @Test
    void aSupporterIsForbiddenEveryModeratorRequestPastTheirSix() throws Exception {
        WsClient kit = server.connect();
        extra.add(kit);
        JsonNode w = kit.request(Map.of("type", "hello", "v", 1, "auth", Moderators.token(server.port(), "kit", PW),
                "id", "h"));
        assertEquals("supporter", w.path("member").path("role").asText(), w.toString());
        for (Map.Entry<String, Map<String, Object>> e : examples().entrySet()) {
            if (!e.getKey().startsWith("mod.")) {
                continue;
            }
            JsonNode r = ask(kit, e.getKey(), e.getValue());
            if (SUPPORTER_MAY.contains(e.getKey())) {
                assertNotEquals("forbidden", r.path("code").asText(), e.getKey() + " is theirs: " + r);
            } else {
                assertEquals("forbidden", r.path("code").asText(), e.getKey() + ": " + r);
            }
        }
        assertUsable(kit);
    }

    @Test
    void checkInRequestsWithBadFieldsAreBadRequests() throws Exception {
        WsClient ann = server.member();
        List<Map<String, Object>> bad = new ArrayList<>();
        for (Object minutes : new Object[] {14, 1441, 0, -1, "60", 60.5, List.of(60), Map.of("m", 60), true,
            4_294_967_356L}) {
            bad.add(Map.of("type", "checkin", "minutes", minutes));
        }
        bad.add(Map.of("type", "checkin"));
        bad.add(Map.of("type", "checkin.cancel"));
        bad.add(Map.of("type", "checkin.cancel", "checkin", "ci x/../"));
        bad.add(Map.of("type", "checkin.cancel", "checkin", 7));
        bad.add(Map.of("type", "checkin.answer", "checkin", "ci_x"));
        for (Object answer : new Object[] {"WORSE", "worse ", "w\u043erse", "fine", "", 1, false}) {
            bad.add(Map.of("type", "checkin.answer", "checkin", "ci_x", "answer", answer));
        }
        for (Map<String, Object> b : bad) {
            Map<String, Object> fields = new HashMap<>(b);
            String type = (String) fields.remove("type");
            JsonNode r = ask(ann, type, fields);
            assertEquals("bad_request", r.path("code").asText(), b + ": " + r);
        }
        JsonNode unknown = ask(ann, "checkin.cancel", Map.of("checkin", "ci_nosuch"));
        assertEquals("not_found", unknown.path("code").asText(), unknown.toString());
        JsonNode unknownAnswer = ask(ann, "checkin.answer", Map.of("checkin", "ci_nosuch", "answer", "worse"));
        assertEquals("not_found", unknownAnswer.path("code").asText(), unknownAnswer.toString());
        assertUsable(ann);
    }

    @Test
    void reportAndHelpNamingUnknownRooms() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        JsonNode report = ask(ann, "report", Map.of("room", "nowhere", "msg", "m_x", "reason", "spam"));
        assertEquals("not_found", report.path("code").asText(), report.toString());
        JsonNode reportMsg = ask(ann, "report", Map.of("room", "general", "msg", "m_nosuch", "reason", "harassment"));
        assertEquals("not_found", reportMsg.path("code").asText(), reportMsg.toString());
        JsonNode badReason = ask(ann, "report", Map.of("room", "general", "msg", "m_x", "reason", "SPAM"));
        assertEquals("bad_request", badReason.path("code").asText(), badReason.toString());
        JsonNode help = ask(ann, "help", Map.of("room", "nowhere"));
        assertEquals("crisis", help.path("type").asText(), "help is never refused for a stale room: " + help);
        assertFalse(help.toString().contains("nowhere"), "an unknown room's name is not echoed");
        JsonNode helpOther = ask(ann, "help", Map.of("room", "grief"));
        assertEquals("crisis", helpOther.path("type").asText(), "nor for a room one is not in: " + helpOther);
        assertUsable(ann);
    }

    @Test
    void unknownTypesAreUnknownTypeAndNothingCloses() throws Exception {
        WsClient ann = server.member();
        for (String type : List.of("REACT", "react ", "mod.everything", "reaction", "welcome", "checkin.later",
                "mod.", "hello.", "r\u0435act")) {
            JsonNode r = ask(ann, type, Map.of("room", "general"));
            assertEquals("unknown_type", r.path("code").asText(), type + ": " + r);
        }
        assertUsable(ann);
    }
}
