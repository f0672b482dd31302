package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.redis.RedisLink;
import org.kindred.server.testing.RedisServer;

/**
 * What one {@code send} costs in Redis round trips over the real server path, as the node's
 * {@link RedisLink} counts them ({@link RedisLink#commandsSent}), on a node whose background work
 * (liveness, sweeps) is minutes apart: one script per send, where it was three (the allowance,
 * the room's rules, the publish); a send the node's quick check refuses makes one lookup when it
 * carries an {@code id} (is it the retry of a delivered send?).
 */
class ClusterRoundTripsTest {
    private static final int SENDS = 10;

    @Test
    void aSendIsOneRedisRoundTrip() throws Exception {
        try (TestServer node = new TestServer(b -> b.redis(RedisServer.shared().uri()),
                "{\"moderation\":{\"memberBurst\":1000,\"memberRatePerSecond\":1000.0}}",
                k -> k.redisKeys(ClusterNodes.freshPrefix(), 600_000))) {
            RedisLink link = node.server().redisEngines().link();
            WsClient ann = node.joined("general", "Ann");
            WsClient bo = node.joined("general", "Bo");
            ann.await("presence");
            // the room's first message begins its numbering (the floor read from the store and the
            // ceiling set: two more round trips, once per room and per 500 messages)
            assertEquals("sent", ann.request(Map.of("type", "send", "room", "general", "text", "hi", "id", "s"))
                    .path("type").asText());
            bo.await("message");
            Thread.sleep(300); // every command of the joins and the first message is answered
            long before = link.commandsSent();
            for (int i = 0; i < SENDS; i++) {
                JsonNode r = ann.request(Map.of("type", "send", "room", "general", "text", "thought " + i, "id",
                        "s" + i));
                assertEquals("sent", r.path("type").asText(), r.toString());
            }
            for (int i = 0; i < SENDS; i++) {
                bo.await("message");
            }
            assertEquals(SENDS, link.commandsSent() - before, "round trips for " + SENDS + " sends");

            long refusedBefore = link.commandsSent();
            JsonNode refused = bo.request(Map.of("type", "send", "room", "anxiety", "text", "hello", "id", "b1"));
            assertEquals("not_in_room", refused.path("code").asText(), refused.toString());
            bo.send(Map.of("type", "send", "room", "anxiety", "text", "hello"));
            JsonNode anonymous = bo.await("error");
            assertEquals("not_in_room", anonymous.path("code").asText(), anonymous.toString());
            assertEquals(1, link.commandsSent() - refusedBefore, "a lookup for the refused send with an id only");
        }
    }
}
