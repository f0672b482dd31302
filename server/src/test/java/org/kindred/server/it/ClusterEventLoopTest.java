package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.redis.RedisLink;

/**
 * Over the real server path with Redis engines, no call that waits for Redis runs on an event
 * loop (or on Lettuce's I/O threads): the node's {@link RedisLink} refuses and counts every such
 * call, and the requests of a member's visit (join, send, typing, report, leave, rooms) make
 * none, while they do make waiting calls on the rooms' workers.
 */
class ClusterEventLoopTest {

    @Test
    void noRedisCallWaitsOnAnEventLoop() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(1)) {
            TestServer node = cluster.node(0);
            RedisLink link = node.server().redisEngines().link();
            long before = link.waits();
            WsClient ann = node.joined("general", "Ann");
            WsClient bo = node.joined("general", "Bo");
            JsonNode sent = ann.request(Map.of("type", "send", "room", "general", "text", "hello there", "id", "s1"));
            assertEquals("sent", sent.path("type").asText(), sent.toString());
            JsonNode msg = bo.await("message");
            ann.send(Map.of("type", "typing", "room", "general", "id", "t1"));
            bo.await("typing");
            JsonNode report = bo.request(Map.of("type", "report", "room", "general", "msg", msg.path("msg").asText(),
                    "reason", "spam", "id", "r1"));
            assertTrue(report.has("type"), report.toString());
            JsonNode rooms = bo.request(Map.of("type", "rooms", "id", "l1"));
            assertEquals("rooms", rooms.path("type").asText());
            JsonNode left = ann.request(Map.of("type", "leave", "room", "general", "id", "x1"));
            assertEquals("ok", left.path("type").asText(), left.toString());
            bo.await("presence");
            assertEquals(0, link.refusedWaits(), "waiting Redis calls on an event loop");
            assertTrue(link.waits() > before, "the room's calls did wait for Redis (on its worker)");
        }
    }
}
