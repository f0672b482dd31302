package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * While the server drains on stop, {@code /readyz} says 503 to a load balancer that still has a
 * connection open, and a member that never takes its close frame is held for at most
 * {@code shutdownGraceSeconds}, not for ever.
 */
class ShutdownDrainTest {
    private static final int GRACE_SECONDS = 3;
    private static final Pattern PENDING = Pattern.compile("(?m)^kindred_outbound_pending_bytes\\S* (\\S+)$");

    @Test
    void readyzIs503WhileDrainingAndTheGracePeriodBoundsAMemberThatIgnoresTheClose() throws Exception {
        TestServer server = new TestServer(b -> b.shutdownGraceSeconds(GRACE_SECONDS)
                .outboundQueueBytes(256 * 1024 * 1024).requestsPerSecond(100_000).requestBurst(100_000)
                .maxFrameBytes(1 << 20).maxText(100_000), "{\"moderation\":{\"enabled\":false}}");
        try (Socket health = new Socket()) {
            // A member that reads nothing, behind a small receive window: once the kernel buffers are
            // full the server can no longer write to it, not even the close frame.
            WsClient stuck = server.connect(Map.of(), null, false, 4096);
            stuck.send(Map.of("type", "hello", "v", 1, "id", "h"));
            stuck.send(Map.of("type", "join", "room", "general", "id", "j"));
            WsClient writer = server.joined("general", "Wren");
            long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!twoIn(writer.request(Map.of("type", "rooms", "id", "r" + System.nanoTime())), "general")) {
                assertTrue(System.nanoTime() < joinDeadline, "the stuck member joined");
                Thread.sleep(20);
            }
            String text = "x".repeat(99_000);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int sent = 0;
            // more than the kernel could still take (its send buffer grows to tcp_wmem's maximum, 4 MiB by default)
            while (pendingBytes(server.port()) < 6L * 1024 * 1024) {
                assertTrue(System.nanoTime() < deadline, "the stuck member's buffers never filled; sent " + sent);
                for (int i = 0; i < 20; i++) {
                    writer.send(Map.of("type", "send", "room", "general", "text", text + (sent++), "id", "s" + sent));
                }
                writer.request(Map.of("type", "rooms", "id", "sync" + sent)); // let the writer's replies drain
            }

            // a load balancer's kept-alive connection (idle ones end after http.requestTimeoutSeconds, 5 s)
            health.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            health.setSoTimeout(10_000);
            assertEquals(200, readyz(health), "ready before the stop");
            long t0 = System.nanoTime();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.server().stop());
            Thread.sleep(300);
            assertEquals(503, readyz(health), "not ready while draining, on a connection already open");
            assertEquals(1001, writer.awaitClose(), "a member that reads gets its close at once");
            stopping.get(GRACE_SECONDS + 10, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(ms >= GRACE_SECONDS * 1000L - 500, "the stop waited for the stuck member: " + ms + " ms");
            assertTrue(ms < GRACE_SECONDS * 1000L + 5_000, "but no longer than the grace period: " + ms + " ms");
            assertTrue(closedWithin(stuck, 10_000), "the stuck member's connection was closed");
        } finally {
            server.close();
        }
    }

    private static boolean twoIn(com.fasterxml.jackson.databind.JsonNode rooms, String id) {
        for (com.fasterxml.jackson.databind.JsonNode n : rooms.path("rooms")) {
            if (id.equals(n.path("room").asText())) {
                return n.path("members").asInt() >= 2;
            }
        }
        return false;
    }

    /** Sends {@code GET /readyz} on a kept-alive connection and returns the status. */
    private static int readyz(Socket s) throws IOException {
        s.getOutputStream().write(("GET /readyz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        String status = line(in);
        int length = 0;
        String h;
        while (!(h = line(in)).isEmpty()) {
            if (h.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(h.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(status.split(" ")[1]);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        if (c == -1 && b.length() == 0) {
            throw new IOException("connection closed");
        }
        return b.toString();
    }

    private static long pendingBytes(int port) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = PENDING.matcher(body);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    /** Reads (and drops) what the server had queued until the end of the stream. */
    private static boolean closedWithin(WsClient c, long ms) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                c.startReading();
                return c.awaitClose() != 0 || c.isClosed();
            } catch (InterruptedException | AssertionError e) {
                return c.isClosed();
            }
        }).get(ms, TimeUnit.MILLISECONDS);
    }
}
