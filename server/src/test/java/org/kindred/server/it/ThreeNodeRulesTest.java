package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;

/**
 * A room's rules hold for a member who moves between three server processes ({@link ThreeNodes}:
 * one real Redis and PostgreSQL, real WebSockets): slow mode and the lock set through one node
 * hold on the others, a retry of a post already delivered gets its first {@code sent} whatever
 * they say now, and the send allowance is one for the cluster, not one per node. This class
 * starts a cluster of its own, whose members may send five at once, then one per 100 s, and uses
 * its rooms by name only ({@code order}: slow mode, {@code late}: the lock, {@code resume}: the
 * allowance).
 */
class ThreeNodeRulesTest {
    private static ThreeNodes nodes;
    private static WsClient mod;

    @BeforeAll
    static void start() throws Exception {
        nodes = ThreeNodes.start("{networkBurst: 10000, networkRatePerSecond: 10000.0, memberBurst: 5,"
                + " memberRatePerSecond: 0.01}");
    }

    @AfterEach
    void closeClients() {
        nodes.closeClients();
        mod = null;
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static JsonNode send(WsClient c, String room, String text, String id) throws Exception {
        return c.request(Map.of("type", "send", "room", room, "text", text, "id", id));
    }

    /** A moderator's request through node 0, which must be answered {@code ok}. */
    private static void modRequest(Map<String, Object> request) throws Exception {
        if (mod == null) {
            mod = nodes.moderator(0);
        }
        Map<String, Object> m = new HashMap<>(request);
        m.put("id", Ids.of("q"));
        JsonNode r = mod.request(m);
        assertEquals("ok", r.path("type").asText(), r.toString());
    }

    /** Drops {@code c} and resumes its session on node {@code i}: the same member there. */
    private static WsClient resumeOn(WsClient c, int i) throws Exception {
        String token = TestServer.welcomeSession(c);
        String member = TestServer.welcomeMember(c);
        c.drop();
        String parked = ThreeNodes.PARK_PREFIX + Ids.hash(token);
        long deadline = System.currentTimeMillis() + 5_000;
        while (!"1".equals(nodes.redis().command("EXISTS", parked))) {
            assertTrue(System.currentTimeMillis() < deadline, "the dropped session was parked");
            Thread.sleep(20);
        }
        WsClient back = nodes.raw(i, null);
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
        assertEquals(member, w.path("member").path("id").asText(), "resumed as the same member: " + w);
        return back;
    }

    @Test
    void slowModeHoldsOnEveryNodeAndARetryOfTheDeliveredPostGetsItsFirstSent() throws Exception {
        String room = "order";
        WsClient ann = nodes.joined(1, room, "Ann");
        modRequest(Map.of("type", "mod.slow", "room", room, "seconds", 30));
        JsonNode first = send(ann, room, "one thought", "s1");
        assertEquals("sent", first.path("type").asText(), first.toString());

        WsClient onC = resumeOn(ann, 2);
        JsonNode held = send(onC, room, "and another", "s2");
        assertEquals("slow_mode", held.path("code").asText(), "the post on B counts on C: " + held);
        long wait = held.path("retryAfterMs").asLong();
        assertTrue(wait > 20_000 && wait <= 30_000, "waits what is left of 30 s: " + wait);
        JsonNode retry = send(onC, room, "one thought", "s1");
        assertEquals("sent", retry.path("type").asText(), "a retry of the delivered post, under slow mode: " + retry);
        assertEquals(first.path("msg").asText(), retry.path("msg").asText(), "the same message");

        WsClient onA = resumeOn(onC, 0);
        assertEquals("slow_mode", send(onA, room, "still me", "s3").path("code").asText(), "and on A");
        assertEquals(first.path("msg").asText(), send(onA, room, "one thought", "s1").path("msg").asText(),
                "the retry again, on A");
        WsClient bo = nodes.joined(0, room, "Bo");
        JsonNode boSent = send(bo, room, "hello", "b1");
        assertEquals("sent", boSent.path("type").asText(), "another member is apart: " + boSent);
        JsonNode msg = onA.await(m -> "message".equals(m.path("type").asText()) && "hello".equals(m.path("text")
                .asText()), "Bo's message");
        assertEquals(2, msg.path("seq").asLong(), "the retries used no number and were not delivered again");
    }

    @Test
    void aLockMadeOnOneNodeRefusesPostsOnTheOthersButNotTheRetryOfADeliveredPost() throws Exception {
        String room = "late";
        WsClient ann = nodes.joined(1, room, "Ann");
        WsClient bo = nodes.joined(2, room, "Bo");
        JsonNode before = send(ann, room, "before the lock", "s1");
        assertEquals("sent", before.path("type").asText(), before.toString());
        modRequest(Map.of("type", "mod.lock", "room", room, "locked", true));
        JsonNode refused = send(bo, room, "anyone there?", "b1");
        assertEquals("room_locked", refused.path("code").asText(), "posting on C: " + refused);
        WsClient onC = resumeOn(ann, 2);
        assertEquals("room_locked", send(onC, room, "hello?", "s2").path("code").asText(), "Ann on C");
        JsonNode retry = send(onC, room, "before the lock", "s1");
        assertEquals(before.path("msg").asText(), retry.path("msg").asText(),
                "the retry of a post delivered before the lock gets its sent: " + retry);

        modRequest(Map.of("type", "mod.lock", "room", room, "locked", false));
        bo.await(m -> "notice".equals(m.path("type").asText()) && "unlocked".equals(m.path("code").asText()),
                "the unlock on C");
        JsonNode after = send(bo, room, "thanks", "b2");
        assertEquals("sent", after.path("type").asText(), after.toString());
        JsonNode heard = onC.await(m -> "message".equals(m.path("type").asText())
                && "thanks".equals(m.path("text").asText()), "Bo's message");
        assertEquals(2, heard.path("seq").asLong(), "nothing held used a number");
    }

    /**
     * Five sends at once, then one per 100 s: a member who spends them on node A and moves to node
     * B finds them spent there too (with an allowance per node B would let five more through), and
     * on node C a retry of a delivered send is still answered.
     */
    @Test
    void theSendAllowanceIsOneForAMemberAlternatingNodes() throws Exception {
        String room = "resume";
        WsClient ann = nodes.joined(0, room, "Ann");
        for (int i = 1; i <= 3; i++) {
            JsonNode r = send(ann, room, "thought number " + i, "s" + i);
            assertEquals("sent", r.path("type").asText(), r.toString());
        }
        WsClient onB = resumeOn(ann, 1);
        for (int i = 4; i <= 5; i++) {
            JsonNode r = send(onB, room, "thought number " + i, "s" + i);
            assertEquals("sent", r.path("type").asText(), "B has not seen Ann's sends but counts A's: " + r);
        }
        JsonNode limited = send(onB, room, "thought number 6", "s6");
        assertEquals("rate_limited", limited.path("code").asText(), "five in all, whichever node: " + limited);
        long wait = limited.path("retryAfterMs").asLong();
        assertTrue(wait > 90_000 && wait <= 100_000, "about 100 s until the next one: " + wait);

        WsClient onC = resumeOn(onB, 2);
        assertEquals("rate_limited", send(onC, room, "thought number 7", "s7").path("code").asText(),
                "and on a third node, which has seen none of them");
        JsonNode again = send(onC, room, "thought number 2", "s2");
        assertEquals("sent", again.path("type").asText(), "a retry of a delivered send is answered: " + again);
        WsClient bo = nodes.joined(2, room, "Bo");
        assertEquals("sent", send(bo, room, "hello all", "b1").path("type").asText(), "another member is apart");
    }
}
