package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Late joiners get recent history; dropped members come back with their session token. */
class HistoryAndResumeTest {

    @Test
    void lateJoinerSeesTheLastMessagesOldestFirst() throws Exception {
        try (TestServer server = new TestServer(b -> b.historySize(5))) {
            WsClient a = server.joined("general", "Ann");
            for (int i = 1; i <= 8; i++) {
                a.request(Map.of("type", "send", "room", "general", "text", "m" + i, "id", "s" + i));
            }
            WsClient late = server.member();
            JsonNode j = late.request(Map.of("type", "join", "room", "general", "id", "j"));
            List<String> texts = new ArrayList<>();
            j.path("history").forEach(m -> texts.add(m.path("text").asText()));
            assertEquals(List.of("m4", "m5", "m6", "m7", "m8"), texts);
            j.path("history").forEach(m -> assertEquals("message", m.path("type").asText()));
        }
    }

    @Test
    void historyForgetsMessagesPastTheirAge() throws Exception {
        try (TestServer server = new TestServer(b -> b.historyMaxAgeSeconds(1))) {
            WsClient a = server.joined("general", "Ann");
            a.request(Map.of("type", "send", "room", "general", "text", "old news", "id", "s"));
            Thread.sleep(1300);
            a.request(Map.of("type", "send", "room", "general", "text", "fresh", "id", "s2"));
            JsonNode j = server.member().request(Map.of("type", "join", "room", "general", "id", "j"));
            assertEquals(1, j.path("history").size());
            assertEquals("fresh", j.path("history").get(0).path("text").asText());
        }
    }

    @Test
    void aDroppedMemberResumesWithItsIdNickAndRoomsAndNobodySawItLeave() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient a = server.joined("anxiety", "Ann");
            String token = TestServer.welcomeSession(a);
            String id = TestServer.welcomeMember(a);
            WsClient b = server.joined("anxiety", "Bo");
            a.await("presence");
            a.drop();
            Thread.sleep(300);
            b.request(Map.of("type", "send", "room", "anxiety", "text", "while you were away", "id", "s"));

            WsClient back = server.raw();
            JsonNode w = back.request(Map.of("type", "hello", "v", 1, "resume", token, "id", "h"));
            assertEquals(id, w.path("member").path("id").asText());
            JsonNode missed = back.await("message");
            assertEquals("while you were away", missed.path("text").asText());
            JsonNode sent = back.request(Map.of("type", "send", "room", "anxiety", "text", "I'm back", "id", "s2"));
            assertEquals("sent", sent.path("type").asText(), "still in the room without joining again");
            JsonNode m = b.await(n -> "message".equals(n.path("type").asText())
                    && "I'm back".equals(n.path("text").asText()), "Ann's message");
            assertEquals("Ann", m.path("from").path("nick").asText());
            assertEquals(id, m.path("from").path("id").asText());
            for (JsonNode n : b.seen()) {
                assertTrue(!("presence".equals(n.path("type").asText()) && "leave".equals(n.path("event").asText())),
                        "nobody saw Ann leave: " + b.seen());
            }
        }
    }

    @Test
    void resumingOnASecondConnectionClosesTheFirst() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient a = server.joined("grief", "Ann");
            String token = TestServer.welcomeSession(a);
            WsClient second = server.raw();
            JsonNode w = second.request(Map.of("type", "hello", "v", 1, "resume", token, "id", "h"));
            assertEquals(TestServer.welcomeMember(a), w.path("member").path("id").asText());
            assertEquals(1000, a.awaitClose());
            assertEquals("sent", second.request(Map.of("type", "send", "room", "grief", "text", "hi", "id", "s"))
                    .path("type").asText());
        }
    }

    @Test
    void anUnknownResumeTokenStartsAFreshSession() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient a = server.member();
            WsClient c = server.raw();
            JsonNode w = c.request(Map.of("type", "hello", "v", 1, "resume", "not-a-token", "id", "h"));
            assertEquals("welcome", w.path("type").asText());
            assertNotEquals(TestServer.welcomeMember(a), w.path("member").path("id").asText());
        }
    }
}
