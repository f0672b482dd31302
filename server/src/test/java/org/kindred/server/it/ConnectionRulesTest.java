package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Origin allow-list, connections per address, keep-alive pings, slow consumers. */
class ConnectionRulesTest {

    @Test
    void byDefaultOnlyTheServersOwnOriginMayUpgrade() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient same = server.connect(Map.of("Origin", "http://127.0.0.1:" + server.nextPort()),
                    null, true);
            server.track(same);
            assertEquals(101, same.status());
            WsClient foreign = server.connect(Map.of("Origin", "https://evil.example"), null, false);
            server.track(foreign);
            assertEquals(403, foreign.status());
            WsClient none = server.connect(Map.of(), null, true);
            server.track(none);
            assertEquals(101, none.status(), "clients that send no Origin are not refused for that");
        }
    }

    @Test
    void configuredOriginsAreAllowedAndOthersRefused() throws Exception {
        try (TestServer server = new TestServer(b -> b.allowedOrigins(List.of("https://chat.example.org")))) {
            WsClient ok = server.connect(Map.of("Origin", "https://chat.example.org"), null, true);
            server.track(ok);
            assertEquals(101, ok.status());
            WsClient own = server.connect(Map.of("Origin", "http://127.0.0.1:" + server.nextPort()),
                    null, true);
            server.track(own);
            assertEquals(101, own.status(), "the web client served by this server may always connect");
            assertEquals("welcome", own.request(Map.of("type", "hello", "v", 1, "id", "h")).path("type").asText());
            WsClient foreign = server.connect(Map.of("Origin", "https://evil.example"), null, false);
            server.track(foreign);
            assertEquals(403, foreign.status());
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.serverOf(foreign).port() + "/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("kindred_origin_refused_total 1.0"), metrics);
        }
    }

    @Test
    void tooManyConnectionsFromOneAddressAreClosedWith4029() throws Exception {
        try (TestServer server = new TestServer(b -> b.maxConnectionsPerAddress(2))) {
            WsClient a = server.member();
            WsClient b = server.member();
            WsClient c = server.raw();
            assertEquals(4029, c.awaitClose());
            WsClient other = server.connect(Map.of(), "127.0.0.2", true);
            server.track(other);
            assertEquals("welcome", other.request(Map.of("type", "hello", "v", 1, "id", "h")).path("type").asText(),
                    "another address is not affected");
            a.close();
            Thread.sleep(200);
            WsClient d = server.member();
            assertEquals("rooms", d.request(Map.of("type", "rooms", "id", "r")).path("type").asText());
            assertTrue(!b.isClosed());
        }
    }

    @Test
    void theServerPingsAndClosesAConnectionThatAnswersNothing() throws Exception {
        try (TestServer server = new TestServer(b -> b.pingIntervalSeconds(1).idleTimeoutSeconds(3))) {
            WsClient alive = server.member();
            WsClient silent = server.member();
            silent.autoPong(false);
            long start = System.nanoTime();
            int code = silent.awaitClose();
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(silent.pings() >= 1, "pinged before closing");
            assertTrue(ms >= 1500, "not closed before the idle timeout: " + ms + " ms");
            assertEquals(1000, code, "an idle connection is closed normally (1000), not as a shutdown (1001)");
            assertTrue(alive.pings() >= 1);
            assertTrue(!alive.isClosed(), "a client that answers pings stays");
            assertEquals("rooms", alive.request(Map.of("type", "rooms", "id", "r")).path("type").asText());
        }
    }

    @Test
    void aSlowConsumerIsDisconnectedWhileOthersKeepReceivingEverything() throws Exception {
        try (TestServer server = new TestServer(b -> b.outboundQueueBytes(64 * 1024).maxFrameBytes(65_536)
                .maxText(20_000).requestBurst(100_000).requestsPerSecond(100_000))) {
            WsClient sender = server.joined("general", "Sender");
            WsClient reader = server.joined("general", "Reader");
            WsClient slow = server.connect(Map.of(), null, false, 16 * 1024);
            server.track(slow);
            slow.send(Map.of("type", "hello", "v", 1));
            slow.send(Map.of("type", "join", "room", "general", "nick", "Slow"));
            reader.await("presence");
            String text = "z".repeat(19_000);
            int n = 1500;
            for (int i = 0; i < n; i++) {
                // paced like a conversation, so members who read are never behind; the slow one never reads
                // "n" first: "1488zzz…" reads as the hate code 1488 followed by a word, and is blocked
                sender.send(Map.of("type", "send", "room", "general", "text", "n" + i + text));
                JsonNode m = reader.await("message");
                assertTrue(m.path("text").asText().startsWith("n" + i + "z"), "in order, nothing lost");
                sender.await("message");
            }
            String metrics = server.serverOf(slow).metrics().scrape(); // the slow member's node counts it
            assertTrue(metrics.contains("kindred_slow_consumers_total 1.0"), () -> "the slow member was disconnected: "
                    + metrics.lines().filter(l -> l.startsWith("kindred_")).toList());
            slow.startReading();
            assertEquals(-1, slow.awaitClose(), "its socket was closed without waiting for it to read");
        }
    }
}
