package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.redis.RedisLink;
import org.kindred.server.testing.RedisServer;

/**
 * What one {@code send} costs in Redis round trips over the real server path, as the node's
 * {@link RedisLink} counts them ({@link RedisLink#commandsSent}), on a node whose background work
 * (liveness, sweeps) is minutes apart: one script per send, where it was three (the allowance,
 * the room's rules, the publish); a send the node's quick check refuses makes one lookup when it
 * carries an {@code id} (is it the retry of a delivered send?). The moderators' {@code queue} reply
 * looks every member connected to another node up in one round trip, however many there are.
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

    @Test
    void theQueueLooksEveryMemberOnAnotherNodeUpInOneRoundTrip() throws Exception {
        try (ClusterNodes cluster = ClusterNodes.sharingStore(2, b -> b, "{}", 600_000)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            a.server().bootstrapModerator("alex:correct horse battery");
            List<WsClient> staff = new ArrayList<>();
            WsClient mod = Moderators.watching(a.port(), Moderators.token(a.port(), "alex", "correct horse battery"),
                    staff);
            try {
                // on node B: a held message in general, a reported message (and its escalation) in
                // anxiety, a blocked one (an alert) in depression, each of another member
                WsClient ann = b.joined("general", "Ann");
                WsClient bo = b.joined("anxiety", "Bo");
                WsClient cy = b.joined("depression", "Cy");
                WsClient dee = b.joined("anxiety", "Dee");
                assertEquals("held", send(ann, "general", "my blog helped me example.org").path("status").asText());
                String msg = send(bo, "anxiety", "a hard day").path("msg").asText();
                JsonNode report = dee.request(Map.of("type", "report", "room", "anxiety", "msg", msg, "reason",
                        "self_harm", "id", "r"));
                assertEquals("ok", report.path("type").asText(), report.toString());
                assertEquals("blocked", send(cy, "depression", "k y s").path("code").asText());
                for (String type : List.of("mod.held", "mod.report", "mod.escalation", "mod.alert")) {
                    mod.await(type);
                }
                Thread.sleep(300); // every command of the above is answered

                RedisLink link = a.server().redisEngines().link();
                long before = link.commandsSent();
                JsonNode queue = mod.request(Map.of("type", "mod.queue", "id", "q"));
                long trips = link.commandsSent() - before;
                Map<String, String> nicks = Map.of(TestServer.welcomeMember(ann), "Ann", TestServer.welcomeMember(bo),
                        "Bo", TestServer.welcomeMember(cy), "Cy");
                int events = 0;
                for (String list : List.of("held", "reports", "escalations", "alerts")) {
                    assertEquals(1, queue.path(list).size(), list + ": " + queue);
                    JsonNode e = queue.path(list).get(0);
                    assertTrue(e.path("current").path("online").asBoolean(), "found through node B: " + e);
                    assertEquals(nicks.get(e.path("member").asText()), e.path("current").path("nick").asText(),
                            e.toString());
                    events++;
                }
                assertEquals(4, events);
                assertEquals(1, trips, "round trips for a queue of 4 events about 3 members on another node");
            } finally {
                for (WsClient c : staff) {
                    c.close();
                }
            }
        }
    }

    private static JsonNode send(WsClient c, String room, String text) throws Exception {
        return c.request(Map.of("type", "send", "room", room, "text", text, "id", "s" + System.nanoTime()));
    }
}
