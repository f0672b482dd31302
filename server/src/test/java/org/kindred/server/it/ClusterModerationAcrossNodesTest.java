package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.server.common.Ids;

/**
 * A moderator's {@code mod.mute} and {@code mod.kick} reach a member connected to another node of
 * the cluster (two nodes sharing one real Redis and one PostgreSQL database, over real sockets): the moderator is on node A, the
 * member on node B, and B tells and removes the member as A would; a member in the room on no node
 * is {@code not_found}.
 */
class ClusterModerationAcrossNodesTest {
    private static ClusterNodes cluster;
    private static final List<WsClient> STAFF = new ArrayList<>();
    private static WsClient mod;

    @BeforeAll
    static void start() throws Exception {
        cluster = ClusterNodes.sharingStore(2, b -> b, "{}"); // the nodes share their store, as in production
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

    private static JsonNode modRequest(Map<String, Object> request) throws Exception {
        Map<String, Object> m = new HashMap<>(request);
        m.put("id", Ids.of("q"));
        return mod.request(m);
    }

    private static JsonNode send(WsClient c, String room, String text) throws Exception {
        return c.request(Map.of("type", "send", "room", room, "text", text, "id", Ids.of("s")));
    }

    @Test
    void aMuteMadeOnAReachesTheMemberOnB() throws Exception {
        WsClient bo = cluster.node(1).joined("depression", "Bo");
        JsonNode r = modRequest(Map.of("type", "mod.mute", "room", "depression", "member",
                TestServer.welcomeMember(bo), "seconds", 600, "reason", "take a breather"));
        assertEquals("ok", r.path("type").asText(), "the member on B is found: " + r);
        JsonNode notice = bo.await(n -> "notice".equals(n.path("type").asText())
                && "muted".equals(n.path("code").asText()), "the muted notice on B");
        assertTrue(notice.path("text").asText().contains("take a breather"), "with the reason: " + notice);
        JsonNode e = send(bo, "depression", "hello?");
        assertEquals("muted", e.path("code").asText(), "refused on B: " + e);
        assertTrue(e.path("retryAfterMs").asLong() > 590_000, e.toString());
    }

    @Test
    void aKickMadeOnARemovesTheMemberOnBForTheCoolOff() throws Exception {
        WsClient cy = cluster.node(1).joined("grief", "Cy");
        WsClient dee = cluster.node(0).joined("grief", "Dee");
        String member = TestServer.welcomeMember(cy);
        JsonNode r = modRequest(Map.of("type", "mod.kick", "room", "grief", "member", member,
                "seconds", 120, "reason", "please step away"));
        assertEquals("ok", r.path("type").asText(), "the member on B is found: " + r);
        JsonNode kicked = cy.await("kicked");
        assertEquals("grief", kicked.path("room").asText(), kicked.toString());
        assertEquals("please step away", kicked.path("reason").asText(), "the moderator's reason: " + kicked);
        dee.await(n -> "presence".equals(n.path("type").asText()) && "leave".equals(n.path("event").asText())
                && member.equals(n.path("member").path("id").asText()), "the room on A sees Cy leave");
        JsonNode post = send(cy, "grief", "still here?");
        assertEquals("error", post.path("type").asText(), "no longer in the room on B: " + post);
        JsonNode again = cy.request(Map.of("type", "join", "room", "grief", "nick", "Cy", "id", "j2"));
        assertEquals("forbidden", again.path("code").asText(), "cooling off on B: " + again);
        assertTrue(again.path("retryAfterMs").asLong() > 100_000, again.toString());
    }

    @Test
    void aMemberInTheRoomOnNoNodeIsNotFoundAndOneOnBInItIs() throws Exception {
        WsClient eve = cluster.node(1).joined("recovery", "Eve");
        String member = TestServer.welcomeMember(eve);
        for (String type : List.of("mod.mute", "mod.kick")) {
            JsonNode r = modRequest(Map.of("type", type, "room", "anxiety", "member", member, "seconds", 60));
            assertEquals("not_found", r.path("code").asText(), type + " in a room Eve is not in: " + r);
            JsonNode nobody = modRequest(Map.of("type", type, "room", "recovery", "member", "m_nobody", "seconds", 60));
            assertEquals("not_found", nobody.path("code").asText(), type + " of nobody: " + nobody);
        }
        JsonNode in = send(eve, "anxiety", "not joined");
        assertEquals("error", in.path("type").asText(), in.toString());
        JsonNode ok = modRequest(Map.of("type", "mod.mute", "room", "recovery", "member", member, "seconds", 60));
        assertEquals("ok", ok.path("type").asText(), "in the room through B: " + ok);
        JsonNode kick = modRequest(Map.of("type", "mod.kick", "room", "recovery", "member", member, "seconds", 60));
        assertEquals("ok", kick.path("type").asText(), "in the room through B: " + kick);
        eve.await("kicked");
    }
}
