package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;
import org.kindred.server.common.Ids;
import org.kindred.server.store.AuditEntry;

/**
 * The warm hand-off between nodes (three nodes sharing one real Redis and one PostgreSQL
 * database, over real sockets): the staff member on node A reaches a member on node B, who is
 * invited there, talks in one order with A, declines or is closed from A; one conversation per
 * member across the cluster; each ending audited once; a member who resumes on node C carries on
 * there; and the member hears {@code closed} within a bounded time when the staff member's node
 * stops.
 */
class ClusterHandOffTest {
    private static final String PW = "correct horse battery";
    private static ClusterNodes cluster;
    private static final List<WsClient> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = ClusterNodes.sharingStore(3, b -> b, "{}");
        cluster.node(0).server().staff().accounts().create("alex", Role.MODERATOR, PW);
        cluster.node(0).server().staff().accounts().create("sam", Role.MODERATOR, PW);
    }

    @AfterAll
    static void stop() throws Exception {
        for (WsClient c : CLIENTS) {
            c.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static WsClient moderator(int node, String name) throws Exception {
        TestServer s = cluster.node(node);
        return Moderators.watching(s.port(), Moderators.token(s.port(), name, PW), CLIENTS);
    }

    private static JsonNode req(WsClient c, Map<String, ?> m) throws Exception {
        Map<String, Object> withId = new HashMap<>(m);
        withId.put("id", Ids.of("r"));
        return c.request(withId);
    }

    /** The first event {@code p} accepts among those already received (a request's wait keeps them), or the next. */
    private static JsonNode seenOrAwait(WsClient c, java.util.function.Predicate<JsonNode> p, String what)
            throws InterruptedException {
        for (JsonNode n : List.copyOf(c.seen())) {
            if (p.test(n)) {
                return n;
            }
        }
        return c.await(p, what);
    }

    private static JsonNode notice(WsClient c, String code, String room) throws InterruptedException {
        return seenOrAwait(c, n -> "notice".equals(n.path("type").asText()) && code.equals(n.path("code").asText())
                && room.equals(n.path("room").asText()), "notice " + code);
    }

    /** The {@code seq} and text of the first {@code count} messages of {@code room} {@code c} received. */
    private static List<String> messages(WsClient c, String room, int count) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            while (c.poll(0) != null) {
                // into seen()
            }
            List<String> got = List.copyOf(c.seen()).stream().filter(n -> isMessage(n, room))
                    .map(ClusterHandOffTest::seqAndText).toList();
            if (got.size() >= count) {
                return got.subList(0, count);
            }
            Thread.sleep(25);
        }
        throw new AssertionError("fewer than " + count + " messages: " + c.seen());
    }

    private static String reach(WsClient mod, WsClient member) throws Exception {
        JsonNode ok = req(mod, Map.of("type", "mod.reach", "member", TestServer.welcomeMember(member)));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        String room = ok.path("room").asText();
        seenOrAwait(member, n -> "invite".equals(n.path("type").asText()) && room.equals(n.path("room").asText()),
                "invite");
        return room;
    }

    private static List<AuditEntry> audit(String room, String action, int atLeast) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<AuditEntry> all = cluster.node(0).server().store().audit().recent(500).stream()
                    .filter(a -> room.equals(a.room())).toList();
            if (all.stream().filter(a -> a.action().equals(action)).count() >= atLeast) {
                Thread.sleep(300); // a duplicate from another node would have come by now
                return cluster.node(0).server().store().audit().recent(500).stream()
                        .filter(a -> room.equals(a.room())).toList();
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no audit entry " + action + " for " + room);
    }

    private static long count(List<AuditEntry> audit, String action) {
        return audit.stream().filter(a -> a.action().equals(action)).count();
    }

    private static void awaitNoneOpen() throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (cluster.all().stream().allMatch(s -> s.server().staff().handOff().open() == 0)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("a node still holds a private conversation");
    }

    @Test
    void aMemberOnBIsInvitedTalksInOneOrderAndIsClosedFromA() throws Exception {
        WsClient mod = moderator(0, "alex");
        WsClient ann = cluster.node(1).joined("anxiety", "Ann");
        CLIENTS.add(ann);
        String room = reach(mod, ann);
        JsonNode joined = req(ann, Map.of("type", "join", "room", room));
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        assertEquals(2, joined.path("members").size(), "both, across the nodes: " + joined);
        for (int i = 0; i < 3; i++) {
            assertEquals("delivered", req(mod, Map.of("type", "send", "room", room, "text", "from A " + i))
                    .path("status").asText());
            assertEquals("delivered", req(ann, Map.of("type", "send", "room", room, "text", "from B " + i))
                    .path("status").asText());
        }
        List<String> onA = messages(mod, room, 6);
        List<String> onB = messages(ann, room, 6);
        assertEquals(onA, onB, "both sides see each other's messages in one order");
        for (int i = 1; i < onA.size(); i++) {
            assertTrue(Long.parseLong(onA.get(i).split(" ", 2)[0]) == Long.parseLong(onA.get(i - 1).split(" ", 2)[0]) + 1,
                    "numbered without gaps: " + onA);
        }

        assertEquals("ok", req(mod, Map.of("type", "mod.close", "room", room)).path("type").asText());
        notice(mod, "closed", room);
        notice(ann, "closed", room);
        assertEquals("not_found", req(ann, Map.of("type", "send", "room", room, "text", "hello?")).path("code")
                .asText(), "the room is gone on B too");
        List<AuditEntry> audit = audit(room, "reach_closed", 1);
        assertEquals(1, count(audit, "reach"), audit.toString());
        assertEquals(1, count(audit, "reach_accepted"), audit.toString());
        assertEquals(1, count(audit, "reach_closed"), "audited once: " + audit);
        awaitNoneOpen();
    }

    private static boolean isMessage(JsonNode n, String room) {
        return "message".equals(n.path("type").asText()) && room.equals(n.path("room").asText());
    }

    private static String seqAndText(JsonNode n) {
        return n.path("seq").asLong() + " " + n.path("text").asText();
    }

    @Test
    void aDeclineOnBReachesTheStaffMemberOnAOnceAndTheMemberCanBeReachedAgain() throws Exception {
        WsClient mod = moderator(0, "alex");
        WsClient bo = cluster.node(1).joined("general", "Bo");
        CLIENTS.add(bo);
        String room = reach(mod, bo);
        assertEquals("ok", req(bo, Map.of("type", "leave", "room", room)).path("type").asText());
        notice(mod, "declined", room);
        assertEquals("not_found", req(bo, Map.of("type", "join", "room", room)).path("code").asText());
        assertEquals("not_found", req(mod, Map.of("type", "send", "room", room, "text", "hi")).path("code").asText());
        List<AuditEntry> audit = audit(room, "reach_declined", 1);
        assertEquals(1, count(audit, "reach_declined"), "audited once: " + audit);
        assertEquals(0, count(audit, "reach_closed"), audit.toString());
        String again = reach(mod, bo);
        assertTrue(!again.equals(room), "a new conversation");
        assertEquals("ok", req(mod, Map.of("type", "mod.close", "room", again)).path("type").asText());
        notice(bo, "closed", again);
    }

    @Test
    void oneConversationPerMemberAcrossTheCluster() throws Exception {
        WsClient alex = moderator(0, "alex");
        WsClient sam = moderator(1, "sam");
        WsClient cy = cluster.node(2).joined("general", "Cy");
        CLIENTS.add(cy);
        String room = reach(alex, cy);
        JsonNode taken = req(sam, Map.of("type", "mod.reach", "member", TestServer.welcomeMember(cy)));
        assertEquals("forbidden", taken.path("code").asText(), taken.toString());
        assertTrue(taken.path("message").asText().contains("alex"), "names who talks with them: " + taken);
        assertEquals(room, req(alex, Map.of("type", "mod.reach", "member", TestServer.welcomeMember(cy)))
                .path("room").asText(), "reaching again: the same room");
        JsonNode staff = req(alex, Map.of("type", "mod.reach", "member", TestServer.welcomeMember(sam)));
        assertEquals("forbidden", staff.path("code").asText(), "staff on another node is not reached: " + staff);
        assertEquals("not_found", req(alex, Map.of("type", "mod.reach", "member", "u_nobody")).path("code").asText());
        assertEquals("ok", req(alex, Map.of("type", "mod.close", "room", room)).path("type").asText());
        notice(cy, "closed", room);
    }

    @Test
    void aMemberWhoResumesOnAnotherNodeCarriesOnThere() throws Exception {
        WsClient mod = moderator(0, "alex");
        WsClient dee = cluster.node(1).joined("grief", "Dee");
        String room = reach(mod, dee);
        assertEquals("joined", req(dee, Map.of("type", "join", "room", room)).path("type").asText());
        assertEquals("delivered", req(dee, Map.of("type", "send", "room", room, "text", "before the move"))
                .path("status").asText());
        messages(mod, room, 1);
        String token = TestServer.welcomeSession(dee);
        dee.drop();
        cluster.awaitParked(token);
        WsClient back = WsClient.connect(cluster.node(2).port());
        CLIENTS.add(back);
        assertEquals("welcome", back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token))
                .path("type").asText());
        seenOrAwait(back, n -> "invite".equals(n.path("type").asText()) && room.equals(n.path("room").asText()),
                "the invitation again, on C");
        JsonNode joined = req(back, Map.of("type", "join", "room", room));
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        assertTrue(joined.path("history").toString().contains("before the move"), "its history: " + joined);
        assertEquals("delivered", req(back, Map.of("type", "send", "room", room, "text", "after the move"))
                .path("status").asText());
        seenOrAwait(mod, n -> isMessage(n, room) && "after the move".equals(n.path("text").asText()),
                "the message from C");
        assertEquals("delivered", req(mod, Map.of("type", "send", "room", room, "text", "still here"))
                .path("status").asText());
        seenOrAwait(back, n -> isMessage(n, room) && "still here".equals(n.path("text").asText()), "the reply on C");
        assertEquals("ok", req(mod, Map.of("type", "mod.close", "room", room)).path("type").asText());
        notice(back, "closed", room);
        List<AuditEntry> audit = audit(room, "reach_closed", 1);
        assertEquals(1, count(audit, "reach_accepted"), "accepted once, though joined on two nodes: " + audit);
        assertEquals(1, count(audit, "reach_closed"), audit.toString());
    }

    @Test
    void whenTheStaffMembersNodeStopsTheMemberHearsClosed() throws Exception {
        TestServer doomed = cluster.add();
        WsClient mod = Moderators.watching(doomed.port(), Moderators.token(doomed.port(), "sam", PW), CLIENTS);
        WsClient eve = cluster.node(1).joined("anxiety", "Eve");
        CLIENTS.add(eve);
        String room = reach(mod, eve);
        assertEquals("joined", req(eve, Map.of("type", "join", "room", room)).path("type").asText());
        long stopped = System.currentTimeMillis();
        cluster.all().remove(doomed);
        doomed.close();
        notice(eve, "closed", room);
        long took = System.currentTimeMillis() - stopped;
        assertTrue(took < ClusterNodes.NODE_TTL_MS + 4_000, "within the node TTL and a check: " + took + " ms");
        assertEquals("not_found", req(eve, Map.of("type", "send", "room", room, "text", "hello?")).path("code")
                .asText());
        assertEquals(1, count(audit(room, "reach_closed", 1), "reach_closed"), "audited once");
        assertEquals(0, cluster.node(1).server().staff().handOff().open());
    }

    /**
     * Leaving ends the conversation even when the room no longer seats the one who leaves (the
     * shared presence lost the seat: Redis restarted, or the sweep has not added it back yet): the
     * leave is answered {@code ok}, not {@code not_in_room}, and both hear {@code closed}.
     */
    @Test
    void leavingEndsItWhenTheSharedPresenceLostTheSeat() throws Exception {
        WsClient mod = moderator(0, "alex");
        WsClient gus = cluster.node(1).joined("general", "Gus");
        CLIENTS.add(gus);
        String room = reach(mod, gus);
        JsonNode joined = req(gus, Map.of("type", "join", "room", room));
        assertEquals("joined", joined.path("type").asText(), joined.toString());
        String member = TestServer.welcomeMember(gus);
        assertTrue(cluster.node(1).server().redisEngines().presence().remove(room, member).isPresent());
        JsonNode left = req(gus, Map.of("type", "leave", "room", room));
        assertEquals("ok", left.path("type").asText(), left.toString());
        notice(mod, "closed", room);
        notice(gus, "closed", room);
        awaitNoneOpen();
    }

    @Test
    void aMemberInvitedOnAnotherNodeCanJoinAndLeaveAtOnce() throws Exception {
        WsClient mod = moderator(0, "alex");
        for (int i = 0; i < 12; i++) {
            WsClient fay = cluster.node(1 + i % 2).joined("general", "Fay" + i);
            CLIENTS.add(fay);
            String room = reach(mod, fay);
            JsonNode joined = req(fay, Map.of("type", "join", "room", room));
            assertEquals("joined", joined.path("type").asText(), "round " + i + ": " + joined);
            JsonNode left = req(fay, Map.of("type", "leave", "room", room));
            assertEquals("ok", left.path("type").asText(), "round " + i + ": " + left);
            notice(mod, "closed", room);
            notice(fay, "closed", room);
        }
    }
}
