package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resume tokens are single-use: every successful resume issues a fresh one and the old one dies. */
class ResumeRotationTest {

    private static JsonNode hello(WsClient c, String resume) throws Exception {
        return c.request(Map.of("type", "hello", "v", 1, "resume", resume, "id", "h"));
    }

    @Test
    void everyResumeIssuesAFreshTokenAndTheOldOneStopsWorking() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient a = server.joined("general", "Ann");
            String first = TestServer.welcomeSession(a);
            String id = TestServer.welcomeMember(a);
            a.drop();

            WsClient back = server.raw();
            JsonNode w = hello(back, first);
            assertEquals(id, w.path("member").path("id").asText(), "resumed");
            String second = w.path("session").asText();
            assertNotEquals(first, second, "a fresh token on resume");
            back.drop();

            WsClient replay = server.raw();
            JsonNode stale = hello(replay, first);
            assertNotEquals(id, stale.path("member").path("id").asText(), "the used token no longer resumes");
            assertEquals("not_in_room", replay.request(Map.of("type", "send", "room", "general", "text", "hi",
                    "id", "s")).path("code").asText());

            WsClient again = server.raw();
            JsonNode w3 = hello(again, second);
            assertEquals(id, w3.path("member").path("id").asText(), "the fresh token resumes");
            assertEquals("sent", again.request(Map.of("type", "send", "room", "general", "text", "still here",
                    "id", "s")).path("type").asText());
        }
    }

    @Test
    void takingOverALiveSessionFromAnotherAddressRotatesTheTokenAndClosesTheOldConnection() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient a = server.joined("general", "Ann");
            String token = TestServer.welcomeSession(a);
            String id = TestServer.welcomeMember(a);

            WsClient other = server.connect(Map.of(), "127.0.0.2", true);
            server.track(other);
            JsonNode w = hello(other, token);
            assertEquals(id, w.path("member").path("id").asText());
            String fresh = w.path("session").asText();
            assertNotEquals(token, fresh);
            a.awaitClose();

            WsClient third = server.connect(Map.of(), "127.0.0.3", true);
            server.track(third);
            JsonNode stale = hello(third, token);
            assertNotEquals(id, stale.path("member").path("id").asText(),
                    "the token that was used once cannot take the session over again");
            assertEquals("sent", other.request(Map.of("type", "send", "room", "general", "text", "mine",
                    "id", "s")).path("type").asText(), "the live session was not taken");
        }
    }
}
