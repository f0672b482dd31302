package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;

/**
 * A room's lock, slow mode, mutes and kick cool-offs hold on every node of a cluster (two nodes,
 * one real Redis, over real sockets): a moderator acts on node A, and a member on node B, or one
 * who moves between A and B by resuming, is refused on B exactly as on A.
 */
class ClusterModerationTest {
    private static ClusterNodes cluster;
    private static final List<WsClient> STAFF = new ArrayList<>();
    private static WsClient mod;

    @BeforeAll
    static void start() throws Exception {
        cluster = new ClusterNodes(2);
        TestServer a = cluster.node(0);
        a.server().bootstrapModerator("alex:correct horse battery");
        mod = Moderators.watching(a.port(), Moderators.token(a.port(), "alex", "correct horse battery"), STAFF);
    }

    @AfterAll
    static void stop() throws Exception {
        for (WsClient c : STAFF) {
            c.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static JsonNode send(WsClient c, String room, String text) throws Exception {
        return c.request(Map.of("type", "send", "room", room, "text", text, "id", Ids.of("s")));
    }

    private static JsonNode modRequest(Map<String, Object> request) throws Exception {
        Map<String, Object> m = new java.util.HashMap<>(request);
        m.put("id", Ids.of("q"));
        JsonNode r = mod.request(m);
        assertEquals("ok", r.path("type").asText(), r.toString());
        return r;
    }

    /** Drops {@code c}'s connection and resumes its session on {@code node}: the same member there. */
    static WsClient resumeOn(ClusterNodes cluster, WsClient c, TestServer node) throws Exception {
        String token = TestServer.welcomeSession(c);
        String member = TestServer.welcomeMember(c);
        c.drop();
        long deadline = System.currentTimeMillis() + 5_000;
        while (!"1".equals(cluster.redis().command("EXISTS", cluster.prefix() + "park:" + Ids.hash(token)))) {
            assertTrue(System.currentTimeMillis() < deadline, "the dropped session was parked");
            Thread.sleep(20);
        }
        WsClient back = WsClient.connect(node.port());
        node.track(back);
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
        assertEquals(member, w.path("member").path("id").asText(), "resumed as the same member: " + w);
        return back;
    }

    /** The notice {@code code} {@code c} got, maybe already (while it waited for a reply). */
    private static JsonNode notice(WsClient c, String code) throws InterruptedException {
        java.util.function.Predicate<JsonNode> p = n -> "notice".equals(n.path("type").asText())
                && code.equals(n.path("code").asText());
        return c.seen().stream().filter(p).findFirst().orElseGet(() -> {
            try {
                return c.await(p, "notice " + code);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aLockMadeOnARefusesPostsAndJoinsOnB() throws Exception {
        TestServer b = cluster.node(1);
        WsClient bo = b.joined("general", "Bo");
        modRequest(Map.of("type", "mod.lock", "room", "general", "locked", true));
        assertEquals("room_locked", send(bo, "general", "anyone there?").path("code").asText(), "posting on B");
        JsonNode join = b.member().request(Map.of("type", "join", "room", "general", "nick", "Cy", "id", "j"));
        assertEquals("room_locked", join.path("code").asText(), "joining on B: " + join);
        notice(bo, "locked");
        JsonNode rooms = b.member().request(Map.of("type", "rooms", "id", "r"));
        boolean locked = false;
        for (JsonNode r : rooms.path("rooms")) {
            locked |= "general".equals(r.path("room").asText()) && r.path("locked").asBoolean();
        }
        assertTrue(locked, "B lists the room as locked: " + rooms);

        modRequest(Map.of("type", "mod.lock", "room", "general", "locked", false));
        notice(bo, "unlocked");
        assertEquals("sent", send(bo, "general", "thanks").path("type").asText(), "unlocked on B too");
    }

    @Test
    void slowModeCountsTheLastPostOnEitherNodeForAMemberMovingBetweenThem() throws Exception {
        TestServer a = cluster.node(0);
        TestServer b = cluster.node(1);
        WsClient ann = a.joined("anxiety", "Ann");
        modRequest(Map.of("type", "mod.slow", "room", "anxiety", "seconds", 30));
        assertEquals("sent", send(ann, "anxiety", "one thought").path("type").asText());

        WsClient onB = resumeOn(cluster, ann, b);
        JsonNode e = send(onB, "anxiety", "and another");
        assertEquals("slow_mode", e.path("code").asText(), "the post on A counts on B: " + e);
        long wait = e.path("retryAfterMs").asLong();
        assertTrue(wait > 0 && wait <= 30_000, "waits what is left of 30 s: " + wait);

        WsClient backOnA = resumeOn(cluster, onB, a);
        assertEquals("slow_mode", send(backOnA, "anxiety", "still me").path("code").asText(), "and again on A");
        modRequest(Map.of("type", "mod.slow", "room", "anxiety", "seconds", 0));
        notice(backOnA, "slow_mode");
        assertEquals("sent", send(backOnA, "anxiety", "off now").path("type").asText());
    }

    @Test
    void aMuteMadeOnAHoldsOnB() throws Exception {
        WsClient ann = cluster.node(0).joined("depression", "Ann");
        modRequest(Map.of("type", "mod.mute", "room", "depression", "member", TestServer.welcomeMember(ann),
                "seconds", 600));
        notice(ann, "muted");
        WsClient onB = resumeOn(cluster, ann, cluster.node(1));
        JsonNode e = send(onB, "depression", "hello?");
        assertEquals("muted", e.path("code").asText(), "muted on B: " + e);
        assertTrue(e.path("retryAfterMs").asLong() > 590_000, e.toString());

        modRequest(Map.of("type", "mod.unmute", "room", "depression", "member", TestServer.welcomeMember(ann)));
        // B refuses from its copy of the room's rules until the unmute's staff event reaches it (or a
        // refusal's check in Redis corrects the copy): refused `muted` meanwhile, free within a second.
        long deadline = System.nanoTime() + 1_000_000_000L;
        JsonNode r = send(onB, "depression", "thank you");
        while (!"sent".equals(r.path("type").asText()) && System.nanoTime() < deadline) {
            assertEquals("muted", r.path("code").asText(), "only the lifted mute refuses: " + r);
            Thread.sleep(20);
            r = send(onB, "depression", "thank you");
        }
        assertEquals("sent", r.path("type").asText(), "lifted on A, free on B within a second: " + r);
    }

    @Test
    void aKickOnAKeepsTheMemberOutOfTheRoomOnBForTheCoolOff() throws Exception {
        WsClient ann = cluster.node(0).joined("grief", "Ann");
        modRequest(Map.of("type", "mod.kick", "room", "grief", "member", TestServer.welcomeMember(ann),
                "seconds", 120));
        ann.await("kicked");
        WsClient onB = resumeOn(cluster, ann, cluster.node(1));
        JsonNode again = onB.request(Map.of("type", "join", "room", "grief", "nick", "Ann", "id", "j"));
        assertEquals("forbidden", again.path("code").asText(), "cooling off on B: " + again);
        assertTrue(again.path("retryAfterMs").asLong() > 100_000, again.toString());
        JsonNode other = onB.request(Map.of("type", "join", "room", "recovery", "nick", "Ann", "id", "j2"));
        assertEquals("joined", other.path("type").asText(), "only that room: " + other);
    }
}
