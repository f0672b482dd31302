package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;

/**
 * {@code POST /api/login} over real HTTP: sign-in throttling cannot be turned against a
 * moderator from another address, only JSON is accepted, and foreign browser origins are refused.
 * The attacker's requests leave from 127.0.0.2, a different address (so a different network
 * fingerprint) from the moderator's 127.0.0.1.
 */
class LoginHttpTest {
    private static final String PW = "a long calm passphrase";
    private static final InetAddress ATTACKER = loopback(2);
    private static final InetAddress MODERATOR = loopback(1);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.server().staff().accounts().create("ada", Role.MODERATOR, PW);
        server.server().staff().accounts().create("bea", Role.MODERATOR, PW);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anAttackerOnAnotherAddressFailing20TimesDoesNotKeepTheModeratorOut() throws Exception {
        String[] spellings = {"ada", "ADA", " ada", "\uff41\uff44\uff41"};
        int throttled = 0;
        for (int i = 0; i < 20; i++) {
            Response r = post(ATTACKER, json(spellings[i % spellings.length], "guess-" + i), Map.of());
            assertTrue(r.status == 401 || r.status == 429, "attempt " + i + ": " + r.status);
            if (r.status == 429) {
                throttled++;
                assertTrue(Long.parseLong(r.headers.get("retry-after")) >= 1, "Retry-After in seconds");
            }
        }
        assertTrue(throttled >= 10, "every spelling is one account: the attacker was slowed down, 429s: " + throttled);
        assertEquals(429, post(ATTACKER, json("ada", PW), Map.of()).status,
                "even the right password waits from the attacker's address");

        long t0 = System.nanoTime();
        Response mine = post(MODERATOR, json("ada", PW), Map.of());
        assertEquals(200, mine.status, mine.body);
        assertTrue(mine.body.contains("\"token\""));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "at once, no waiting for a lock-out");
    }

    @Test
    void repeatedFailuresFromOneAddressGetGrowingDelaysWithRetryAfter() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, post(MODERATOR, json("bea", "wrong-" + i), Map.of()).status);
        }
        Response r = post(MODERATOR, json("bea", PW), Map.of());
        assertEquals(429, r.status);
        assertEquals("1", r.headers.get("retry-after"));
        assertTrue(r.body.contains("retryAfterMs"));
        assertEquals(200, post(MODERATOR, json("ada", PW), Map.of()).status, "another account is not affected");
        Thread.sleep(1_100); // the delay has passed: the next failure is checked, and doubles it
        assertEquals(401, post(MODERATOR, json("bea", "wrong-again"), Map.of()).status);
        Response longer = post(MODERATOR, json("bea", PW), Map.of());
        assertEquals(429, longer.status);
        assertEquals("2", longer.headers.get("retry-after"), "1 s, then 2 s, 4 s …");
    }

    @Test
    void onlyJsonIsAccepted() throws Exception {
        String body = json("ada", PW);
        assertEquals(415, post(MODERATOR, body, Map.of("Content-Type", "text/plain")).status);
        assertEquals(415, post(MODERATOR, "user=ada&password=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded")).status);
        assertEquals(415, post(MODERATOR, body, Map.of("Content-Type", "multipart/form-data; boundary=x")).status);
        assertEquals(415, post(MODERATOR, body, Map.of("Content-Type", "")).status, "no content type");
        assertEquals(200, post(MODERATOR, body, Map.of("Content-Type", "Application/JSON; charset=UTF-8")).status);
    }

    @Test
    void aForeignBrowserOriginIsRefusedTheServersOwnAndNoOriginPass() throws Exception {
        String body = json("ada", PW);
        Response foreign = post(MODERATOR, body, Map.of("Origin", "https://evil.example"));
        assertEquals(403, foreign.status);
        assertFalse(foreign.body.contains("token"));
        assertEquals(403, post(MODERATOR, body, Map.of("Origin", "null")).status, "sandboxed or file pages");
        String own = "http://127.0.0.1:" + server.port();
        assertEquals(200, post(MODERATOR, body, Map.of("Origin", own)).status);
        assertEquals(200, post(MODERATOR, body, Map.of()).status, "non-browser clients send no Origin");
    }

    @Test
    void refusedRequestsDoNotCountAsFailedSignIns() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(415, post(MODERATOR, json("ada", "x"), Map.of("Content-Type", "text/plain")).status);
            assertEquals(403, post(MODERATOR, json("ada", "x"), Map.of("Origin", "https://evil.example")).status);
        }
        assertEquals(200, post(MODERATOR, json("ada", PW), Map.of()).status);
    }

    private static String json(String user, String password) throws IOException {
        return WsClient.JSON.writeValueAsString(Map.of("user", user, "password", password));
    }

    /** One HTTP/1.1 POST from {@code from}; {@code headers} override the JSON content type ("" drops it). */
    private Response post(InetAddress from, String body, Map<String, String> headers) throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1:" + server.port());
        h.put("Content-Type", "application/json");
        h.putAll(headers);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder("POST /api/login HTTP/1.1\r\n");
        h.forEach((k, v) -> {
            if (!v.isEmpty()) {
                req.append(k).append(": ").append(v).append("\r\n");
            }
        });
        req.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket s = new Socket()) {
            s.bind(new InetSocketAddress(from, 0));
            s.connect(new InetSocketAddress(MODERATOR, server.port()), 5_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            return Response.parse(readAll(s.getInputStream()));
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.UTF_8);
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Response(int status, Map<String, String> headers, String body) {
        static Response parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String[] lines = raw.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
        }
    }
}
