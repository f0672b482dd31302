package org.kindred.server.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Signs moderators in over HTTP and connects them over WebSocket. */
final class Moderators {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    private Moderators() {
    }

    static HttpResponse<String> login(int port, String user, String password) throws Exception {
        String body = WsClient.JSON.writeValueAsString(Map.of("user", user, "password", password));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String token(int port, String user, String password) throws Exception {
        HttpResponse<String> r = login(port, user, password);
        if (r.statusCode() != 200) {
            throw new AssertionError("login failed: " + r.statusCode());
        }
        return WsClient.JSON.readTree(r.body()).path("token").asText();
    }

    /** A signed-in moderator connection watching every room. */
    static WsClient watching(int port, String token, List<WsClient> track) throws Exception {
        WsClient c = WsClient.connect(port);
        track.add(c);
        return watch(c, token);
    }

    /** As above, connected through {@code server} (to its next node when spread). */
    static WsClient watching(TestServer server, String token, List<WsClient> track) throws Exception {
        WsClient c = server.connect();
        track.add(c);
        return watch(c, token);
    }

    private static WsClient watch(WsClient c, String token) throws Exception {
        JsonNode w = c.request(Map.of("type", "hello", "v", 1, "auth", token, "id", "mh"));
        if (!"welcome".equals(w.path("type").asText())) {
            throw new AssertionError("moderator hello failed: " + w);
        }
        JsonNode ok = c.request(Map.of("type", "mod.watch", "rooms", List.of("*"), "id", "mw"));
        if (!"ok".equals(ok.path("type").asText())) {
            throw new AssertionError("watch failed: " + ok);
        }
        return c;
    }
}
