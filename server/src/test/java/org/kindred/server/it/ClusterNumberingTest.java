package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.PostgresServer;
import org.kindred.server.testing.RedisServer;

/**
 * Several nodes publish as one that never delivers twice and never numbers backwards: a
 * {@code send} retried after its reply was lost (on the same connection, or after resuming on
 * another node) is delivered once and answered with the same {@code sent}; after Redis and
 * every node restarted, on one PostgreSQL, {@code seq} goes on above the last one; a member
 * resuming after Redis lost the room's history hears {@code recovered} false, not a silent gap.
 */
class ClusterNumberingTest {

    private static JsonNode send(WsClient c, String room, String text, String id) throws Exception {
        JsonNode r = c.request(Map.of("type", "send", "room", room, "text", text, "id", id));
        assertEquals("sent", r.path("type").asText(), r.toString());
        return r;
    }

    /** The {@code message} with {@code text}: already seen, or the next to arrive. */
    private static JsonNode message(WsClient c, String text) throws Exception {
        for (JsonNode m : c.seen()) {
            if ("message".equals(m.path("type").asText()) && text.equals(m.path("text").asText())) {
                return m;
            }
        }
        return c.await(m -> "message".equals(m.path("type").asText()) && text.equals(m.path("text").asText()),
                "the message '" + text + "'");
    }

    /** Exactly one {@code message} with {@code text} reached {@code c}, waiting a while for a second one. */
    private static void once(WsClient c, String text) throws Exception {
        long until = System.currentTimeMillis() + 700;
        while (System.currentTimeMillis() < until) {
            c.poll(100);
        }
        assertEquals(1, c.seen().stream().filter(m -> "message".equals(m.path("type").asText())
                && text.equals(m.path("text").asText())).count(), () -> "delivered once: " + c.seen());
    }

    @Test
    void aSendRetriedAfterItsReplyWasLostIsDeliveredOnceHereAndAfterAResumeOnAnotherNode() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(3)) {
            WsClient ann = cluster.node(0).joined("general", "Ann");
            WsClient bo = cluster.node(1).joined("general", "Bo");
            WsClient cy = cluster.node(2).joined("general", "Cy");
            ann.await("presence");
            bo.await("presence");

            JsonNode first = send(ann, "general", "is anyone around tonight?", "r1");
            JsonNode again = send(ann, "general", "is anyone around tonight?", "r1"); // the reply was lost
            assertEquals(first.path("msg").asText(), again.path("msg").asText(), "the same sent: " + again);
            String msg = message(cy, "is anyone around tonight?").path("msg").asText();
            assertEquals(first.path("msg").asText(), msg);
            once(cy, "is anyone around tonight?");
            once(ann, "is anyone around tonight?");

            String token = ann.firstSeen("welcome", "session");
            ann.send(Map.of("type", "send", "room", "general", "text", "still here, thank you", "id", "r2"));
            long seq = message(bo, "still here, thank you").path("seq").asLong(); // delivered; Ann never reads her sent
            ann.drop();
            cluster.awaitParked(token);
            WsClient back = WsClient.connect(cluster.node(1).port());
            cluster.node(1).track(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertEquals("welcome", w.path("type").asText(), w.toString());
            JsonNode retried = send(back, "general", "still here, thank you", "r2"); // retried on node B
            JsonNode original = bo.seen().stream().filter(m -> "still here, thank you".equals(m.path("text").asText()))
                    .findFirst().orElseThrow();
            assertEquals(original.path("msg").asText(), retried.path("msg").asText(),
                    "the retry through another node gets the first one's sent");
            once(bo, "still here, thank you");
            once(cy, "still here, thank you");

            send(back, "general", "still here, thank you", "r3"); // a new request with the same words is new
            JsonNode fresh = cy.await(m -> "message".equals(m.path("type").asText())
                    && "still here, thank you".equals(m.path("text").asText()), "the new request's message");
            assertEquals(seq + 1, fresh.path("seq").asLong(), "the retry used no number; the new request is delivered");
        }
    }

    @Test
    void afterRedisAndEveryNodeRestartedSeqGoesOnAboveTheLastOne() throws Exception {
        PostgresServer pg = PostgresServer.shared();
        String url = pg.trustedUrl(pg.createDatabase());
        String prefix = ClusterNodes.freshPrefix();
        try (RedisServer redis = RedisServer.start()) {
            long last;
            try (ClusterNodes before = new ClusterNodes(redis, 2, prefix, b -> b.database(url))) {
                WsClient ann = before.node(0).joined("general", "Ann");
                WsClient bo = before.node(1).joined("general", "Bo");
                ann.await("presence");
                send(ann, "general", "one", "s1");
                send(bo, "general", "two", "s2");
                send(ann, "general", "three", "s3");
                last = message(bo, "three").path("seq").asLong();
            }
            redis.stopServer(); // memory only: numbering, history and requests are gone
            redis.startServer();
            try (ClusterNodes after = new ClusterNodes(redis, 2, prefix, b -> b.database(url))) {
                WsClient cy = after.node(1).joined("general", "Cy");
                WsClient di = after.node(0).joined("general", "Di");
                cy.await("presence");
                assertEquals(0, di.seenOrAwait("joined").path("history").size(), "history is memory only");
                send(di, "general", "hello again", "s1");
                long next = message(cy, "hello again").path("seq").asLong();
                assertTrue(next > last, "seq never goes backwards: " + next + " after " + last);
                assertEquals(next, message(di, "hello again").path("seq").asLong());
                send(cy, "general", "and again", "s2");
                assertEquals(next + 1, message(di, "and again").path("seq").asLong());
            }
        }
    }

    @Test
    void aMemberResumingAfterRedisLostTheRoomsHistoryIsToldItWasNotRecovered() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(2)) {
            WsClient ann = cluster.node(0).joined("grief", "Ann");
            WsClient bo = cluster.node(1).joined("grief", "Bo");
            ann.await("presence");
            String token = ann.firstSeen("welcome", "session");
            send(bo, "grief", "before", "s1");
            message(ann, "before");
            ann.drop();
            cluster.awaitParked(token);
            send(bo, "grief", "while Ann was away", "s2");
            String p = cluster.prefix() + "{grief}:";
            cluster.redis().command("DEL", p + "seq", p + "hist", p + "epoch", p + "ceil"); // the room's keys are gone

            WsClient back = WsClient.connect(cluster.node(1).port());
            cluster.node(1).track(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertEquals("welcome", w.path("type").asText(), w.toString());
            assertFalse(w.path("recovered").asBoolean(true), "history was lost: not recovered: " + w);
            JsonNode rejoined = back.request(Map.of("type", "join", "room", "grief", "id", "j"));
            assertEquals("joined", rejoined.path("type").asText(), "the member joins again, as told: " + rejoined);

            send(bo, "grief", "after", "s3");
            long after = message(back, "after").path("seq").asLong();
            long before = message(bo, "while Ann was away").path("seq").asLong();
            assertTrue(after > before, "numbering goes on above: " + after + " after " + before);
        }
    }
}
