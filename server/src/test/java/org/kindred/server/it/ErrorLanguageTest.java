package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Errors reach a person in the language of their {@code hello.locale}, over real sockets: the
 * code stays the protocol's, the sentence comes from the server's catalog for that language;
 * English (and a language Kindred lacks) keeps the specific English sentence.
 */
class ErrorLanguageTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(b -> b);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private JsonNode notInRoomReply(String locale) throws Exception {
        WsClient c = WsClient.connect(server.port());
        assertEquals("welcome", c.request(Map.of("type", "hello", "v", 1, "locale", locale, "id", "h"))
                .path("type").asText());
        return c.request(Map.of("type", "send", "room", "anxiety", "text", "hola", "id", "s"));
    }

    @Test
    void anErrorIsInTheSessionsLanguage() throws Exception {
        JsonNode es = notInRoomReply("es-MX");
        assertEquals("not_in_room", es.path("code").asText());
        assertEquals("s", es.path("id").asText());
        assertEquals("Primero tienes que entrar en esta sala.", es.path("message").asText(), es.toString());
        JsonNode de = notInRoomReply("de-AT");
        assertEquals("not_in_room", de.path("code").asText());
        assertTrue(!de.path("message").asText().equals(es.path("message").asText())
                && !de.path("message").asText().startsWith("You"), de.toString());
    }

    @Test
    void englishAndUnknownLanguagesKeepTheSpecificSentence() throws Exception {
        assertEquals("You need to join this room first.", notInRoomReply("en-GB").path("message").asText());
        assertEquals("You need to join this room first.", notInRoomReply("ja-JP").path("message").asText());
    }
}
