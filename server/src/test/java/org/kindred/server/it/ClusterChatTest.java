package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three Kindred nodes on loopback sharing one real Redis behave as one server to members spread
 * over them: one order of messages for everyone under concurrent senders on every node, history
 * for a late joiner on another node, presence, counts and nicknames across nodes. Runs with
 * {@code CI=true} always (a missing {@code redis-server} fails it); otherwise skips with the reason.
 */
class ClusterChatTest {
    private static ClusterNodes cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = new ClusterNodes(3);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static List<JsonNode> messages(WsClient c, String room, int n) throws InterruptedException {
        List<JsonNode> out = new ArrayList<>();
        while (out.size() < n) {
            out.add(c.await(m -> "message".equals(m.path("type").asText()) && room.equals(m.path("room").asText()),
                    "message " + (out.size() + 1) + " of " + n + " in " + room));
        }
        return out;
    }

    @Test
    void everyMemberOnEveryNodeSeesOneOrderWithoutGapsUnderConcurrentSendersOnAllNodes() throws Exception {
        int perNode = 2;
        int each = 25;
        List<WsClient> members = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            for (int i = 0; i < perNode; i++) {
                members.add(cluster.node(n).joined("depression", "Writer " + n + i));
            }
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> senders = new ArrayList<>();
        for (int w = 0; w < members.size(); w++) {
            WsClient c = members.get(w);
            int writer = w;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        c.send(Map.of("type", "send", "room", "depression", "id", "s" + i,
                                "text", "note " + i + " of writer " + writer));
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
        int total = members.size() * each;
        List<String> first = null;
        for (int w = 0; w < members.size(); w++) {
            List<JsonNode> got = messages(members.get(w), "depression", total);
            List<String> order = new ArrayList<>();
            long seq0 = got.get(0).path("seq").asLong();
            int[] nextOf = new int[members.size()];
            for (int i = 0; i < got.size(); i++) {
                assertEquals(seq0 + i, got.get(i).path("seq").asLong(), "member " + w + ": no gap, no repeat");
                order.add(got.get(i).path("msg").asText());
                String[] words = got.get(i).path("text").asText().split(" "); // note I of writer W
                int writer = Integer.parseInt(words[4]);
                assertEquals(nextOf[writer]++, Integer.parseInt(words[1]), "each writer's notes in its order");
            }
            assertEquals(1, seq0, "numbering starts at 1");
            if (first == null) {
                first = order;
            } else {
                assertEquals(first, order, "member " + w + " saw the same order as member 0");
            }
            JsonNode extra = members.get(w).poll(300);
            assertTrue(extra == null || !"message".equals(extra.path("type").asText()), "nothing twice: " + extra);
        }
        long sentReplies = 0;
        for (WsClient c : members) {
            sentReplies += c.seen().stream().filter(m -> "sent".equals(m.path("type").asText())).count();
        }
        assertEquals(total, sentReplies, "every writer got its sent replies");
    }

    @Test
    void aLateJoinerOnAnotherNodeGetsTheHistoryWrittenOnTheFirst() throws Exception {
        WsClient ann = cluster.node(0).joined("grief", "Ann");
        for (int i = 1; i <= 3; i++) {
            JsonNode sent = ann.request(Map.of("type", "send", "room", "grief", "text", "remembering " + i,
                    "id", "g" + i));
            assertEquals("sent", sent.path("type").asText(), sent.toString());
        }
        WsClient late = cluster.node(1).member();
        JsonNode j = late.request(Map.of("type", "join", "room", "grief", "nick", "Late", "id", "j"));
        assertEquals("joined", j.path("type").asText(), j.toString());
        List<String> texts = new ArrayList<>();
        j.path("history").forEach(m -> texts.add(m.path("text").asText()));
        assertEquals(List.of("remembering 1", "remembering 2", "remembering 3"), texts);
        assertEquals(List.of(1L, 2L, 3L), j.path("history").findValues("seq").stream().map(JsonNode::asLong).toList());
        JsonNode next = ann.request(Map.of("type", "send", "room", "grief", "text", "welcome", "id", "g4"));
        assertEquals("sent", next.path("type").asText());
        JsonNode m = late.await("message");
        assertEquals(4, m.path("seq").asLong(), "numbering goes on across nodes");
    }

    @Test
    void presenceCountsAndNicknamesSpanTheNodes() throws Exception {
        WsClient ann = cluster.node(0).joined("anxiety", "Ann");
        WsClient bo = cluster.node(1).member();
        JsonNode j = bo.request(Map.of("type", "join", "room", "anxiety", "nick", "Bo", "id", "j"));
        assertEquals("joined", j.path("type").asText(), j.toString());
        assertEquals(List.of("Ann", "Bo"), j.path("members").findValues("nick").stream().map(JsonNode::asText)
                .toList(), "the joiner on B sees the member on A");
        JsonNode p = ann.await("presence");
        assertEquals("join", p.path("event").asText());
        assertEquals("Bo", p.path("member").path("nick").asText());
        assertEquals(2, p.path("count").asInt());

        WsClient cy = cluster.node(2).member();
        JsonNode taken = cy.request(Map.of("type", "join", "room", "anxiety", "nick", "ANN", "id", "j1"));
        assertEquals("nick_taken", taken.path("code").asText(), "a look-alike of a nick held on another node");
        JsonNode rooms = awaitMembers(cy, "anxiety", 2);
        assertEquals(2, rooms.path("members").asInt(), "the count on C includes members of A and B");

        JsonNode left = bo.request(Map.of("type", "leave", "room", "anxiety", "id", "l"));
        assertEquals("ok", left.path("type").asText());
        JsonNode gone = ann.await(m -> "presence".equals(m.path("type").asText())
                && "leave".equals(m.path("event").asText()), "Bo's leave on A");
        assertEquals(1, gone.path("count").asInt());
        JsonNode nowFree = cy.request(Map.of("type", "join", "room", "anxiety", "nick", "Bo", "id", "j2"));
        assertEquals("joined", nowFree.path("type").asText(), "a nick left on B is free on C: " + nowFree);
    }

    /** The {@code rooms} entry of {@code room} once it lists {@code n} members (counts follow within a moment). */
    private static JsonNode awaitMembers(WsClient c, String room, int n) throws Exception {
        long deadline = System.currentTimeMillis() + 5_000;
        int i = 0;
        while (true) {
            JsonNode rooms = c.request(Map.of("type", "rooms", "id", "r" + (i++)));
            for (JsonNode r : rooms.path("rooms")) {
                if (room.equals(r.path("room").asText()) && (r.path("members").asInt() == n
                        || System.currentTimeMillis() > deadline)) {
                    return r;
                }
            }
            Thread.sleep(50);
        }
    }
}
