package org.kindred.server.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** WebSocket abuse over real sockets: ping floods that never read, broken close frames. */
class WebSocketHygieneTest {
    private static final int QUEUE = 64 * 1024;

    /** A WebSocket that never reads: a tiny receive buffer and nobody reading it. */
    private static Socket deafSocket(int port) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.getOutputStream().write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c == -1) {
                throw new AssertionError("closed during the handshake");
            }
            head.append((char) c);
        }
        assertTrue(head.toString().startsWith("HTTP/1.1 101 "), head.toString());
        return s;
    }

    /** Many masked ping frames with 125-byte payloads, back to back. */
    private static byte[] pings(int n) {
        ByteArrayOutputStream b = new ByteArrayOutputStream(n * 131);
        byte[] mask = {1, 2, 3, 4};
        for (int i = 0; i < n; i++) {
            b.write(0x89);
            b.write(0x80 | 125);
            b.writeBytes(mask);
            for (int j = 0; j < 125; j++) {
                b.write('p' ^ mask[j & 3]);
            }
        }
        return b.toByteArray();
    }

    private static long gauge(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + " ")).findFirst()
                .map(l -> (long) Double.parseDouble(l.substring(name.length() + 1))).orElse(-1L);
    }

    @Test
    void aPingFloodThatNeverReadsIsDisconnectedWithBoundedMemoryAndOthersAreUnaffected() throws Exception {
        try (TestServer server = new TestServer(b -> b.outboundQueueBytes(QUEUE))) {
            WsClient canary = server.joined("general", "Canary");
            Socket deaf = deafSocket(server.port());
            AtomicLong most = new AtomicLong();
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    long v = gauge(server.server().metrics().scrape(), "kindred_outbound_pending_bytes");
                    most.accumulateAndGet(v, Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.start();
            byte[] chunk = pings(500); // 65.5 KB of pings, 62.5 KB of pongs owed
            OutputStream out = deaf.getOutputStream();
            long sent = 0;
            boolean cut = false;
            long start = System.nanoTime();
            try {
                while (sent < 64L * 1024 * 1024) {
                    out.write(chunk);
                    sent += chunk.length;
                    if (sent % (chunk.length * 40L) == 0) {
                        // the canary keeps getting answers throughout
                        assertEquals("rooms", canary.request(Map.of("type", "rooms", "id", "r" + sent))
                                .path("type").asText());
                    }
                }
            } catch (IOException e) {
                cut = true;
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            sampling.set(false);
            sampler.join();
            deaf.close();
            assertTrue(cut, "the server closed the flooding connection (sent " + sent + " bytes)");
            assertTrue(sent < 32L * 1024 * 1024, "long before 32 MB of pings: " + sent);
            assertTrue(most.get() <= 2L * QUEUE, "outbound bytes stayed bounded: " + most.get());
            String metrics = server.server().metrics().scrape();
            assertEquals(1, gauge(metrics, "kindred_slow_consumers_total"), "counted once");
            assertFalse(canary.isClosed());
            assertEquals("rooms", canary.request(Map.of("type", "rooms", "id", "after")).path("type").asText());
            System.out.println("ping flood: cut after " + sent + " bytes in " + ms + " ms; most pending " + most.get());
        }
    }

    @Test
    void aCloseFrameWithAnInvalidUtf8ReasonIsAnswered1007() throws Exception {
        try (TestServer server = new TestServer()) {
            WsClient c = server.member();
            c.frame(8, new byte[] {0x03, (byte) 0xE8, 'o', 'k', (byte) 0xC3, 0x28});
            assertEquals(1007, c.awaitClose());
            WsClient d = server.member();
            d.frame(8, new byte[] {0x03, (byte) 0xED}); // 1005 may never be sent
            assertEquals(1002, d.awaitClose());
            WsClient e = server.member();
            e.frame(8, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'});
            assertEquals(1000, e.awaitClose(), "a valid close is echoed");
        }
    }
}
