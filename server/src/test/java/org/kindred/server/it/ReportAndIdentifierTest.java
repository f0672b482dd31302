package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.Escalation;

/**
 * Reports and other requests whose identifiers reach storage or moderators: only what exists
 * is stored, once, at a member's pace; arbitrary text in an identifier field never is.
 */
class ReportAndIdentifierTest {
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private WsClient moderator;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().bootstrapModerator("alex:correct horse battery");
        moderator = Moderators.watching(server,
                Moderators.token(server.port(), "alex", "correct horse battery"), extra);
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private static JsonNode report(WsClient c, String msg, String id, String note) throws Exception {
        Map<String, Object> r = new HashMap<>(Map.of("type", "report", "room", "general", "msg", msg,
                "reason", "harassment", "id", id));
        if (note != null) {
            r.put("note", note);
        }
        return c.request(r);
    }

    private static String junk(int length) {
        StringBuilder b = new StringBuilder(length);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        while (b.length() < length) {
            b.append((char) (0x20 + r.nextInt(0x2000)));
        }
        return b.toString();
    }

    /**
     * The mod.report events the moderator received once it has {@code expected} of them and the
     * page for {@code reporter}'s help (console events leave the reporter's node in the order
     * published, so a report paged twice would be here by then), and then until 300 ms of quiet.
     */
    private long reportsPaged(int expected, WsClient reporter) throws Exception {
        for (int i = 0; i < expected; i++) {
            moderator.await("mod.report"); // from the reporter's node: under load they may take more than 300 ms
        }
        assertEquals("crisis", reporter.request(Map.of("type", "help", "room", "general", "id", "help")).path("type")
                .asText());
        moderator.await(n -> "mod.escalation".equals(n.path("type").asText())
                && "help".equals(n.path("source").asText()), "the page for the reporter's help");
        while (moderator.poll(300) != null) {
            // anything else, from the other nodes
        }
        return moderator.seen().stream().filter(n -> "mod.report".equals(n.path("type").asText())).count();
    }

    @Test
    void onlyRealMessagesAreReportedOncePerMemberAtAMembersPace() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        WsClient bo = server.joined("general", "Bo");
        WsClient outsider = server.member();
        List<String> msgs = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            msgs.add(bo.request(Map.of("type", "send", "room", "general", "text", "message " + i, "id", "s" + i))
                    .path("msg").asText());
        }

        assertEquals("not_in_room", report(outsider, msgs.get(0), "r0", null).path("code").asText());
        assertEquals("not_found", report(ann, "m_neverSent", "r1", null).path("code").asText());
        // a malformed id is refused by shape at decode; a well-formed one that names nothing is not_found
        assertEquals("bad_request", report(ann, junk(5000), "r2", null).path("code").asText());
        assertEquals("bad_request", report(ann, msgs.get(0), "r3", "x".repeat(600)).path("code").asText());

        JsonNode ok = report(ann, msgs.get(0), "r4", "they keep doing this");
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        assertEquals("bad_request", report(ann, msgs.get(0), "r5", null).path("code").asText(), "once per message");

        int accepted = 1;
        JsonNode limited = null;
        for (int i = 1; i < 15 && limited == null; i++) {
            JsonNode r = report(ann, msgs.get(i), "rr" + i, null);
            if ("ok".equals(r.path("type").asText())) {
                accepted++;
            } else {
                limited = r;
            }
        }
        assertEquals(10, accepted, "the burst of reports a member may file");
        assertEquals("rate_limited", limited.path("code").asText(), limited.toString());
        assertTrue(limited.path("retryAfterMs").asLong() > 0);

        for (int i = 0; i < 300 && !outsider.isClosed(); i++) { // the flood of the issue: bogus reports
            try {
                outsider.send(Map.of("type", "report", "room", "general", "msg", "m_" + i, "reason", "spam",
                        "id", "f" + i));
            } catch (java.io.IOException e) {
                break; // the server cut the flooding connection off: that is allowed too
            }
        }
        assertEquals(10, server.server().store().reports().listOpen().size());
        assertEquals(10, reportsPaged(10, ann), "moderators are paged once per real report");
    }

    @Test
    void helpWithAnUnknownRoomStillAnswersAndStoresNoneOfItsText() throws Exception {
        WsClient member = server.member();
        String room = junk(5000);
        JsonNode crisis = member.request(Map.of("type", "help", "room", room, "id", "help"));
        assertEquals("crisis", crisis.path("type").asText(), crisis.toString());
        assertFalse(crisis.path("resources").isEmpty(), "the crisis lines are there");
        String escalation = crisis.path("escalation").asText();
        Escalation stored = server.server().staff().escalations().find(escalation).orElseThrow();
        assertTrue(stored.room() == null, "an unknown room is no room (its text is not kept)");
        JsonNode paged = moderator.await("mod.escalation");
        assertTrue(paged.path("room").isMissingNode() || paged.path("room").isNull(), "moderators see no room");
        for (AuditEntry a : server.server().store().audit().recent(100)) {
            assertTrue(a.room() == null || a.room().length() < 64, "audited room of " + a.action());
        }

        WsClient inRoom = server.joined("general", "Kim");
        JsonNode known = inRoom.request(Map.of("type", "help", "room", "general", "id", "help"));
        assertEquals("general", server.server().staff().escalations().find(known.path("escalation").asText())
                .orElseThrow().room());
    }

    @Test
    void moderatorRequestsWithIdsThatNameNothingStoreNothing() throws Exception {
        WsClient ann = server.joined("general", "Ann");
        String annId = TestServer.welcomeMember(ann);
        int before = server.server().store().audit().recent(500).size();
        assertEquals("bad_request", moderator.request(Map.of("type", "mod.mute", "room", "general",
                "member", junk(5000), "seconds", 60, "id", "m1")).path("code").asText());
        assertEquals("not_found", moderator.request(Map.of("type", "mod.mute", "room", "general",
                "member", "u_nobodyHere1", "seconds", 60, "id", "m2")).path("code").asText());
        assertEquals("not_found", moderator.request(Map.of("type", "mod.delete", "room", "general",
                "msg", "m_neverSent", "id", "d1")).path("code").asText());
        assertEquals("not_found", moderator.request(Map.of("type", "mod.unmute", "room", "general",
                "member", annId, "id", "u1")).path("code").asText());
        assertEquals("bad_request", moderator.request(Map.of("type", "mod.watch", "rooms", List.of(junk(3000)),
                "id", "w1")).path("code").asText());
        assertEquals("bad_request", moderator.request(Map.of("type", "mod.kick", "room", "general",
                "member", annId, "reason", "x".repeat(600), "id", "k1")).path("code").asText());
        assertEquals(before, server.server().store().audit().recent(500).size(), "nothing audited");
        assertTrue(server.server().store().mutes().listActive(System.currentTimeMillis()).isEmpty());

        assertEquals("ok", moderator.request(Map.of("type", "mod.mute", "room", "general",
                "member", annId, "seconds", 60, "id", "m3")).path("type").asText(), "a real member is muted");
    }
}
