package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.RedisServer;

/**
 * A member's send allowance is one for the whole cluster (two nodes, one real Redis, real
 * sockets): a member who moves between the nodes by resuming reaches {@code rate_limited} after
 * the same number of sends as on one node, and the refusal says how long to wait.
 */
class ClusterRateLimitTest {
    /** Four sends at once, then one every 100 s; the network's allowance stays out of the way. */
    private static final String FOUR_AT_ONCE = "{\"moderation\":{\"memberBurst\":4,\"memberRatePerSecond\":0.01,"
            + "\"networkBurst\":10000,\"networkRatePerSecond\":10000.0}}";

    private static JsonNode send(WsClient c, String text, String id) throws Exception {
        return c.request(Map.of("type", "send", "room", "general", "text", text, "id", id));
    }

    @Test
    void aMemberAlternatingBetweenNodesHasOneAllowance() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(RedisServer.shared(), 2, ClusterNodes.freshPrefix(), b -> b,
                FOUR_AT_ONCE)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            WsClient ann = a.joined("general", "Ann");
            assertEquals("sent", send(ann, "first thought", "s1").path("type").asText());
            assertEquals("sent", send(ann, "second thought", "s2").path("type").asText());

            WsClient onB = ClusterModerationTest.resumeOn(cluster, ann, b);
            assertEquals("sent", send(onB, "third thought", "s3").path("type").asText());
            assertEquals("sent", send(onB, "fourth thought", "s4").path("type").asText());
            JsonNode limited = send(onB, "fifth thought", "s5");
            assertEquals("rate_limited", limited.path("code").asText(), "four in all, whichever node: " + limited);
            long wait = limited.path("retryAfterMs").asLong();
            assertTrue(wait > 90_000 && wait <= 100_000, "about 100 s until the next one: " + wait);

            WsClient backOnA = ClusterModerationTest.resumeOn(cluster, onB, a);
            assertEquals("rate_limited", send(backOnA, "sixth thought", "s6").path("code").asText(),
                    "and on A again");
            WsClient bo = b.joined("general", "Bo");
            assertEquals("sent", send(bo, "hello all", "b1").path("type").asText(), "another member is apart");
        }
    }
}
