package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.redis.RedisEngines;
import org.kindred.server.testing.RedisServer;

/**
 * A node in its own JVM killed with SIGKILL: its members are announced as gone to the members of
 * the surviving node (within its liveness TTL plus a grace period), are no longer listed to
 * joiners, and their nicknames are free again.
 */
class ClusterNodeDeathTest {

    @Test
    void theMembersOfAKilledNodeLeaveForEveryoneElse() throws Exception {
        java.nio.file.Path data = org.kindred.server.testing.TempPaths.directory("kindred-node");
        try {
            membersOfAKilledNodeLeave(data);
        } finally {
            org.kindred.server.testing.ExternalServices.deleteTree(data);
        }
    }

    private static void membersOfAKilledNodeLeave(java.nio.file.Path data) throws Exception {
        try (RedisServer redis = RedisServer.start();
                ClusterNodes cluster = new ClusterNodes(redis, 1, RedisEngines.PREFIX);
                ServerProcess doomed = ServerProcess.start(data, Map.of("KINDRED_REDIS", redis.uri()))) {
            TestServer a = cluster.node(0);
            WsClient ann = a.joined("general", "Ann");
            WsClient pat = WsClient.connect(doomed.port());
            assertEquals("welcome", pat.request(Map.of("type", "hello", "v", 1, "id", "h")).path("type").asText());
            JsonNode j = pat.request(Map.of("type", "join", "room", "general", "nick", "Pat", "id", "j"));
            assertEquals("joined", j.path("type").asText(), j.toString());
            assertEquals(List.of("Ann", "Pat"), j.path("members").findValues("nick").stream().map(JsonNode::asText)
                    .toList());
            JsonNode joined = ann.await("presence");
            assertEquals("Pat", joined.path("member").path("nick").asText());

            doomed.kill();
            long t0 = System.currentTimeMillis();
            JsonNode left = null;
            while (left == null && System.currentTimeMillis() - t0 < 30_000) {
                JsonNode n = ann.poll(1_000);
                if (n != null && "presence".equals(n.path("type").asText()) && "leave".equals(n.path("event").asText())) {
                    left = n;
                }
            }
            assertTrue(left != null, "Pat's leave was announced on A; seen " + ann.seen());
            long ms = System.currentTimeMillis() - t0;
            assertEquals("Pat", left.path("member").path("nick").asText());
            assertEquals(1, left.path("count").asInt());
            assertTrue(ms < RedisEngines.NODE_TTL_MS + 2 * ClusterNodes.NODE_TTL_MS + 2_000, "announced in " + ms + " ms");
            JsonNode extra = ann.poll(2 * ClusterNodes.NODE_TTL_MS);
            assertTrue(extra == null || !"presence".equals(extra.path("type").asText()), "announced once: " + extra);

            WsClient again = a.member();
            JsonNode j2 = again.request(Map.of("type", "join", "room", "general", "nick", "Pat", "id", "j2"));
            assertEquals("joined", j2.path("type").asText(), "the nickname is free again: " + j2);
            assertEquals(List.of("Ann", "Pat"), j2.path("members").findValues("nick").stream()
                    .map(JsonNode::asText).toList(), "the dead node's Pat is not listed, the new one is");
        }
    }
}
