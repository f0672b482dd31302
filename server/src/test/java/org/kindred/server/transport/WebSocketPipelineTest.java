package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.testing.Harness;

/** The whole pipeline after a WebSocket handshake, fed raw client frames. */
class WebSocketPipelineTest {
    private final Harness h = new Harness();
    private final ConnectionGroup group = new ConnectionGroup();

    @org.junit.jupiter.api.AfterEach
    void close() {
        h.close();
    }

    private Wire upgraded(KindredConfig cfg) throws Exception {
        Wire w = new Wire(null, new AddressLimiter(4), HttpLimits.defaults(), Map.of(),
                () -> new WebSocketFrameHandler(h.dispatcher, h.codec, h.metrics, new Connection.Limits(60, 20, 3),
                        System::currentTimeMillis, group), cfg);
        String r = w.send("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").received();
        assertTrue(r.startsWith("HTTP/1.1 101 "), r);
        assertEquals(1, group.size());
        return w;
    }

    /** One masked client frame (payload under 126 bytes). */
    static byte[] frame(int opcode, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        f.write(0x80 | payload.length);
        byte[] mask = {0x11, 0x22, 0x33, 0x44};
        f.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i & 3]);
        }
        return f.toByteArray();
    }

    /** The close code of the single close frame in what the server sent, or -1 when there is none. */
    static int closeCode(String wire) {
        byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + 3 < b.length; ) {
            int op = b[i] & 0x0F;
            int len = b[i + 1] & 0x7F;
            if (op == 8) {
                return ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
            }
            i += 2 + len;
        }
        return -1;
    }

    @Test
    void aCloseFrameWithAnInvalidUtf8ReasonIsAnswered1007() throws Exception {
        Wire w = upgraded(h.config);
        byte[] payload = {0x03, (byte) 0xE8, (byte) 0xC3, 0x28}; // 1000, then a broken two-byte sequence
        w.send(frame(8, payload));
        String out = w.received();
        assertEquals(1007, closeCode(out));
        assertTrue(out.contains("Invalid UTF-8"), "a fixed reason");
        assertFalse(w.ch.isActive());
        w.finish();
    }

    @Test
    void invalidUtf8InATextFrameIs1007AndOtherViolations1002() throws Exception {
        Wire w = upgraded(h.config);
        w.send(frame(1, new byte[] {'{', (byte) 0xFF, '}'}));
        assertEquals(1007, closeCode(w.received()));
        w.finish();
        Wire bad = upgraded(h.config);
        bad.send(new byte[] {(byte) 0x81, 0x01, 'x'}); // not masked
        String out = bad.received();
        assertEquals(1002, closeCode(out));
        assertFalse(out.contains("mask"), "no decoder text in the reason: " + out);
        bad.finish();
    }

    @Test
    void aValidCloseIsEchoed() throws Exception {
        Wire w = upgraded(h.config);
        w.send(frame(8, new byte[] {0x03, (byte) 0xE8, 'b', 'y', 'e'}));
        assertEquals(1000, closeCode(w.received()));
        assertFalse(w.ch.isActive());
        w.finish();
    }

    @Test
    void pongsObeyTheOutboundLimitAndAPeerThatNeverReadsIsDisconnected() throws Exception {
        KindredConfig cfg = h.config.toBuilder().outboundQueueBytes(16 * 1024).build();
        Wire w = upgraded(cfg);
        // from here on the peer reads nothing: no flush ever reaches the socket
        w.ch.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
            }
        });
        ChannelOutboundBuffer buffer = w.ch.unsafe().outboundBuffer();
        byte[] ping = frame(9, new byte[120]);
        long most = 0;
        int sent = 0;
        while (w.ch.isActive() && sent < 10_000) {
            w.send(ping);
            sent++;
            if (w.ch.isActive()) {
                most = Math.max(most, buffer.totalPendingWriteBytes());
            }
        }
        assertFalse(w.ch.isActive(), "disconnected after " + sent + " pings");
        assertTrue(most <= 16 * 1024 + 256, "held at most one queue of pongs: " + most);
        assertTrue(sent < 200, "soon: " + sent);
        assertTrue(h.metrics.scrape().contains("kindred_slow_consumers_total 1.0"));
        w.finish();
        assertEquals(List.of(), w.alloc.unreleased(), "the dropped pongs were released");
    }
}
