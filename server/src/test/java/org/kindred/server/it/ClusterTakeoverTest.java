package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.RedisServer;

/**
 * A member still connected to a node when it stops serving, or when the member comes back on
 * another node before its node noticed the old connection was gone: its session is taken over
 * where it resumes, with its member id, rooms and nickname, {@code recovered} true and the
 * messages it missed; nobody hears it leave; the node that held it (if alive) closes its copy;
 * of two nodes racing for the same session, one gets it.
 */
class ClusterTakeoverTest {
    /** How often a node of {@link ClusterNodes} says it is alive, ms. */
    private static final long HEARTBEAT_MS = ClusterNodes.NODE_TTL_MS / 3;

    private static JsonNode send(WsClient c, String room, String text, String id) throws Exception {
        JsonNode r = c.request(Map.of("type", "send", "room", room, "text", text, "id", id));
        assertEquals("sent", r.path("type").asText(), r.toString());
        return r;
    }

    /**
     * Makes {@code node} vanish from the cluster as a killed process would, but inside this JVM:
     * it stops refreshing its liveness and stops talking to Redis and to the other nodes; its
     * clients' sockets stay open (they just hear nothing more), so it parks nobody.
     */
    static void vanish(TestServer node) {
        node.server().staff().events().close();
        node.server().redisEngines().close();
    }

    private static boolean heardOf(WsClient c, String member, String type) {
        return c.seen().stream().anyMatch(m -> type.equals(m.path("type").asText())
                && member.equals(m.path("member").path("id").asText()));
    }

    @Test
    void aMemberOfAVanishedNodeResumesOnAnotherWithExactlyWhatItMissed() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(2)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            WsClient ann = a.joined("general", "Ann");
            WsClient bo = b.joined("general", "Bo");
            ann.await("presence");
            String token = ann.firstSeen("welcome", "session");
            String member = ann.firstSeen("welcome", "member", "id");
            send(bo, "general", "first", "s1");
            long seen = ann.await("message").path("seq").asLong();
            Thread.sleep(2 * HEARTBEAT_MS); // A says it lives once more after Ann got "first"

            vanish(a);
            send(bo, "general", "while away one", "s2");
            send(bo, "general", "while away two", "s3");
            assertFalse(ann.isClosed(), "Ann's socket to A is still open: A parked nothing");

            WsClient back = WsClient.connect(b.port());
            b.track(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertEquals("welcome", w.path("type").asText(), w.toString());
            assertEquals(member, w.path("member").path("id").asText(), "the same member: " + w);
            assertTrue(w.path("recovered").asBoolean(false), "recovered: " + w);
            List<JsonNode> missed = List.of(back.await("message"), back.await("message"));
            assertEquals(List.of("while away one", "while away two"), missed.stream()
                    .map(m -> m.path("text").asText()).toList());
            assertEquals(List.of(seen + 1, seen + 2), missed.stream().map(m -> m.path("seq").asLong()).toList());
            JsonNode extra = back.poll(500);
            assertTrue(extra == null || !"message".equals(extra.path("type").asText()), "nothing twice: " + extra);

            send(back, "general", "still me", "s4");
            JsonNode heard = bo.await(m -> "message".equals(m.path("type").asText())
                    && "still me".equals(m.path("text").asText()), "Ann's message on B");
            assertEquals(List.of("Ann", member), List.of(heard.path("from").path("nick").asText(),
                    heard.path("from").path("id").asText()), "the same nickname and member");

            Thread.sleep(3 * ClusterNodes.NODE_TTL_MS + 1_000); // A's liveness expired, sweeps and grace passed
            bo.poll(100);
            assertFalse(heardOf(bo, member, "presence"), () -> "nobody heard Ann leave or join: " + bo.seen());
            JsonNode j = cluster.node(1).member().request(Map.of("type", "join", "room", "general", "id", "j"));
            assertEquals(List.of("Ann", "Bo"), j.path("members").findValues("nick").stream().map(JsonNode::asText)
                    .filter(n -> !n.equals(j.path("you").path("nick").asText())).sorted().toList(),
                    "Ann is listed once, as on B: " + j);

            WsClient stale = WsClient.connect(b.port());
            b.track(stale);
            JsonNode w2 = stale.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertNotEquals(member, w2.path("member").path("id").asText(), "the old token resumes nowhere");
        }
    }

    @Test
    void aResumeElsewhereWhileTheOldNodeStillHoldsTheSessionTakesItOverAndTheOldCopyCloses() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(2)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            WsClient ann = a.joined("general", "Ann");
            WsClient bo = b.joined("general", "Bo");
            ann.await("presence");
            String token = ann.firstSeen("welcome", "session");
            String member = ann.firstSeen("welcome", "member", "id");
            send(bo, "general", "first", "s1");
            ann.await("message");
            Thread.sleep(2 * HEARTBEAT_MS);

            WsClient back = WsClient.connect(b.port()); // Ann's network changed; A has not noticed
            b.track(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertEquals(member, w.path("member").path("id").asText(), "the same member: " + w);
            assertTrue(w.path("recovered").asBoolean(false), "recovered: " + w);
            assertEquals(1000, ann.awaitClose(), "A closed its copy normally");
            long deadline = System.currentTimeMillis() + 5_000;
            while (a.server().sessions().byMember(member).isPresent()) {
                assertTrue(System.currentTimeMillis() < deadline, "A no longer holds Ann's session");
                Thread.sleep(20);
            }
            JsonNode replayed = back.poll(300);
            assertTrue(replayed == null || !"message".equals(replayed.path("type").asText()),
                    "nothing was missed: " + replayed);

            send(bo, "general", "after", "s2");
            JsonNode after = back.await("message");
            assertEquals("after", after.path("text").asText());
            send(back, "general", "here now", "s3");
            JsonNode heard = bo.await(m -> "message".equals(m.path("type").asText())
                    && "here now".equals(m.path("text").asText()), "Ann's message on B");
            assertEquals("Ann", heard.path("from").path("nick").asText());
            JsonNode more = back.poll(500);
            assertTrue(more == null || !"after".equals(more.path("text").asText()), "once: " + more);
            Thread.sleep(2 * ClusterNodes.NODE_TTL_MS);
            bo.poll(100);
            assertFalse(heardOf(bo, member, "presence"), () -> "nobody heard Ann leave or join: " + bo.seen());
        }
    }

    @Test
    void afterRedisRestartedEmptyTheNodesRecordTheirConnectedSessionsAgain() throws Exception {
        try (RedisServer redis = RedisServer.start(); ClusterNodes cluster = new ClusterNodes(redis, 2)) {
            WsClient ann = cluster.node(0).joined("general", "Ann");
            String token = ann.firstSeen("welcome", "session");
            String member = ann.firstSeen("welcome", "member", "id");
            String live = cluster.prefix() + "live:" + org.kindred.server.common.Ids.hash(token);
            assertEquals("1", redis.command("EXISTS", live), "Ann's session is recorded");

            redis.stopServer();
            redis.startServer(); // empty: no persistence
            long deadline = System.currentTimeMillis() + 15_000;
            while (!"1".equals(redis.command("EXISTS", live))) {
                assertTrue(System.currentTimeMillis() < deadline, "node A recorded Ann's session again");
                Thread.sleep(100);
            }
            Thread.sleep(2 * HEARTBEAT_MS);
            vanish(cluster.node(0));
            WsClient back = WsClient.connect(cluster.node(1).port());
            cluster.node(1).track(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertEquals(member, w.path("member").path("id").asText(), "Ann resumes on B: " + w);
        }
    }

    @Test
    void ofTwoNodesRacingForOneSessionExactlyOneTakesIt() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(3)) {
            WsClient ann = cluster.node(0).joined("general", "Ann");
            String token = ann.firstSeen("welcome", "session");
            String member = ann.firstSeen("welcome", "member", "id");
            vanish(cluster.node(0));
            List<WsClient> racers = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                WsClient c = WsClient.connect(cluster.node(i).port());
                cluster.node(i).track(c);
                racers.add(c);
            }
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<JsonNode>> welcomes = new ArrayList<>();
            for (WsClient c : racers) {
                welcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return c.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            go.countDown();
            List<JsonNode> ws = new ArrayList<>();
            for (CompletableFuture<JsonNode> f : welcomes) {
                ws.add(f.get(10, TimeUnit.SECONDS));
            }
            long same = ws.stream().filter(w -> member.equals(w.path("member").path("id").asText())).count();
            assertEquals(1, same, "one node took Ann's session: " + ws);
            JsonNode winner = ws.stream().filter(w -> member.equals(w.path("member").path("id").asText()))
                    .findFirst().orElseThrow();
            assertTrue(winner.path("recovered").asBoolean(false), winner.toString());
        }
    }
}
