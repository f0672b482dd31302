package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.util.ResourceLeakDetector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * HTTP hygiene over real sockets: slow and half-sent requests are closed on time, connections
 * are capped per network, malformed and oversized requests get their status and a closed
 * connection, and every response carries the security headers and no exception text.
 */
class HttpHygieneTest {
    private static final String FAST = "{\"http\":{\"requestTimeoutSeconds\":2}}";
    private static final List<String> LEAKY = List.of("Exception", "\tat ", "at io.netty", "at org.kindred",
            "unterminated", "missing key", "not a WebSocket request", "are not allowed in");

    /** A raw HTTP/1.1 client socket, from {@code from} (a loopback address) or the default. */
    static Socket open(int port, String from) throws IOException {
        Socket s = new Socket();
        if (from != null) {
            s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        }
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setSoTimeout(8000);
        return s;
    }

    static void write(Socket s, String raw) throws IOException {
        s.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
    }

    /** Everything until the server closes the connection (fails if it does not within the socket timeout). */
    static String readToClose(Socket s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        InputStream in = s.getInputStream();
        byte[] buf = new byte[8192];
        int n;
        try {
            while ((n = in.read(buf)) != -1) {
                b.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("server kept the connection open; got: " + b.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // reset after the answer: what was read counts
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    /** One response with a Content-Length body, leaving the connection open. */
    static String readResponse(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                throw new AssertionError("closed during the response: " + head);
            }
            head.append((char) c);
        }
        int len = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                len = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(len), StandardCharsets.ISO_8859_1);
    }

    static void assertHygienic(String response) {
        String lower = response.toLowerCase();
        assertTrue(lower.contains("x-content-type-options: nosniff"), response);
        assertTrue(lower.contains("referrer-policy: no-referrer"), response);
        for (String s : LEAKY) {
            assertFalse(response.contains(s), () -> "'" + s + "' reached the client: " + response);
        }
    }

    /** Sends one request on a fresh connection and expects {@code status} and then a closed connection. */
    static String refused(TestServer server, String request, int status) throws IOException {
        try (Socket s = open(server.port(), null)) {
            write(s, request);
            String r = readToClose(s);
            assertTrue(r.startsWith("HTTP/1.1 " + status + " "), r);
            assertHygienic(r);
            return r;
        }
    }

    @Test
    void slowAndHalfSentRequestsAreClosedOnTimeWhileOthersAreServed() throws Exception {
        try (TestServer server = new TestServer(b -> b, FAST)) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Socket s = open(server.port(), null);
                write(s, i % 2 == 0 ? "GET /healthz HTTP/1.1\r\nHost: a\r\n"
                        : "POST /api/login HTTP/1.1\r\nHost: a\r\nContent-Length: 1000\r\n\r\n{\"na");
                slow.add(s);
            }
            long start = System.nanoTime();
            // trickle a byte every 300 ms: it does not buy more time
            boolean[] closed = new boolean[slow.size()];
            int open = slow.size();
            while (open > 0 && System.nanoTime() - start < 8_000_000_000L) {
                try (Socket canary = open(server.port(), "127.0.0.2")) {
                    write(canary, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
                    assertTrue(readResponse(canary).startsWith("HTTP/1.1 200 "), "others are served meanwhile");
                }
                for (int i = 0; i < slow.size(); i++) {
                    if (closed[i]) {
                        continue;
                    }
                    Socket s = slow.get(i);
                    try {
                        write(s, "x");
                        s.setSoTimeout(10);
                        if (s.getInputStream().read() == -1) {
                            closed[i] = true;
                            open--;
                        }
                    } catch (SocketTimeoutException e) {
                        // still open
                    } catch (IOException e) {
                        closed[i] = true;
                        open--;
                    }
                }
                Thread.sleep(300);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, open, "every slow request was closed");
            assertTrue(ms >= 1500 && ms < 6000, "closed about 2 s after opening: " + ms + " ms");
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (TestServer server = new TestServer(b -> b, FAST); Socket s = open(server.port(), null)) {
            write(s, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
            String r = readResponse(s);
            assertTrue(r.startsWith("HTTP/1.1 200 "), r);
            assertHygienic(r);
            long start = System.nanoTime();
            assertEquals("", readToClose(s));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms >= 1500 && ms < 5000, "closed about 2 s after the response: " + ms + " ms");
        }
    }

    @Test
    void plainHttpConnectionsAreCappedPerNetwork() throws Exception {
        try (TestServer server = new TestServer(b -> b.maxConnectionsPerAddress(4), FAST)) {
            List<Socket> idle = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                idle.add(open(server.port(), null));
            }
            Thread.sleep(200);
            String r = refused(server, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n", 429);
            assertTrue(r.toLowerCase().contains("retry-after:"), r);
            // a flood from the same network: past twice the cap, connections are closed at once
            List<Socket> flood = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                flood.add(open(server.port(), null));
            }
            Thread.sleep(300);
            int dropped = 0;
            for (Socket s : flood) {
                s.setSoTimeout(200);
                try {
                    if (s.getInputStream().read() == -1) {
                        dropped++;
                    }
                } catch (SocketTimeoutException e) {
                    // kept for an answer
                } catch (IOException e) {
                    dropped++;
                }
            }
            assertTrue(dropped >= 26, "at most 4 admitted + 4 refused kept: dropped " + dropped);
            try (Socket other = open(server.port(), "127.0.0.2")) {
                write(other, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
                assertTrue(readResponse(other).startsWith("HTTP/1.1 200 "), "another network is not affected");
            }
            // the idle ones run out of time and free their places
            Thread.sleep(2600);
            try (Socket again = open(server.port(), null)) {
                write(again, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
                assertTrue(readResponse(again).startsWith("HTTP/1.1 200 "));
            }
            for (Socket s : idle) {
                s.close();
            }
            for (Socket s : flood) {
                s.close();
            }
        }
    }

    @Test
    void malformedAndOversizedRequestsGetTheirStatusAndAreClosed() throws Exception {
        try (TestServer server = new TestServer()) {
            refused(server, "POST /api/login HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n4\r\n{}{}\r\n0\r\n\r\n", 400);
            refused(server, "POST /api/login HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100000\r\n\r\n{", 413);
            refused(server, "GET /healthz HTTP/1.1\r\nHost: a\r\nCookie: " + "c".repeat(10_000) + "\r\n\r\n", 431);
            refused(server, "GET /" + "p".repeat(6000) + " HTTP/1.1\r\nHost: a\r\n\r\n", 414);
            refused(server, "POST /% HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", 400);
            refused(server, "GET / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400);
            try (Socket s = open(server.port(), null)) {
                write(s, "GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
                assertTrue(readResponse(s).startsWith("HTTP/1.1 200 "), "the server is fine afterwards");
            }
        }
    }

    @Test
    void everyKindOfResponseCarriesTheHeadersAndNoExceptionText() throws Exception {
        try (TestServer server = new TestServer()) {
            for (String path : List.of("/", "/healthz", "/api/rooms", "/metrics", "/missing.js", "/ws")) {
                try (Socket s = open(server.port(), null)) {
                    write(s, "GET " + path + " HTTP/1.1\r\nHost: a\r\n\r\n");
                    assertHygienic(readResponse(s));
                }
            }
            refused(server, "DELETE /healthz HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", 405);
            String ws = "GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n";
            refused(server, ws + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n", 400);
            refused(server, ws + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
                    400);
            try (Socket s = open(server.port(), null)) {
                write(s, ws + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 99\r\n\r\n");
                String r = readResponse(s);
                assertTrue(r.startsWith("HTTP/1.1 426 "), r);
                assertHygienic(r);
            }
            WsClient foreign = server.connect(Map.of("Origin", "https://evil.example"), null, false);
            server.track(foreign);
            assertEquals(403, foreign.status());
        }
    }

    @Test
    void undecodableRequestsLeakNoBuffers() throws Exception {
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        ch.qos.logback.classic.Logger netty = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.netty");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        netty.addAppender(log);
        try (TestServer server = new TestServer()) {
            String body = "b".repeat(2000);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 50; i++) {
                    refused(server, "POST /% HTTP/1.1\r\nHost: a\r\nContent-Length: " + body.length() + "\r\n\r\n"
                            + body, 400);
                }
                System.gc();
                Thread.sleep(200);
            }
            List<String> leaks = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("LEAK")).toList();
            assertEquals(List.of(), leaks);
        } finally {
            netty.detachAppender(log);
            ResourceLeakDetector.setLevel(before);
        }
    }
}
