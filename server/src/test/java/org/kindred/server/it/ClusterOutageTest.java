package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.RedisServer;

/**
 * Two nodes while their Redis goes away and comes back (empty: no persistence): {@code /readyz}
 * says not ready, a send fails at once with {@code internal} (never hangs) and nobody gets it;
 * afterwards the nodes carry on without a restart, {@code seq} keeps rising, and the members are
 * listed again with their nicknames. And while their PostgreSQL goes away: a brand-new room
 * talks, numbered from Redis's copy of the floors, and its numbers reach the store once it is back.
 */
class ClusterOutageTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static int readyz(TestServer s) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/readyz"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void awaitReadyz(TestServer s, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        int last;
        while ((last = readyz(s)) != status) {
            assertTrue(System.currentTimeMillis() < deadline, "readyz " + last + ", expected " + status);
            Thread.sleep(100);
        }
    }

    @Test
    void aRedisOutageFailsSendsFastAndTheNodesRecoverWithoutRestart() throws Exception {
        try (RedisServer redis = RedisServer.start(); ClusterNodes cluster = new ClusterNodes(redis, 2)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            awaitReadyz(a, 200);
            WsClient ann = a.joined("recovery", "Ann");
            WsClient bo = b.joined("recovery", "Bo");
            assertEquals("sent", ann.request(Map.of("type", "send", "room", "recovery", "text", "before",
                    "id", "s1")).path("type").asText());
            assertEquals(1, bo.await("message").path("seq").asLong());

            redis.stopServer();
            awaitReadyz(a, 503);
            awaitReadyz(b, 503);
            long t0 = System.nanoTime();
            JsonNode failed = ann.request(Map.of("type", "send", "room", "recovery", "text", "during", "id", "s2"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("internal", failed.path("code").asText(), failed.toString());
            assertTrue(ms < 3_000, "failed fast: " + ms + " ms");
            JsonNode stray = bo.poll(500);
            assertTrue(stray == null || !"message".equals(stray.path("type").asText()), "nobody got it: " + stray);

            redis.startServer();
            awaitReadyz(a, 200);
            awaitReadyz(b, 200);
            JsonNode after = null;
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                after = ann.request(Map.of("type", "send", "room", "recovery", "text", "after", "id",
                        "s3" + System.nanoTime()));
                if ("sent".equals(after.path("type").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            assertEquals("sent", after.path("type").asText(), String.valueOf(after));
            JsonNode m = bo.await(n -> "message".equals(n.path("type").asText()) && "after".equals(n.path("text")
                    .asText()), "the message after the outage on B");
            assertTrue(m.path("seq").asLong() > 1, "seq never goes backwards: " + m);

            // Redis came back empty: each node adds its members again, so they are listed and keep their nicks.
            WsClient cy = b.member();
            JsonNode j = null;
            long until = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < until) {
                j = cy.request(Map.of("type", "join", "room", "recovery", "nick", "ANN", "id", "j" + System.nanoTime()));
                if (!"joined".equals(j.path("type").asText())) {
                    break;
                }
                cy.request(Map.of("type", "leave", "room", "recovery", "id", "l" + System.nanoTime()));
                Thread.sleep(200);
            }
            assertEquals("nick_taken", j.path("code").asText(), "Ann holds her nickname again: " + j);
            java.util.Set<String> listed = java.util.Set.of();
            JsonNode joined = null;
            long by = System.currentTimeMillis() + 10_000;
            while (!listed.equals(java.util.Set.of("Ann", "Bo", "Cy")) && System.currentTimeMillis() < by) {
                if (joined != null) {
                    cy.request(Map.of("type", "leave", "room", "recovery", "id", "l" + System.nanoTime()));
                    Thread.sleep(200);
                }
                joined = cy.request(Map.of("type", "join", "room", "recovery", "nick", "Cy", "id", "j" + System.nanoTime()));
                listed = new java.util.HashSet<>(joined.path("members").findValues("nick").stream()
                        .map(JsonNode::asText).toList());
            }
            assertEquals(java.util.Set.of("Ann", "Bo", "Cy"), listed, "each node added its member again: " + joined);
        }
    }

    /** The store's floor of {@code room}, read directly (-1 when it has none). */
    private static long storedFloor(String url, String room) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
                java.sql.PreparedStatement st = c.prepareStatement("SELECT floor_seq FROM room_seq WHERE room = ?")) {
            st.setString(1, room);
            try (java.sql.ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    @Test
    void aPostgresOutageKeepsABrandNewRoomTalkingAndItsNumbersReachTheStoreWhenItIsBack() throws Exception {
        try (org.kindred.server.testing.PostgresServer pg = org.kindred.server.testing.PostgresServer.start()) {
            String url = pg.trustedUrl(pg.createDatabase());
            try (ClusterNodes cluster = new ClusterNodes(RedisServer.shared(), 2, ClusterNodes.freshPrefix(),
                    b -> b.database(url))) {
                long deadline = System.currentTimeMillis() + 10_000;
                while (!"1".equals(cluster.redis().command("EXISTS", cluster.prefix() + "{floors}:whole"))) {
                    assertTrue(System.currentTimeMillis() < deadline, "the nodes copied the floors into Redis");
                    Thread.sleep(50);
                }
                pg.stopServer();
                WsClient ann;
                WsClient bo;
                java.util.List<Long> seqs = new java.util.ArrayList<>();
                try {
                    ann = cluster.node(0).joined("anxiety", "Ann");
                    bo = cluster.node(1).joined("anxiety", "Bo");
                    for (int i = 0; i < 3; i++) {
                        for (WsClient c : java.util.List.of(ann, bo)) {
                            JsonNode r = c.request(Map.of("type", "send", "room", "anxiety", "text", "t" + i,
                                    "id", "s" + i));
                            assertEquals("sent", r.path("type").asText(), "chat goes on: " + r);
                        }
                    }
                    long by = System.currentTimeMillis() + 5_000;
                    while (bo.seen().stream().filter(n -> "message".equals(n.path("type").asText())).count() < 6
                            && System.currentTimeMillis() < by) {
                        bo.poll(100);
                    }
                    bo.seen().stream().filter(n -> "message".equals(n.path("type").asText()))
                            .forEach(n -> seqs.add(n.path("seq").asLong()));
                    assertEquals(java.util.List.of(1L, 2L, 3L, 4L, 5L, 6L), seqs,
                            "a brand-new room begins at 1 from Redis's whole copy, in order");
                } finally {
                    pg.startServer();
                }
                long until = System.currentTimeMillis() + 20_000;
                long stored;
                while ((stored = storedFloor(url, "anxiety")) < 6) {
                    assertTrue(System.currentTimeMillis() < until, "the numbers reached the store: " + stored);
                    Thread.sleep(200);
                }
                JsonNode r = ann.request(Map.of("type", "send", "room", "anxiety", "text", "after", "id", "s9"));
                assertEquals("sent", r.path("type").asText(), r.toString());
                JsonNode next = bo.await(n -> "message".equals(n.path("type").asText())
                        && "after".equals(n.path("text").asText()), "the message after the outage");
                assertEquals(7, next.path("seq").asLong(), "and numbering goes on");
            }
        }
    }
}
