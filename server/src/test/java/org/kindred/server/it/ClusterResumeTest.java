package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.RedisServer;

/**
 * PROTOCOL.md 1.1, resume across nodes: a member whose connection to node A dropped resumes on
 * node B with its member id, its rooms and nickname, {@code welcome.recovered} true and exactly
 * the messages it missed, in order; nobody hears it leave or join; its old token then works
 * nowhere. When what it missed is no longer kept, {@code recovered} is false.
 */
class ClusterResumeTest {

    private static JsonNode send(WsClient c, String room, String text, String id) throws Exception {
        JsonNode r = c.request(Map.of("type", "send", "room", room, "text", text, "id", id));
        assertEquals("sent", r.path("type").asText(), r.toString());
        return r;
    }

    @Test
    void aMemberResumesOnAnotherNodeWithExactlyTheMessagesItMissed() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(2)) {
            TestServer a = cluster.node(0);
            TestServer b = cluster.node(1);
            WsClient ann = a.joined("general", "Ann");
            WsClient bo = b.joined("general", "Bo");
            ann.await("presence");
            String token = ann.firstSeen("welcome", "session");
            String member = ann.firstSeen("welcome", "member", "id");
            send(bo, "general", "first", "s1");
            long seen = ann.await("message").path("seq").asLong();

            ann.drop();
            cluster.awaitParked(token);
            send(bo, "general", "while away one", "s2");
            send(bo, "general", "while away two", "s3");

            WsClient back = WsClient.connect(b.port());
            b.track(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertEquals("welcome", w.path("type").asText(), w.toString());
            assertTrue(w.path("recovered").asBoolean(false), "recovered: " + w);
            assertEquals(member, w.path("member").path("id").asText(), "the same member");
            assertNotEquals(token, w.path("session").asText(), "a new resume token");
            List<JsonNode> missed = new ArrayList<>();
            missed.add(back.await("message"));
            missed.add(back.await("message"));
            assertEquals(List.of("while away one", "while away two"), missed.stream().map(m -> m.path("text")
                    .asText()).toList());
            assertEquals(List.of(seen + 1, seen + 2), missed.stream().map(m -> m.path("seq").asLong()).toList());
            JsonNode extra = back.poll(500);
            assertTrue(extra == null || !"message".equals(extra.path("type").asText()), "nothing twice: " + extra);

            send(back, "general", "I'm back", "s4");
            JsonNode heard = bo.await(m -> "message".equals(m.path("type").asText())
                    && "I'm back".equals(m.path("text").asText()), "Ann's message on B");
            assertEquals("Ann", heard.path("from").path("nick").asText(), "the same nickname");
            assertEquals(member, heard.path("from").path("id").asText());
            assertFalse(bo.seen().stream().anyMatch(m -> "presence".equals(m.path("type").asText())
                    && member.equals(m.path("member").path("id").asText())), () -> "nobody heard Ann leave or join: " + bo.seen());

            WsClient stale = WsClient.connect(a.port());
            a.track(stale);
            JsonNode w2 = stale.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertNotEquals(member, w2.path("member").path("id").asText(), "the old token resumes nowhere");
            JsonNode after = bo.poll(500);
            assertTrue(after == null || !"presence".equals(after.path("type").asText()),
                    "A's stale copy went quietly: " + after);
            assertTrue(w.path("features").toString().contains("recovered"), w.toString());
        }
    }

    @Test
    void whatIsNoLongerKeptMakesRecoveredFalse() throws Exception {
        try (ClusterNodes cluster = new ClusterNodes(RedisServer.shared(), 2, ClusterNodes.freshPrefix(),
                cfg -> cfg.historySize(2))) {
            WsClient ann = cluster.node(0).joined("grief", "Ann");
            WsClient bo = cluster.node(1).joined("grief", "Bo");
            String token = ann.firstSeen("welcome", "session");
            ann.drop();
            cluster.awaitParked(token);
            for (int i = 0; i < 4; i++) {
                send(bo, "grief", "note " + i, "s" + i);
            }
            WsClient back = WsClient.connect(cluster.node(1).port());
            cluster.node(1).track(back);
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "id", "h", "resume", token));
            assertEquals("welcome", w.path("type").asText(), w.toString());
            assertEquals(false, w.path("recovered").asBoolean(true), "two of four are gone: " + w);
            assertEquals(ann.firstSeen("welcome", "member", "id"), w.path("member").path("id").asText());
            JsonNode j = back.request(Map.of("type", "join", "room", "grief", "nick", "Ann", "id", "j"));
            assertEquals("joined", j.path("type").asText(), "joining again brings what is kept: " + j);
            assertEquals(List.of("note 2", "note 3"), j.path("history").findValues("text").stream()
                    .map(JsonNode::asText).toList());
        }
    }
}
