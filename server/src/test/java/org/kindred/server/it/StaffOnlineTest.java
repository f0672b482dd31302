package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;

/**
 * "Staff online" for admins ({@code GET /api/staff/online}) end to end over real sockets and HTTP:
 * an admin's token lists the staff on duty with their role, rooms and since; a moderator's or a
 * supporter's token gets 403, none or a bad one 401; the list follows a staff member who leaves.
 */
class StaffOnlineTest {
    static final String PW = "correct horse battery";

    private TestServer server;
    private final List<WsClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().staff().accounts().create("ada", Role.ADMIN, PW);
        server.server().staff().accounts().create("alex", Role.MODERATOR, PW);
        server.server().staff().accounts().create("sky", Role.SUPPORTER, PW);
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : clients) {
            c.close();
        }
        server.close();
    }

    static HttpResponse<String> online(int port, String token, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/staff/online"));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return Moderators.HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The names listed for {@code token}, after a 200. */
    static Set<String> names(int port, String token) throws Exception {
        HttpResponse<String> r = online(port, token, null);
        assertEquals(200, r.statusCode(), r.body());
        Set<String> names = new TreeSet<>();
        WsClient.JSON.readTree(r.body()).path("staff").forEach(s -> names.add(s.path("name").asText()));
        return names;
    }

    /** Polls until the listed names are {@code expected} (a few seconds at most). */
    static void awaitNames(int port, String token, Set<String> expected) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        Set<String> seen = names(port, token);
        while (!seen.equals(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            seen = names(port, token);
        }
        assertEquals(expected, seen);
    }

    @Test
    void anAdminSeesWhoIsOnDutyWithRoleRoomsAndSinceAndNothingElse() throws Exception {
        long before = System.currentTimeMillis();
        String admin = Moderators.token(server.port(), "ada", PW);
        WsClient alex = Moderators.watching(server, Moderators.token(server.port(), "alex", PW), clients);
        WsClient sky = server.connect();
        clients.add(sky);
        assertEquals("welcome", sky.request(Map.of("type", "hello", "v", 1, "auth",
                Moderators.token(server.port(), "sky", PW), "id", "h")).path("type").asText());
        assertEquals("ok", sky.request(Map.of("type", "mod.watch", "rooms", List.of("depression"), "id", "w"))
                .path("type").asText());

        HttpResponse<String> r = online(server.port(), admin, null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        JsonNode staff = WsClient.JSON.readTree(r.body()).path("staff");
        assertEquals(2, staff.size(), r.body());
        JsonNode a = staff.get(0);
        JsonNode s = staff.get(1);
        assertEquals("alex", a.path("name").asText(), "sorted by name");
        assertEquals("moderator", a.path("role").asText());
        assertEquals("[\"*\"]", a.path("rooms").toString());
        assertEquals("sky", s.path("name").asText());
        assertEquals("supporter", s.path("role").asText());
        assertEquals("[\"depression\"]", s.path("rooms").toString());
        long since = a.path("since").asLong();
        assertTrue(since >= before - 1000 && since <= System.currentTimeMillis(), "since " + since);
        for (JsonNode one : staff) {
            Set<String> fields = new TreeSet<>();
            one.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("name", "role", "rooms", "since"), fields, "nothing but these: " + one);
        }
        assertFalse(r.body().contains("127.0.0.1"), "no addresses");

        alex.close();
        awaitNames(server.port(), admin, Set.of("sky"));
        Moderators.watching(server, admin, clients);
        awaitNames(server.port(), admin, Set.of("ada", "sky"));
    }

    @Test
    void moderatorsAndSupportersAreRefusedAndATokenIsNeeded() throws Exception {
        HttpResponse<String> mod = online(server.port(), Moderators.token(server.port(), "alex", PW), null);
        assertEquals(403, mod.statusCode(), mod.body());
        assertTrue(WsClient.JSON.readTree(mod.body()).path("error").isTextual(), mod.body());
        assertFalse(mod.body().contains("staff\""), "no list: " + mod.body());
        HttpResponse<String> sup = online(server.port(), Moderators.token(server.port(), "sky", PW), null);
        assertEquals(403, sup.statusCode(), sup.body());

        HttpResponse<String> none = online(server.port(), null, null);
        assertEquals(401, none.statusCode(), none.body());
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, online(server.port(), "not-a-token", null).statusCode());
        assertEquals(401, online(server.port(), "A".repeat(43), null).statusCode(), "a well-shaped unknown token");

        String admin = Moderators.token(server.port(), "ada", PW);
        assertEquals(200, online(server.port(), admin, null).statusCode());
        assertEquals(403, online(server.port(), admin, "https://evil.example").statusCode(), "a foreign page");
        assertEquals(200, online(server.port(), admin, "http://127.0.0.1:" + server.port()).statusCode(),
                "the server's own console");
        HttpResponse<String> post = Moderators.HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/staff/online"))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }

    @Test
    void aRevokedAdminTokenIsRefused() throws Exception {
        String admin = Moderators.token(server.port(), "ada", PW);
        assertEquals(200, online(server.port(), admin, null).statusCode());
        assertTrue(server.server().staff().tokens().revoke(admin));
        assertEquals(401, online(server.port(), admin, null).statusCode());
    }
}
