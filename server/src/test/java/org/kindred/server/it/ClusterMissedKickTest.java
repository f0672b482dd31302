package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.RedisServer;

/**
 * A kick whose staff event a node missed (Redis pub/sub keeps nothing while a node's subscription
 * is down) still removes the member: the kick's cool-off is in the shared room rules, and a node
 * whose staff-events subscription comes back removes every member seated through it that is
 * cooling off.
 */
class ClusterMissedKickTest {

    @Test
    void aMemberKickedWhileTheirNodeMissedTheEventIsRemovedWhenItsSubscriptionComesBack() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(RedisServer.shared(), 2)) {
            WsClient bo = cluster.node(1).joined("grief", "Bo");
            WsClient dee = cluster.node(0).joined("grief", "Dee");
            String member = TestServer.welcomeMember(bo);
            // What a kick made on A leaves when B missed its event: the cool-off in the shared rules, nothing else.
            long until = System.currentTimeMillis() + 120_000;
            cluster.redis().command("SET", cluster.prefix() + "{grief}:cool:" + member, String.valueOf(until),
                    "PXAT", String.valueOf(until));
            JsonNode early = bo.poll(500);
            assertTrue(early == null || !"kicked".equals(early.path("type").asText()), "nothing told B yet: " + early);

            cluster.redis().command("CLIENT", "KILL", "TYPE", "pubsub"); // every node's subscriptions drop and come back
            JsonNode kicked = bo.await("kicked");
            assertEquals("grief", kicked.path("room").asText(), kicked.toString());
            dee.await(n -> "presence".equals(n.path("type").asText()) && "leave".equals(n.path("event").asText())
                    && member.equals(n.path("member").path("id").asText()), "the room on A sees Bo leave");
            JsonNode again = bo.request(Map.of("type", "join", "room", "grief", "nick", "Bo", "id", "j2"));
            assertEquals("forbidden", again.path("code").asText(), "still cooling off: " + again);
            JsonNode post = dee.request(Map.of("type", "send", "room", "grief", "text", "still here", "id", "s1"));
            assertEquals("sent", post.path("type").asText(), "a member not kicked stays: " + post);
        }
    }
}
