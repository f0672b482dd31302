package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;

/** Issue 11 over real sockets: nickname rules, identifier shapes and id echo on refused frames. */
class NickAndIdentifierRulesTest {
    private TestServer server;
    private int ids;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String join(WsClient c, String nick) throws Exception {
        JsonNode r = c.request(Map.of("type", "join", "room", "general", "nick", nick, "id", "j" + (++ids)));
        return "error".equals(r.path("type").asText()) ? r.path("code").asText() : r.path("type").asText();
    }

    @Test
    void blankPunctuationAndStaffTitleNicksAreRefused() throws Exception {
        WsClient c = server.member();
        for (String nick : new String[] {"\u3164\u3164", "\u115F\u1160", "\u2800\u2800", "..", "--", "_ .",
            "Moderator", "M0derator", "Kindred Team", "ADMIN"}) {
            assertEquals("nick_invalid", join(c, nick), nick);
        }
        assertEquals("joined", join(c, "Quiet Reader"));
    }

    @Test
    void lookAlikeNicksAreTaken() throws Exception {
        server.joined("general", "Bob");
        assertEquals("nick_taken", join(server.member(), "B0b"));
        assertEquals("nick_taken", join(server.member(), "BOB"));
        assertEquals("nick_taken", join(server.member(), "Вob")); // Cyrillic capital Ve
    }

    @Test
    void aMemberCannotTakeAStaffAccountName() throws Exception {
        WsClient early = server.member();
        assertEquals("joined", join(early, "Robin.Staffer"));
        early.request(Map.of("type", "leave", "room", "general", "id", "l1"));
        server.server().staff().accounts().create("robin.staffer", Role.MODERATOR, "correct horse battery");
        WsClient c = server.member();
        long deadline = System.nanoTime() + 10_000_000_000L; // names are re-read every 5 s
        String code;
        do {
            code = join(c, "ROBIN STAFFER");
            if ("joined".equals(code)) {
                c.request(Map.of("type", "leave", "room", "general", "id", "l" + (++ids)));
                Thread.sleep(200);
            }
        } while (!"nick_invalid".equals(code) && System.nanoTime() < deadline);
        assertEquals("nick_invalid", code);
        assertEquals("nick_invalid", join(c, "Robin_Staffer"));
        assertEquals("joined", join(c, "Robin"));
    }

    @Test
    void helpWithAHugeRoomStillGetsTheCrisisLines() throws Exception {
        WsClient c = server.member();
        JsonNode r = c.request(Map.of("type", "help", "room", "x".repeat(5 * 1024), "id", "help-1"));
        assertEquals("crisis", r.path("type").asText());
        assertEquals("help-1", r.path("id").asText());
    }

    @Test
    void refusedFramesEchoTheId() throws Exception {
        WsClient c = server.member();
        c.send("{\"id\":\"dup\",\"type\":\"join\",\"room\":\"general\",\"room\":\"general\"}");
        assertEquals("bad_request", c.await(n -> "dup".equals(n.path("id").asText()), "dup").path("code").asText());
        c.send("{\"id\":\"deep\",\"type\":\"rooms\",\"x\":" + "[".repeat(64) + "]".repeat(64) + "}");
        assertEquals("bad_request", c.await(n -> "deep".equals(n.path("id").asText()), "deep").path("code").asText());
        c.send("{\"type\":\"mod.slow\",\"room\":\"general\",\"seconds\":" + "9".repeat(500) + ",\"id\":\"num\"}");
        assertEquals("bad_request", c.await(n -> "num".equals(n.path("id").asText()), "num").path("code").asText());
    }
}
