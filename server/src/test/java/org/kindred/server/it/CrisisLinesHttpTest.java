package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Help that never depends on a session, over real sockets: {@code GET /api/crisis-lines} for
 * anyone, and {@code help} answered with the lines on a connection refused {@code banned}.
 */
class CrisisLinesHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    private HttpResponse<String> get(String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/crisis-lines" + query));
        headers.forEach(b::header);
        return Moderators.HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyoneGetsTheLinesOfTheirRegionInTheirLanguageCacheable() throws Exception {
        HttpResponse<String> r = get("?region=fr&lang=fr", Map.of("Origin", "https://elsewhere.example"));
        assertEquals(200, r.statusCode(), "no session and no Origin check");
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertTrue(r.headers().firstValue("cache-control").orElse("").contains("max-age="));
        String etag = r.headers().firstValue("etag").orElseThrow();
        JsonNode body = JSON.readTree(r.body());
        assertEquals("FR", body.path("region").asText());
        assertEquals("fr", body.path("lang").asText());
        assertTrue(body.path("text").asText().contains("vous"), "the sentence is in French");
        assertFalse(body.has("escalation"));
        assertEquals("3114", body.path("resources").get(0).path("phone").asText(), "the crisis line, not 112");
        assertEquals("international", last(body).path("region").asText(), "the directory comes last");

        assertEquals(304, get("?region=fr&lang=fr", Map.of("If-None-Match", etag)).statusCode());
    }

    @Test
    void imminentStartsWithTheEmergencyNumber() throws Exception {
        JsonNode us = JSON.readTree(get("?region=US&lang=en&level=imminent", Map.of()).body());
        assertEquals("911", us.path("resources").get(0).path("phone").asText());
        assertEquals("988", us.path("resources").get(1).path("phone").asText());
        JsonNode au = JSON.readTree(get("?region=AU&level=imminent", Map.of()).body());
        assertEquals("000", au.path("resources").get(0).path("phone").asText());
        JsonNode gb = JSON.readTree(get("?region=UK&lang=en&level=imminent", Map.of()).body());
        assertEquals("999", gb.path("resources").get(0).path("phone").asText(), "aliases work");
    }

    @Test
    void unknownRegionGetsTheInternationalDirectoryAndBadShapesAPlainSentence() throws Exception {
        JsonNode zz = JSON.readTree(get("?region=ZZ&lang=en", Map.of()).body());
        assertEquals("international", zz.path("region").asText());
        for (JsonNode res : zz.path("resources")) {
            assertEquals("international", res.path("region").asText(), "never another country's lines");
        }
        JsonNode byLang = JSON.readTree(get("?lang=de", Map.of()).body());
        assertEquals("DE", byLang.path("region").asText(), "no region: the language's default region");
        JsonNode none = JSON.readTree(get("", Map.of()).body());
        assertEquals("en", none.path("lang").asText());
        assertTrue(none.path("resources").size() > 0);
        for (String bad : List.of("?region=USA", "?region=1", "?lang=%3Cscript%3E", "?level=panic",
                "?region=US&region=GB")) {
            HttpResponse<String> r = get(bad, Map.of());
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().endsWith(".\n") && r.body().length() < 80, "a short plain sentence: " + r.body());
        }
        assertEquals(405, Moderators.HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/api/crisis-lines")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void aBannedPersonsHelpIsAnsweredWithTheLinesNeverBanned() throws Exception {
        WsClient a = server.connect(Map.of(), "127.0.0.5", true);
        extra.add(a);
        a.request(Map.of("type", "hello", "v", 1, "id", "h", "region", "DE", "locale", "de-DE"));
        a.request(Map.of("type", "join", "room", "general", "id", "j"));
        server.server().bootstrapModerator("alex:correct horse battery");
        WsClient mod = Moderators.watching(server,
                Moderators.token(server.port(), "alex", "correct horse battery"), extra);
        assertEquals("ok", mod.request(Map.of("type", "mod.ban", "member", TestServer.welcomeMember(a),
                "reason", "threats", "id", "b")).path("type").asText());
        assertEquals(4003, a.awaitClose());

        TestServer.Answered answered = server.helloAfterBan("127.0.0.5", Map.of("type", "hello", "v", 1, "id", "h",
                "region", "DE", "locale", "de-DE"));
        WsClient again = answered.client();
        JsonNode refused = answered.reply();
        assertEquals("banned", refused.path("code").asText(), refused.toString());
        JsonNode card = again.request(Map.of("type", "help", "id", "help1"));
        assertEquals("crisis", card.path("type").asText(), "help after a banned hello: " + card);
        assertEquals("help1", card.path("id").asText());
        assertEquals("DE", card.path("resources").get(0).path("region").asText(), "the hello's region");
        assertTrue(card.path("text").asText().contains("du"), "in the hello's language");
        assertFalse(card.has("escalation"), "no session, no escalation");
        assertFalse(again.isClosed(), "the connection stays open");
        // twice is fine too: a person may press the button again
        assertEquals("crisis", again.request(Map.of("type", "help", "id", "help2")).path("type").asText());

        WsClient fresh = server.connect(Map.of(), "127.0.0.6", true);
        extra.add(fresh);
        assertEquals("hello_required", fresh.request(Map.of("type", "help", "id", "x")).path("code").asText(),
                "before any hello PROTOCOL.md's hello_required holds, also for help");
        assertEquals("hello_required", fresh.request(Map.of("type", "rooms", "id", "r")).path("code").asText(),
                "everything else still needs a session");
    }

    private static JsonNode last(JsonNode body) {
        JsonNode res = body.path("resources");
        return res.get(res.size() - 1);
    }
}
