package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.moderator.ModeratorsCommand;

/**
 * Disabling a staff account with the admin command (another JVM process writing the same SQLite
 * database, as operators run it) cuts the account's open consoles off with 4003 within a second,
 * and neither its resume tokens nor its login tokens give staff rights afterwards.
 */
class StaffRevocationTest {
    private static final String PASSWORD = "correct horse battery";
    private TestServer server;
    private final List<WsClient> extra = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().bootstrapModerator("alex:" + PASSWORD);
        addModerator(server, "bea");
    }

    @AfterEach
    void stop() throws Exception {
        for (WsClient c : extra) {
            c.close();
        }
        server.close();
    }

    @Test
    void disablingAnAccountClosesItsLiveConsoleWithin1sAndItsTokensStopGivingStaffRights() throws Exception {
        String login = Moderators.token(server.port(), "alex", PASSWORD);
        WsClient console = Moderators.watching(server, login, extra);
        String resume = TestServer.welcomeSession(console);
        String staffId = TestServer.welcomeMember(console);
        String otherLogin = Moderators.token(server.port(), "bea", PASSWORD);
        WsClient colleague = Moderators.watching(server, otherLogin, extra);

        assertEquals(0, cli("disable", "alex"));
        long disabledAt = System.nanoTime();
        int code = console.awaitClose();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - disabledAt);
        assertEquals(4003, code, "closed as revoked");
        assertTrue(tookMs < 1000, "console cut off within a second, took " + tookMs + " ms");

        // the resume token no longer restores the staff session
        WsClient back = server.raw();
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "resume", resume, "id", "h"));
        assertEquals("welcome", w.path("type").asText());
        assertEquals("member", w.path("member").path("role").asText());
        assertNotEquals(staffId, w.path("member").path("id").asText());
        assertEquals("forbidden", back.request(Map.of("type", "mod.queue", "id", "q")).path("code").asText());

        // the login token is dead too, over WebSocket and for a new login
        WsClient again = server.raw();
        assertEquals("unauthorized", again.request(Map.of("type", "hello", "v", 1, "auth", login, "id", "h"))
                .path("code").asText());
        assertEquals(401, Moderators.login(server.port(), "alex", PASSWORD).statusCode());

        // another account's console is untouched
        assertEquals("queue", colleague.request(Map.of("type", "mod.queue", "id", "q")).path("type").asText());
        assertTrue(!colleague.isClosed());
    }

    @Test
    void aDroppedStaffSessionCannotBeResumedWithStaffRightsOnceDisabled() throws Exception {
        String login = Moderators.token(server.port(), "bea", PASSWORD);
        WsClient console = Moderators.watching(server, login, extra);
        String resume = TestServer.welcomeSession(console);
        String staffId = TestServer.welcomeMember(console);
        console.drop();
        assertEquals(ModeratorsCommand.OK, inProcess(server, "", "disable", "bea"));

        WsClient back = server.raw();
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "resume", resume, "id", "h"));
        assertEquals("member", w.path("member").path("role").asText(), "no staff rights: " + w);
        assertNotEquals(staffId, w.path("member").path("id").asText());
        assertEquals("forbidden", back.request(Map.of("type", "mod.watch", "rooms", List.of("*"), "id", "w"))
                .path("code").asText());
    }

    @Test
    void anEnabledAccountResumesItsStaffSession() throws Exception {
        String login = Moderators.token(server.port(), "bea", PASSWORD);
        WsClient console = Moderators.watching(server, login, extra);
        String resume = TestServer.welcomeSession(console);
        String staffId = TestServer.welcomeMember(console);
        console.drop();
        Thread.sleep(100);
        WsClient back = server.raw();
        JsonNode w = back.request(Map.of("type", "hello", "v", 1, "resume", resume, "id", "h"));
        assertEquals("moderator", w.path("member").path("role").asText());
        assertEquals(staffId, w.path("member").path("id").asText());
        assertEquals("queue", back.request(Map.of("type", "mod.queue", "id", "q")).path("type").asText());
        Thread.sleep(600); // a few revocation checks pass without touching it
        assertTrue(!back.isClosed());
    }

    /** The admin command called in-process; it opens its own store connection, as the CLI does. */
    private static int inProcess(TestServer server, String password, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(where(server));
        return ModeratorsCommand.run(all.toArray(String[]::new),
                new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)),
                new PrintStream(OutputStream.nullOutputStream()), new PrintStream(OutputStream.nullOutputStream()));
    }

    private static void addModerator(TestServer server, String name) {
        assertEquals(ModeratorsCommand.OK, inProcess(server, PASSWORD, "moderators", "add", name));
    }

    /** The admin command as its own JVM, on the running server's data directory. */
    private int cli(String verb, String name) throws Exception {
        Process p = cliProcess(server, verb, name);
        p.getOutputStream().close();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    private static Process cliProcess(TestServer server, String verb, String name) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "org.kindred.server.Main", "moderators", verb, name));
        cmd.addAll(where(server));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    /** The store the command works on: the server's data directory, or the database its nodes share. */
    private static List<String> where(TestServer server) {
        return server.database() != null ? List.of("--database", server.database())
                : List.of("--data-dir", server.dataDir().toString());
    }
}
