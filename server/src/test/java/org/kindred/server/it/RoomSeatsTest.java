package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.config.RoomConfig;

/**
 * One address opening sessions, joining a room and dropping the TCP connection over and over
 * must not fill the room for everyone else: dropped members' seats count apart from the
 * capacity, and new sessions per network fingerprint are rate-limited.
 */
class RoomSeatsTest {
    private static final List<RoomConfig> TINY = List.of(new RoomConfig("tiny", "Tiny", "", "", 10));

    /** open, hello, join, drop: returns the hello reply (welcome or error). */
    private static JsonNode joinAndDrop(TestServer server, String from) throws Exception {
        WsClient c = server.connect(Map.of(), from, true);
        server.track(c);
        JsonNode hello = c.request(Map.of("type", "hello", "v", 1, "id", "h"));
        if ("welcome".equals(hello.path("type").asText())) {
            JsonNode j = c.request(Map.of("type", "join", "room", "tiny", "id", "j"));
            if (!"joined".equals(j.path("type").asText())) {
                throw new AssertionError("attacker's join refused: " + j);
            }
        }
        c.drop();
        return hello;
    }

    @Test
    void droppedSessionsDoNotLockOthersOutOfARoom() throws Exception {
        try (TestServer server = new TestServer(b -> b.rooms(TINY))) {
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                joinAndDrop(server, "127.0.0.2");
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            Thread.sleep(200); // the server notices the last drops
            JsonNode j = server.member().request(Map.of("type", "join", "room", "tiny", "nick", "Sam", "id", "j"));
            assertEquals("joined", j.path("type").asText(), "after 100 drop-joins in " + ms + " ms: " + j);
            JsonNode rooms = server.member().request(Map.of("type", "rooms", "id", "r"));
            int held = rooms.path("rooms").get(0).path("members").asInt();
            assertTrue(held <= 2 * 10 + 1, "dropped members kept at most up to the capacity again: " + held);
        }
    }

    @Test
    void aDroppedMemberWhoResumesIsStillInTheRoom() throws Exception {
        try (TestServer server = new TestServer(b -> b.rooms(TINY))) {
            WsClient a = server.joined("tiny", "Ann");
            String token = TestServer.welcomeSession(a);
            a.drop();
            for (int i = 0; i < 5; i++) {
                joinAndDrop(server, "127.0.0.2");
            }
            WsClient back = server.raw();
            back.request(Map.of("type", "hello", "v", 1, "resume", token, "id", "h"));
            assertEquals("sent", back.request(Map.of("type", "send", "room", "tiny", "text", "back", "id", "s"))
                    .path("type").asText());
        }
    }

    @Test
    void newSessionsFromOneNetworkAreRateLimitedAndOthersAreNot() throws Exception {
        // the shipped defaults for sessions (no override), the moderation bucket relaxed as usual
        try (TestServer server = new TestServer(b -> b.rooms(TINY), "{\"sessions\":{}}")) {
            int welcomed = 0;
            JsonNode limited = null;
            for (int i = 0; i < 100; i++) {
                JsonNode hello = joinAndDrop(server, "127.0.0.2");
                if ("welcome".equals(hello.path("type").asText())) {
                    welcomed++;
                } else if (limited == null) {
                    limited = hello;
                }
            }
            assertTrue(welcomed >= 20 && welcomed < 30, "a burst of new sessions, then a trickle: " + welcomed);
            assertEquals("rate_limited", limited.path("code").asText(), limited.toString());
            assertTrue(limited.path("retryAfterMs").asLong() > 0, limited.toString());
            assertTrue(!limited.path("message").asText().isBlank());

            JsonNode j = server.member().request(Map.of("type", "join", "room", "tiny", "nick", "Sam", "id", "j"));
            assertEquals("joined", j.path("type").asText(), "another network is not affected: " + j);
        }
    }
}
