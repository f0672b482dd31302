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
            JsonNode hug = bo.request(Map.of("type", "react", "room", "general", "msg", msg.path("msg").asText(),
                    "reaction", "hug", "id", "h1"));
            assertEquals("ok", hug.path("type").asText(), hug.toString());
            assertEquals(1, ann.await("reaction").path("count").asInt());
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

    /**
     * The stall check: while Redis answers nothing (paused for {@value #PAUSE_MS} ms), members and a
     * moderator on two nodes send requests that need it (posts, typing, a join, a resume from the
     * other node, the moderator's queue, a lock, a mute of a member on the other node, a report), and
     * every event loop of both nodes still answers a request of its own (the room list) within
     * moments, before Redis is back: no event loop waits for Redis, directly (the link refuses and
     * counts it) or through a future it blocks on. The requests that needed Redis are answered
     * once it is back, none with {@code internal}.
     */
    @Test
    void everyEventLoopAnswersWhileRedisIsPausedUnderMembersAndStaffRequests() throws Exception {
        try (ClusterNodes cluster = ClusterNodes.sharingStore(2, b -> b, "{}", 20_000)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            a.server().bootstrapModerator("alex:correct horse battery");
            java.util.List<WsClient> staff = new java.util.ArrayList<>();
            WsClient mod = Moderators.watching(a.port(), Moderators.token(a.port(), "alex", "correct horse battery"),
                    staff);
            try {
                WsClient ann = b.joined("general", "Ann");
                WsClient bo = a.joined("general", "Bo");
                WsClient cy = b.member();
                WsClient dee = b.joined("general", "Dee");
                String annId = TestServer.welcomeMember(ann);
                String msg = ann.request(Map.of("type", "send", "room", "general", "text", "hello there", "id", "s0"))
                        .path("msg").asText();
                bo.await("message");
                String deeToken = TestServer.welcomeSession(dee);
                dee.drop();
                cluster.awaitParked(deeToken);
                java.util.List<WsClient> probes = new java.util.ArrayList<>();
                for (TestServer node : cluster.all()) {
                    for (int i = 0; i < 2 * Runtime.getRuntime().availableProcessors(); i++) {
                        probes.add(node.member()); // consecutive connections: every event loop of the node
                    }
                }
                WsClient back = WsClient.connect(a.port());
                a.track(back);
                long refusedBefore = a.server().redisEngines().link().refusedWaits()
                        + b.server().redisEngines().link().refusedWaits();

                assertEquals("OK", cluster.redis().command("CLIENT", "PAUSE", String.valueOf(PAUSE_MS), "ALL"));
                long paused = System.nanoTime();
                ann.send(Map.of("type", "send", "room", "general", "text", "still there?", "id", "s1"));
                bo.send(Map.of("type", "typing", "room", "general", "id", "t1"));
                bo.send(Map.of("type", "report", "room", "general", "msg", msg, "reason", "spam", "id", "r1"));
                cy.send(Map.of("type", "join", "room", "anxiety", "nick", "Cy", "id", "j1"));
                back.send(Map.of("type", "hello", "v", 1, "id", "h1", "resume", deeToken));
                mod.send(Map.of("type", "mod.queue", "id", "q1"));
                mod.send(Map.of("type", "mod.lock", "room", "anxiety", "locked", true, "id", "k1"));
                mod.send(Map.of("type", "mod.mute", "room", "general", "member", annId, "seconds", 60, "id", "m1"));
                long slowest = 0;
                for (WsClient p : probes) {
                    long asked = System.nanoTime();
                    JsonNode rooms = p.request(Map.of("type", "rooms", "id", "p" + asked));
                    assertEquals("rooms", rooms.path("type").asText(), rooms.toString());
                    slowest = Math.max(slowest, System.nanoTime() - paused);
                }
                assertTrue(slowest < java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(PAUSE_MS - 400),
                        "every event loop answered while Redis was paused: the last after "
                                + slowest / 1_000_000 + " ms of " + PAUSE_MS);

                JsonNode sent = ann.await(n -> "s1".equals(n.path("id").asText()), "the post made during the pause");
                long answered = System.nanoTime() - paused;
                assertEquals("sent", sent.path("type").asText(), sent.toString());
                assertTrue(answered >= java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(PAUSE_MS - 300),
                        "the post waited for Redis (" + answered / 1_000_000 + " ms): the pause held");
                for (Map.Entry<WsClient, String> r : Map.of(bo, "r1", cy, "j1", back, "h1", mod, "q1").entrySet()) {
                    JsonNode reply = reply(r.getKey(), r.getValue());
                    assertTrue(!"internal".equals(reply.path("code").asText()), reply.toString());
                }
                JsonNode resumed = back.seen().stream().filter(n -> "h1".equals(n.path("id").asText())).findFirst()
                        .orElseThrow();
                assertTrue(resumed.path("recovered").asBoolean(false), "resumed on the other node: " + resumed);
                for (String id : java.util.List.of("k1", "m1")) {
                    JsonNode reply = reply(mod, id);
                    assertEquals("ok", reply.path("type").asText(), reply.toString());
                }
                assertEquals(refusedBefore, a.server().redisEngines().link().refusedWaits()
                        + b.server().redisEngines().link().refusedWaits(), "waiting Redis calls on an event loop");
            } finally {
                for (WsClient c : staff) {
                    c.close();
                }
            }
        }
    }

    /** How long the stall check pauses Redis, ms: under the commands' 2 s timeout. */
    private static final long PAUSE_MS = 1_500;

    /**
     * The reply to request {@code id} on {@code c}, already received or the next to arrive: the
     * replies to one client's requests may come in any order while Redis is paused (a mute in one
     * room can answer before a lock in another), and {@link WsClient#await} keeps what it passes
     * over in {@link WsClient#seen()} rather than handing it out again.
     */
    private static JsonNode reply(WsClient c, String id) throws InterruptedException {
        for (JsonNode n : c.seen()) {
            if (id.equals(n.path("id").asText())) {
                return n;
            }
        }
        return c.await(n -> id.equals(n.path("id").asText()), id);
    }
}
