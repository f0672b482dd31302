package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain HTTP side of the port, over a real socket. */
class HttpEndpointsTest {
    private static TestServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = new TestServer();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(server.port(), path);
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> method(String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndReadiness() throws Exception {
        assertEquals(200, get("/healthz").statusCode());
        assertEquals(200, get("/readyz").statusCode());
    }

    @Test
    void apiRoomsIsTheRoomsListWithLiveCounts() throws Exception {
        server.joined("grief", "Ann");
        HttpResponse<String> r = get("/api/rooms");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        JsonNode body = WsClient.JSON.readTree(r.body());
        assertEquals("rooms", body.path("type").asText());
        boolean found = false;
        for (JsonNode n : body.path("rooms")) {
            if (n.path("room").asText().equals("grief")) {
                found = true;
                assertEquals(1, n.path("members").asInt());
            }
        }
        assertTrue(found);
    }

    @Test
    void metricsArePrometheusTextWithTheServersCounters() throws Exception {
        WsClient a = server.joined("general", "Ann");
        a.request(Map.of("type", "send", "room", "general", "text", "a distinctive sentence", "id", "s"));
        a.request(Map.of("type", "dance", "id", "d"));
        HttpResponse<String> r = get(server.serverOf(a).port(), "/metrics"); // the counters of a's node
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
        String body = r.body();
        for (String metric : new String[] {"kindred_connections ", "kindred_rooms ", "kindred_messages_in_total ",
                "kindred_messages_out_total ", "kindred_errors_total{code=\"unknown_type\"}"}) {
            assertTrue(body.contains(metric), metric);
        }
        assertFalse(body.contains("distinctive"), "no message text in metrics");
        assertTrue(value(body, "kindred_messages_in_total") >= 1);
        assertTrue(value(body, "kindred_errors_total{code=\"unknown_type\"}") >= 1);
    }

    private static double value(String body, String name) {
        for (String line : body.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + name);
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertEquals(404, get("/nope").statusCode());
        assertEquals(404, get("/../../etc/passwd").statusCode());
        HttpResponse<String> r = method("POST", "/healthz");
        assertEquals(405, r.statusCode());
        assertTrue(r.headers().firstValue("allow").orElse("").contains("GET"));
        assertEquals(405, method("DELETE", "/api/rooms").statusCode());
        assertEquals(405, method("POST", "/ws").statusCode());
        assertEquals(400, get("/ws").statusCode(), "GET /ws without upgrade");
    }

    @Test
    void notFoundDoesNotEchoThePath() throws Exception {
        HttpResponse<String> r = get("/%3Cscript%3Ealert(1)%3C/script%3E");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("script"));
    }

    @Test
    void theWebClientIsServedAtTheRootWithAStrictPolicy() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(r.body().contains("Kindred"));
        String csp = r.headers().firstValue("content-security-policy").orElse("");
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", r.headers().firstValue("x-content-type-options").orElse(""));
    }
}
