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
 * code stays the protocol's, the sentence comes from the server's catalog for that language, each
 * error its own sentence; English (and a language Kindred lacks) reads the English one.
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
        WsClient c = server.connect();
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

    private WsClient hello(String locale) throws Exception {
        WsClient c = server.connect();
        assertEquals("welcome", c.request(Map.of("type", "hello", "v", 1, "locale", locale, "id", "h"))
                .path("type").asText());
        return c;
    }

    /**
     * Errors other than a refused send carry their own sentence in Spanish, German and French, not
     * the general one for their code: an unknown room, a staff request from a member, a report of a
     * message that is not there, a check-in that is not planned.
     */
    @Test
    void eachErrorHasItsOwnSentenceInEveryLanguage() throws Exception {
        org.kindred.server.i18n.ServerText text = org.kindred.server.i18n.ServerText.get();
        for (String locale : java.util.List.of("es-ES", "de-DE", "fr-FR", "en-GB")) {
            String lang = org.kindred.server.i18n.ServerText.language(locale);
            WsClient c = hello(locale);
            JsonNode noRoom = c.request(Map.of("type", "join", "room", "no-such-room", "nick", "Quiet Heron",
                    "id", "j"));
            assertEquals("not_found", noRoom.path("code").asText(), noRoom.toString());
            assertEquals(text.text("error.no_such_room", lang), noRoom.path("message").asText(), locale);
            JsonNode staffOnly = c.request(Map.of("type", "mod.watch", "rooms", java.util.List.of("*"), "id", "w"));
            assertEquals("forbidden", staffOnly.path("code").asText(), staffOnly.toString());
            assertEquals(text.text("error.staff_only", lang), staffOnly.path("message").asText(), locale);
            JsonNode joined = c.request(Map.of("type", "join", "room", "anxiety", "nick", "Heron " + lang,
                    "id", "j2"));
            assertEquals("joined", joined.path("type").asText(), joined.toString());
            JsonNode gone = c.request(Map.of("type", "report", "room", "anxiety", "msg", "m_nothing",
                    "reason", "other", "id", "r"));
            assertEquals("not_found", gone.path("code").asText(), gone.toString());
            assertEquals(text.text("error.report_gone", lang), gone.path("message").asText(), locale);
            for (JsonNode e : java.util.List.of(noRoom, staffOnly, gone)) {
                if (!"en".equals(lang)) {
                    assertTrue(!e.path("message").asText().equals(
                            text.text("error." + e.path("code").asText(), lang)), "not the general sentence: " + e);
                }
            }
            c.close();
        }
        assertEquals("Es gibt keinen Raum mit diesem Namen.", text.text("error.no_such_room", "de"));
    }

    @Test
    void aRequestTheDecoderRefusesReadsInTheSessionsLanguageToo() throws Exception {
        WsClient de = hello("de-DE");
        JsonNode missing = de.request(Map.of("type", "join", "id", "j"));
        assertEquals("bad_request", missing.path("code").asText(), missing.toString());
        assertEquals("Das Feld 'room' ist erforderlich.", missing.path("message").asText());
        JsonNode unknown = de.request(Map.of("type", "frobnicate", "id", "f"));
        assertEquals("unknown_type", unknown.path("code").asText(), unknown.toString());
        assertEquals("Unbekannter Nachrichtentyp 'frobnicate'.", unknown.path("message").asText());
        WsClient en = hello("en-GB");
        assertEquals("The field 'room' is required.", en.request(Map.of("type", "join", "id", "j"))
                .path("message").asText());
    }

    @Test
    void englishAndUnknownLanguagesKeepTheSpecificSentence() throws Exception {
        assertEquals("You need to join this room first.", notInRoomReply("en-GB").path("message").asText());
        assertEquals("You need to join this room first.", notInRoomReply("ja-JP").path("message").asText());
    }
}
