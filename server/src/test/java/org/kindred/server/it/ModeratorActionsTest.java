package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.store.AuditEntry;

/** Every mod.* request end to end over real sockets, with its audit entry. */
class ModeratorActionsTest {
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();
    private String token;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().bootstrapModerator("alex:correct horse battery");
        token = Moderators.token(server.port(), "alex", "correct horse battery");
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private WsClient moderator() throws Exception {
        return Moderators.watching(server, token, extra);
    }

    private Set<String> audited() {
        return server.server().store().audit().recent(200).stream().map(AuditEntry::action)
                .collect(Collectors.toSet());
    }

    private static String memberId(WsClient c) {
        return TestServer.welcomeMember(c);
    }

    @Test
    void loginAndAuth() throws Exception {
        assertEquals(401, Moderators.login(server.port(), "alex", "wrong").statusCode());
        assertEquals(401, Moderators.login(server.port(), "nobody", "whatever1").statusCode());
        WsClient c = server.raw();
        JsonNode e = c.request(Map.of("type", "hello", "v", 1, "auth", "not-a-token", "id", "h"));
        assertEquals("unauthorized", e.path("code").asText());
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "auth", token, "id", "h2"));
        assertEquals("admin", w.path("member").path("role").asText(), "the bootstrap account is an admin");
    }

    @Test
    void membersAreForbiddenEveryModeratorRequest() throws Exception {
        WsClient m = server.joined("general", "Ann");
        List<Map<String, Object>> requests = List.of(
                Map.of("type", "mod.watch", "rooms", List.of("*")), Map.of("type", "mod.queue"),
                Map.of("type", "mod.delete", "room", "general", "msg", "m"),
                Map.of("type", "mod.mute", "room", "general", "member", "u", "seconds", 60),
                Map.of("type", "mod.unmute", "room", "general", "member", "u"),
                Map.of("type", "mod.kick", "room", "general", "member", "u"),
                Map.of("type", "mod.ban", "member", "u", "reason", "r"), Map.of("type", "mod.unban", "ban", "b"),
                Map.of("type", "mod.slow", "room", "general", "seconds", 5),
                Map.of("type", "mod.lock", "room", "general", "locked", true),
                Map.of("type", "mod.approve", "room", "general", "msg", "m"),
                Map.of("type", "mod.reject", "room", "general", "msg", "m"),
                Map.of("type", "mod.claim", "escalation", "e"),
                Map.of("type", "mod.resolve", "escalation", "e", "outcome", "resolved"));
        int i = 0;
        for (Map<String, Object> r : requests) {
            Map<String, Object> withId = new java.util.HashMap<>(r);
            withId.put("id", "f" + i++);
            assertEquals("forbidden", m.request(withId).path("code").asText(), r.toString());
        }
    }

    @Test
    void deleteRemovesTheMessageForEveryoneAndFromHistory() throws Exception {
        WsClient a = server.joined("general", "Ann");
        WsClient b = server.joined("general", "Bo");
        String msg = a.request(Map.of("type", "send", "room", "general", "text", "oops", "id", "s")).path("msg")
                .asText();
        WsClient mod = moderator();
        assertEquals("ok", mod.request(Map.of("type", "mod.delete", "room", "general", "msg", msg, "reason", "spam",
                "id", "d")).path("type").asText());
        assertEquals(msg, a.await("deleted").path("msg").asText());
        assertEquals(msg, b.await("deleted").path("msg").asText());
        JsonNode late = server.member().request(Map.of("type", "join", "room", "general", "id", "j"));
        assertEquals(0, late.path("history").size());
        assertTrue(audited().contains("delete"));
    }

    @Test
    void muteAndUnmute() throws Exception {
        WsClient a = server.joined("anxiety", "Ann");
        WsClient mod = moderator();
        assertEquals("ok", mod.request(Map.of("type", "mod.mute", "room", "anxiety", "member", memberId(a),
                "seconds", 600, "reason", "cool down", "id", "m")).path("type").asText());
        JsonNode n = a.await("notice");
        assertEquals("muted", n.path("code").asText());
        assertTrue(n.path("text").asText().contains("10 minutes"));
        JsonNode e = a.request(Map.of("type", "send", "room", "anxiety", "text", "hello?", "id", "s"));
        assertEquals("muted", e.path("code").asText());
        assertTrue(e.path("retryAfterMs").asLong() > 590_000);
        assertEquals("ok", mod.request(Map.of("type", "mod.unmute", "room", "anxiety", "member", memberId(a),
                "id", "u")).path("type").asText());
        assertEquals("unmuted", a.await("notice").path("code").asText());
        assertEquals("sent", a.request(Map.of("type", "send", "room", "anxiety", "text", "thanks", "id", "s2"))
                .path("type").asText());
        assertTrue(audited().containsAll(Set.of("mute", "unmute")));
        assertTrue(server.server().store().mutes().active("anxiety", memberId(a),
                System.currentTimeMillis()).isEmpty());
    }

    @Test
    void kickRemovesTheMemberWithACoolOff() throws Exception {
        WsClient a = server.joined("grief", "Ann");
        WsClient b = server.joined("grief", "Bo");
        WsClient mod = moderator();
        assertEquals("ok", mod.request(Map.of("type", "mod.kick", "room", "grief", "member", memberId(a),
                "reason", "off-topic", "seconds", 120, "id", "k")).path("type").asText());
        JsonNode k = a.await("kicked");
        assertEquals("grief", k.path("room").asText());
        assertEquals("off-topic", k.path("reason").asText());
        JsonNode p = b.await(x -> "presence".equals(x.path("type").asText())
                && "leave".equals(x.path("event").asText()), "presence leave");
        assertEquals(memberId(a), p.path("member").path("id").asText());
        JsonNode again = a.request(Map.of("type", "join", "room", "grief", "id", "j"));
        assertEquals("forbidden", again.path("code").asText());
        assertTrue(again.path("retryAfterMs").asLong() > 100_000);
        assertEquals("not_in_room", a.request(Map.of("type", "send", "room", "grief", "text", "x", "id", "s"))
                .path("code").asText());
        assertEquals("not_found", mod.request(Map.of("type", "mod.kick", "room", "grief", "member", "u_nobody",
                "id", "k2")).path("code").asText());
        assertTrue(audited().contains("kick"));
    }

    @Test
    void banClosesWith4003AndCoversTheNetworkFingerprintButNotOtherAddresses() throws Exception {
        WsClient a = server.connect(Map.of(), "127.0.0.2", true);
        extra.add(a);
        a.request(Map.of("type", "hello", "v", 1, "id", "h"));
        a.request(Map.of("type", "join", "room", "general", "id", "j"));
        WsClient mod = moderator();
        JsonNode ok = mod.request(Map.of("type", "mod.ban", "member", memberId(a), "reason", "threats", "id", "b"));
        assertEquals("ok", ok.path("type").asText());
        String banId = ok.path("ban").asText();
        assertFalse(banId.isEmpty());
        assertEquals(4003, a.awaitClose());

        TestServer.Answered answered = server.helloAfterBan("127.0.0.2", Map.of("type", "hello", "v", 1, "id", "h"));
        WsClient again = answered.client();
        JsonNode refused = answered.reply();
        assertEquals("banned", refused.path("code").asText(), "a fresh session from the same network is refused");
        // refused before it was a session: no ban's sweep on that node can close it, and it stays
        // open, without a session, for a later hello (docs/protocol.md)
        JsonNode join = again.request(Map.of("type", "join", "room", "general", "id", "j"));
        assertEquals("hello_required", join.path("code").asText());

        WsClient other = server.connect(Map.of(), "127.0.0.3", true);
        extra.add(other);
        assertEquals("welcome", other.request(Map.of("type", "hello", "v", 1, "id", "h")).path("type").asText(),
                "another address is not affected");

        assertEquals("ok", mod.request(Map.of("type", "mod.unban", "ban", banId, "id", "u")).path("type").asText());
        assertEquals("welcome", server.helloUntil("127.0.0.2", Map.of("type", "hello", "v", 1, "id", "h"),
                r -> "welcome".equals(r.path("type").asText())).reply().path("type").asText(), "the ban is lifted");
        assertEquals("not_found", mod.request(Map.of("type", "mod.unban", "ban", banId, "id", "u2"))
                .path("code").asText());
        assertTrue(audited().containsAll(Set.of("ban", "unban")));
    }

    @Test
    void aTimedBanEnds() throws Exception {
        WsClient a = server.connect(Map.of(), "127.0.0.4", true);
        extra.add(a);
        a.request(Map.of("type", "hello", "v", 1, "id", "h"));
        WsClient mod = moderator();
        mod.request(Map.of("type", "mod.ban", "member", memberId(a), "seconds", 1, "reason", "cool off", "id", "b"));
        a.awaitClose();
        TestServer.Answered answered = server.helloAfterBan("127.0.0.4", Map.of("type", "hello", "v", 1, "id", "h"));
        WsClient soon = answered.client();
        JsonNode refused = answered.reply();
        assertEquals("banned", refused.path("code").asText());
        assertTrue(refused.path("retryAfterMs").asLong() > 0);
        Thread.sleep(1100);
        assertFalse(soon.isClosed(), "a refused connection stays open, whatever ban reaches its node meanwhile");
        assertEquals("welcome", soon.request(Map.of("type", "hello", "v", 1, "id", "h2")).path("type").asText());
    }

    @Test
    void slowModeAndLock() throws Exception {
        WsClient a = server.joined("recovery", "Ann");
        WsClient mod = moderator();
        assertEquals("ok", mod.request(Map.of("type", "mod.slow", "room", "recovery", "seconds", 30, "id", "s"))
                .path("type").asText());
        assertEquals("slow_mode", a.await("notice").path("code").asText());
        assertEquals("sent", a.request(Map.of("type", "send", "room", "recovery", "text", "one", "id", "1"))
                .path("type").asText());
        JsonNode e = a.request(Map.of("type", "send", "room", "recovery", "text", "two", "id", "2"));
        assertEquals("slow_mode", e.path("code").asText());
        assertTrue(e.path("retryAfterMs").asLong() > 25_000);
        JsonNode joined = server.member().request(Map.of("type", "join", "room", "recovery", "id", "j"));
        assertEquals(30, joined.path("mode").path("slowSeconds").asInt());

        assertEquals("ok", mod.request(Map.of("type", "mod.lock", "room", "recovery", "locked", true, "id", "l"))
                .path("type").asText());
        assertEquals("locked", a.await(n -> "notice".equals(n.path("type").asText())
                && "locked".equals(n.path("code").asText()), "locked notice").path("code").asText());
        assertEquals("room_locked", server.member().request(Map.of("type", "join", "room", "recovery", "id", "j"))
                .path("code").asText());
        JsonNode rooms = a.request(Map.of("type", "rooms", "id", "r"));
        assertTrue(roomEntry(rooms, "recovery").path("locked").asBoolean(), rooms.toString());
        assertFalse(roomEntry(rooms, "general").path("locked").asBoolean(), "only that room is locked");
        mod.request(Map.of("type", "mod.lock", "room", "recovery", "locked", false, "id", "l2"));
        assertEquals("unlocked", a.await(n -> "notice".equals(n.path("type").asText())
                && "unlocked".equals(n.path("code").asText()), "unlocked").path("code").asText());
        JsonNode after = a.request(Map.of("type", "rooms", "id", "r2"));
        assertFalse(roomEntry(after, "recovery").path("locked").asBoolean(), after.toString());
        assertTrue(audited().containsAll(Set.of("slow", "lock", "unlock")));
    }

    @Test
    void heldMessagesAreApprovedOrRejected() throws Exception {
        WsClient a = server.joined("general", "Ann");
        WsClient b = server.joined("general", "Bo");
        WsClient mod = moderator();
        var review = server.server().staff().review();
        MemberInfo ann = new MemberInfo(memberId(a), "Ann", Role.MEMBER);
        review.hold("general", "m_held1", ann, "see my site example.org", List.of("link"));
        review.hold("general", "m_held2", ann, "another", List.of("link"));
        JsonNode held = mod.await("mod.held");
        assertEquals("m_held1", held.path("msg").asText());
        JsonNode queue = mod.request(Map.of("type", "mod.queue", "id", "q"));
        assertEquals(2, queue.path("held").size());
        assertEquals("ok", mod.request(Map.of("type", "mod.approve", "room", "general", "msg", "m_held1", "id", "a"))
                .path("type").asText());
        JsonNode m = b.await("message");
        assertEquals("see my site example.org", m.path("text").asText());
        assertEquals("Ann", m.path("from").path("nick").asText());
        assertEquals("held_approved", a.await("notice").path("code").asText());
        assertEquals("ok", mod.request(Map.of("type", "mod.reject", "room", "general", "msg", "m_held2",
                "reason", "no links please", "id", "r")).path("type").asText());
        assertEquals("held_rejected", a.await(n -> "notice".equals(n.path("type").asText())
                && "held_rejected".equals(n.path("code").asText()), "rejected").path("code").asText());
        assertEquals("not_found", mod.request(Map.of("type", "mod.reject", "room", "general", "msg", "m_held2",
                "id", "r2")).path("code").asText(), "decided once");
        assertEquals(0, mod.request(Map.of("type", "mod.queue", "id", "q2")).path("held").size());
        assertTrue(audited().containsAll(Set.of("auto_hold", "approve", "reject")));
    }

    @Test
    void reportsReachModeratorsAndSelfHarmReportsEscalate() throws Exception {
        WsClient a = server.joined("depression", "Ann");
        WsClient b = server.joined("depression", "Bo");
        WsClient mod = moderator();
        WsClient mod2 = moderator();
        String msg = a.request(Map.of("type", "send", "room", "depression", "text", "nobody would miss me",
                "id", "s")).path("msg").asText();
        JsonNode ok = b.request(Map.of("type", "report", "room", "depression", "msg", msg, "reason", "self_harm",
                "note", "worried", "id", "r"));
        assertEquals("ok", ok.path("type").asText());
        assertFalse(ok.path("report").asText().isEmpty());
        JsonNode rep = mod.await("mod.report");
        assertEquals(ok.path("report").asText(), rep.path("report").asText());
        assertEquals("nobody would miss me", rep.path("excerpt").asText());
        assertEquals(memberId(a), rep.path("member").asText());
        JsonNode esc = mod.await("mod.escalation");
        assertEquals("report", esc.path("source").asText());
        assertEquals("high", esc.path("level").asText());
        assertEquals("open", esc.path("status").asText());
        String id = esc.path("escalation").asText();
        mod2.await("mod.escalation");

        assertEquals("ok", mod.request(Map.of("type", "mod.claim", "escalation", id, "id", "c")).path("type")
                .asText());
        JsonNode seen = mod2.await("mod.escalation");
        assertEquals("claimed", seen.path("status").asText());
        assertEquals("alex", seen.path("claimedBy").asText());
        assertEquals("forbidden", mod2.request(Map.of("type", "mod.claim", "escalation", id, "id", "c2"))
                .path("code").asText(), "one moderator per escalation");
        assertEquals("ok", mod.request(Map.of("type", "mod.resolve", "escalation", id, "outcome", "handed_off",
                "note", "gave hotline", "id", "x")).path("type").asText());
        assertEquals("resolved", mod2.await("mod.escalation").path("status").asText());
        assertEquals("not_found", mod.request(Map.of("type", "mod.resolve", "escalation", id, "outcome",
                "resolved", "id", "x2")).path("code").asText());
        assertTrue(audited().containsAll(Set.of("report_received", "escalation_opened", "claim", "resolve")));
    }

    @Test
    void theQueuePutsImminentEscalationsFirst() throws Exception {
        var esc = server.server().staff().escalations();
        esc.open("general", "u_a", RiskLevel.CONCERN, EscalationSource.KEYWORD, "a");
        esc.open("general", "u_b", RiskLevel.HIGH, EscalationSource.HELP, null);
        esc.open("general", "u_c", RiskLevel.IMMINENT, EscalationSource.KEYWORD, "c");
        WsClient mod = moderator();
        JsonNode q = mod.request(Map.of("type", "mod.queue", "id", "q"));
        List<String> levels = new ArrayList<>();
        q.path("escalations").forEach(e -> levels.add(e.path("level").asText()));
        assertEquals(List.of("imminent", "high", "concern"), levels);
        assertTrue(q.has("held") && q.has("reports"));
    }

    /** The one entry for {@code id} in a {@code rooms} reply (fails when it is missing or repeated). */
    private static JsonNode roomEntry(JsonNode rooms, String id) {
        List<JsonNode> found = new java.util.ArrayList<>();
        rooms.path("rooms").forEach(n -> {
            if (id.equals(n.path("room").asText())) {
                found.add(n);
            }
        });
        assertEquals(1, found.size(), "exactly one entry for " + id + " in " + rooms);
        return found.get(0);
    }
}
