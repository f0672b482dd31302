package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;

/**
 * Three server processes sharing a real Redis and PostgreSQL ({@link ThreeNodes}) behave as one
 * server for members spread over them, over real WebSockets: one order without gaps or repeats
 * under concurrent senders on every node, history for a late joiner on another node, resume on
 * another node with exactly what was missed, and a ban made on one node closing the member on
 * another within a second.
 */
class ThreeNodeChatTest {
    private static ThreeNodes nodes;

    @BeforeAll
    static void start() throws Exception {
        nodes = ThreeNodes.start();
    }

    @AfterEach
    void closeClients() {
        nodes.closeClients();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    static JsonNode send(WsClient c, String room, String text, String id) throws Exception {
        JsonNode r = c.request(Map.of("type", "send", "room", room, "text", text, "id", id));
        assertEquals("sent", r.path("type").asText(), r.toString());
        return r;
    }

    static boolean isMessage(JsonNode n, String room) {
        return "message".equals(n.path("type").asText()) && room.equals(n.path("room").asText());
    }

    /** The next {@code n} messages of {@code room} that {@code c} receives. */
    static List<JsonNode> messages(WsClient c, String room, int n) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        while (out.size() < n) {
            out.add(c.await(m -> isMessage(m, room), "message " + (out.size() + 1) + " of " + n + " in " + room));
        }
        return out;
    }

    @Test
    void everyMemberOnEveryNodeSeesOneOrderWithoutGapsOrRepeatsUnderConcurrentSendersOnAllNodes() throws Exception {
        String room = "order";
        int each = 30;
        List<WsClient> writers = new ArrayList<>();
        List<WsClient> readers = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            readers.add(nodes.joined(n, room, "Reader " + n));
            for (int i = 0; i < 2; i++) {
                writers.add(nodes.joined(n, room, "Writer " + n + i));
            }
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> senders = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            WsClient c = writers.get(w);
            int writer = w;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        c.send(Map.of("type", "send", "room", room, "id", "s" + i, "text", "note " + i + " of " + writer));
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            });
            senders.add(t);
            t.start();
        }
        for (Thread t : senders) {
            t.join();
        }
        assertTrue(failures.isEmpty(), failures::toString);
        int total = writers.size() * each;
        List<WsClient> everyone = new ArrayList<>(readers);
        everyone.addAll(writers);
        List<String> first = null;
        for (int m = 0; m < everyone.size(); m++) {
            List<JsonNode> got = messages(everyone.get(m), room, total);
            List<String> order = new ArrayList<>();
            int[] nextOf = new int[writers.size()];
            for (int i = 0; i < total; i++) {
                JsonNode g = got.get(i);
                assertEquals(i + 1, g.path("seq").asLong(), "member " + m + ": seq from 1, no gap, no repeat");
                order.add(g.path("msg").asText());
                String[] words = g.path("text").asText().split(" "); // note I of W
                int writer = Integer.parseInt(words[3]);
                assertEquals(nextOf[writer]++, Integer.parseInt(words[1]), "each writer's notes in its own order");
            }
            if (first == null) {
                first = order;
            } else {
                assertEquals(first, order, "member " + m + " saw the order member 0 saw");
            }
            JsonNode extra = everyone.get(m).poll(m == 0 ? 500 : 50);
            assertTrue(extra == null || !isMessage(extra, room), "nothing twice: " + extra);
        }
        for (WsClient w : writers) {
            assertEquals(each, w.seen().stream().filter(n -> "sent".equals(n.path("type").asText())).count(),
                    "every send was acknowledged");
        }
    }

    @Test
    void aLateJoinerOnAnotherNodeGetsTheHistoryAndTheNextMessages() throws Exception {
        String room = "late";
        WsClient ann = nodes.joined(0, room, "Ann");
        WsClient bo = nodes.joined(1, room, "Bo");
        send(ann, room, "one", "1");
        send(bo, room, "two", "2");
        send(ann, room, "three", "3");
        WsClient late = nodes.member(2);
        JsonNode j = late.request(Map.of("type", "join", "room", room, "nick", "Late", "id", "j"));
        assertEquals("joined", j.path("type").asText(), j.toString());
        assertEquals(List.of("one", "two", "three"), j.path("history").findValues("text").stream()
                .map(JsonNode::asText).toList(), j.toString());
        assertEquals(List.of(1L, 2L, 3L), j.path("history").findValues("seq").stream().map(JsonNode::asLong).toList());
        assertEquals(Set.of("Ann", "Bo", "Late"), new HashSet<>(j.path("members").findValues("nick").stream()
                .map(JsonNode::asText).toList()), "members of the other nodes are listed");
        send(bo, room, "welcome", "4");
        JsonNode next = late.await(m -> isMessage(m, room), "the next message on C");
        assertEquals(4, next.path("seq").asLong(), "numbering goes on after the history: " + next);
        assertEquals("welcome", next.path("text").asText());
    }

    @Test
    void aMemberDroppedOnOneNodeResumesOnAnotherWithExactlyWhatItMissed() throws Exception {
        String room = "resume";
        WsClient ann = nodes.joined(0, room, "Ann");
        WsClient bo = nodes.joined(2, room, "Bo");
        ann.await(m -> "presence".equals(m.path("type").asText()), "Bo's join on A");
        String token = TestServer.welcomeSession(ann);
        String member = TestServer.welcomeMember(ann);
        send(bo, room, "before", "s1");
        assertEquals(1, ann.await(m -> isMessage(m, room), "the first message on A").path("seq").asLong());

        ann.drop();
        String parked = ThreeNodes.PARK_PREFIX + Ids.hash(token);
        long deadline = System.currentTimeMillis() + 5_000;
        while (!"1".equals(nodes.redis().command("EXISTS", parked))) {
            assertTrue(System.currentTimeMillis() < deadline, "node A parked the dropped session");
            Thread.sleep(20);
        }
        send(bo, room, "missed one", "s2");
        send(bo, room, "missed two", "s3");
        send(bo, room, "missed three", "s4");

        WsClient back = nodes.raw(1, null);
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
        assertEquals("welcome", w.path("type").asText(), w.toString());
        assertTrue(w.path("recovered").asBoolean(false), "recovered: " + w);
        assertEquals(member, w.path("member").path("id").asText(), "the same member");
        assertNotEquals(token, w.path("session").asText(), "a new resume token");
        List<JsonNode> missed = messages(back, room, 3);
        assertEquals(List.of("missed one", "missed two", "missed three"), missed.stream()
                .map(m -> m.path("text").asText()).toList());
        assertEquals(List.of(2L, 3L, 4L), missed.stream().map(m -> m.path("seq").asLong()).toList());
        JsonNode extra = back.poll(500);
        assertTrue(extra == null || !isMessage(extra, room), "nothing else replayed: " + extra);

        send(back, room, "I'm back", "s5");
        JsonNode heard = bo.await(m -> isMessage(m, room) && "I'm back".equals(m.path("text").asText()),
                "Ann's message on C");
        assertEquals(5, heard.path("seq").asLong());
        assertEquals("Ann", heard.path("from").path("nick").asText(), "still in the room with the same nickname");
        assertEquals(member, heard.path("from").path("id").asText());
        assertTrue(bo.seen().stream().noneMatch(m -> "presence".equals(m.path("type").asText())
                && member.equals(m.path("member").path("id").asText())), () -> "nobody heard Ann leave: " + bo.seen());
    }

    @Test
    void aBanMadeOnOneNodeClosesTheMemberOnAnotherWithinASecondAndHoldsOnEveryNode() throws Exception {
        String room = "bans";
        WsClient mod = nodes.moderator(0);
        WsClient bo = nodes.joined(2, "127.0.0.23", room, "Bo");
        WsClient cy = nodes.joined(1, room, "Cy");
        String boId = TestServer.welcomeMember(bo);
        long t0 = System.nanoTime();
        JsonNode ok = mod.request(Map.of("type", "mod.ban", "member", boId, "reason", "threats", "id", "b"));
        assertEquals("ok", ok.path("type").asText(), ok.toString());
        assertEquals(4003, bo.awaitClose(), "closed as banned");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 1_000, "closed on C " + ms + " ms after the ban was asked on A");
        JsonNode gone = cy.await(m -> "presence".equals(m.path("type").asText())
                && "leave".equals(m.path("event").asText()), "Bo's leave on B");
        assertEquals(boId, gone.path("member").path("id").asText());

        for (int n = 0; n < 3; n++) { // the node that held Bo adds its network fingerprint: every node refuses it
            JsonNode refused = null;
            long deadline = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < deadline) {
                WsClient again = nodes.raw(n, "127.0.0.23");
                refused = again.request(Map.of("type", "hello", "v", 1, "id", "h"));
                again.close();
                if ("banned".equals(refused.path("code").asText())) {
                    break;
                }
                Thread.sleep(100);
            }
            assertEquals("banned", refused.path("code").asText(), "node " + n + " refuses Bo's network: " + refused);
        }
        assertEquals("sent", cy.request(Map.of("type", "send", "room", room, "text", "still here", "id", "s"))
                .path("type").asText(), "others go on");
    }
}
