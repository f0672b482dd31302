package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad-input rule of the Transport section of PROTOCOL.md, over a real socket. */
class BadInputTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(b -> b.maxProtocolErrors(5));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anOversizedFrameClosesWith1009() throws Exception {
        WsClient c = server.member();
        String big = "{\"type\":\"send\",\"room\":\"general\",\"text\":\"" + "x".repeat(17_000) + "\"}";
        c.send(big);
        assertEquals(1009, c.awaitClose());
    }

    @Test
    void anOversizedFragmentedMessageClosesWith1009() throws Exception {
        WsClient c = server.member();
        byte[] part = "x".repeat(10_000).getBytes(StandardCharsets.UTF_8);
        c.frame(1, part, false);
        c.frame(0, part, true);
        assertEquals(1009, c.awaitClose());
    }

    @Test
    void aFragmentedMessageWithinTheLimitIsReassembled() throws Exception {
        WsClient c = server.member();
        c.frame(1, "{\"type\":\"rooms\",".getBytes(StandardCharsets.UTF_8), false);
        c.frame(0, "\"id\":\"frag\"}".getBytes(StandardCharsets.UTF_8), true);
        assertEquals("rooms", c.await(n -> "frag".equals(n.path("id").asText()), "rooms").path("type").asText());
    }

    @Test
    void aBinaryFrameClosesWith1003() throws Exception {
        WsClient c = server.member();
        c.frame(2, new byte[] {1, 2, 3});
        assertEquals(1003, c.awaitClose());
    }

    @Test
    void invalidUtf8ClosesWith1007() throws Exception {
        WsClient c = server.member();
        c.frame(1, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        assertEquals(1007, c.awaitClose());
    }

    @Test
    void malformedJsonIsAnErrorAndTheConnectionStays() throws Exception {
        WsClient c = server.member();
        c.send("{not json");
        JsonNode e = c.await("error");
        assertEquals("bad_request", e.path("code").asText());
        assertTrue(e.path("message").asText().endsWith("."));
        assertStillWorks(c);
    }

    @Test
    void nonObjectUnknownTypeMissingAndMistypedFieldsAreErrors() throws Exception {
        WsClient c = server.member();
        c.send("[1,2,3]");
        assertEquals("bad_request", c.await("error").path("code").asText());
        assertEquals("unknown_type", c.request(Map.of("type", "dance", "id", "u")).path("code").asText());
        assertEquals("bad_request", c.request(Map.of("id", "nt", "room", "general")).path("code").asText());
        assertEquals("bad_request", c.request(Map.of("type", "join", "id", "m")).path("code").asText());
        assertEquals("bad_request", c.request(Map.of("type", "join", "room", 5, "id", "w")).path("code").asText());
        assertStillWorks(c);
    }

    @Test
    void moderatorRequestsParseButMembersAreForbidden() throws Exception {
        WsClient c = server.member();
        assertEquals("forbidden", c.request(Map.of("type", "mod.queue", "id", "q")).path("code").asText());
        assertEquals("bad_request", c.request(Map.of("type", "mod.ban", "id", "b")).path("code").asText(),
                "a malformed moderator request is still a bad request");
    }

    @Test
    void aClientThatKeepsSendingGarbageIsClosedWith1008() throws Exception {
        WsClient c = server.member();
        for (int i = 0; i < 20 && !c.isClosed(); i++) {
            if (!sendUnlessClosed(c, "garbage " + i)) {
                break;
            }
        }
        assertEquals(1008, c.awaitClose());
    }

    @Test
    void oneMisbehavingClientDoesNotHurtOthers() throws Exception {
        WsClient good = server.joined("general", "Good");
        WsClient bad = server.member();
        for (int i = 0; i < 20 && !bad.isClosed(); i++) {
            if (!sendUnlessClosed(bad, "garbage")) {
                break;
            }
        }
        assertEquals(1008, bad.awaitClose());
        assertStillWorks(good);
    }

    @Test
    void aFloodOfValidRequestsIsRateLimited() throws Exception {
        try (TestServer strict = new TestServer(b -> b.requestBurst(5).requestsPerSecond(1))) {
            WsClient c = strict.member();
            JsonNode last = null;
            for (int i = 0; i < 6; i++) {
                last = c.request(Map.of("type", "rooms", "id", "r" + i));
            }
            assertEquals("rate_limited", last.path("code").asText());
            assertTrue(last.path("retryAfterMs").asLong() > 0);
        }
    }

    private static void assertStillWorks(WsClient c) throws Exception {
        assertEquals("rooms", c.request(Map.of("type", "rooms", "id", "alive")).path("type").asText());
    }

    /**
     * Sends a frame; false when the server has already closed the socket (the close frame may
     * still be unread when the write meets the reset).
     */
    private static boolean sendUnlessClosed(WsClient c, String frame) {
        try {
            c.send(frame);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
