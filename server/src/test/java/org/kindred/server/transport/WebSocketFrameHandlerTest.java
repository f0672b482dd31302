package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.Harness;

class WebSocketFrameHandlerTest {
    private final Harness h = new Harness();
    private final ConnectionGroup group = new ConnectionGroup();

    @org.junit.jupiter.api.AfterEach
    void close() {
        h.close();
    }

    private EmbeddedChannel open() {
        EmbeddedChannel ch = new EmbeddedChannel(new WebSocketFrameHandler(h.dispatcher, h.codec, h.metrics,
                new Connection.Limits(60, 20, 3), System::currentTimeMillis, group));
        ch.pipeline().fireUserEventTriggered(
                new WebSocketServerProtocolHandler.HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
        return ch;
    }

    @Test
    void textFramesReachTheDispatcherAndRepliesComeBack() throws Exception {
        EmbeddedChannel ch = open();
        assertEquals(1, group.size());
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"hello\",\"v\":1,\"id\":\"a\"}"));
        List<JsonNode> out = Harness.drain(ch);
        assertEquals(1, out.size());
        assertEquals("welcome", out.get(0).path("type").asText());
        assertEquals("a", out.get(0).path("id").asText());
        assertFalse(ch.finishAndReleaseAll(), "one reply per request: nothing else was written or left unread");
        assertEquals(0, group.size(), "a closed connection leaves the group");
    }

    @Test
    void garbageGetsAnErrorThenPolicyClose() throws Exception {
        EmbeddedChannel ch = open();
        for (int i = 0; i < 3; i++) {
            ch.writeInbound(new TextWebSocketFrame("nope"));
        }
        assertEquals("bad_request", Harness.drain(ch).get(0).path("code").asText());
        ch.writeInbound(new TextWebSocketFrame("nope"));
        Object o;
        CloseWebSocketFrame close = null;
        while ((o = ch.readOutbound()) != null) {
            if (o instanceof CloseWebSocketFrame c) {
                close = c;
            } else {
                io.netty.util.ReferenceCountUtil.release(o);
            }
        }
        assertEquals(1008, close.statusCode());
        close.release();
        assertFalse(ch.isActive());
    }

    @Test
    void binaryFramesCloseWith1003() {
        EmbeddedChannel ch = open();
        ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1})));
        CloseWebSocketFrame close = ch.readOutbound();
        assertEquals(1003, close.statusCode());
        close.release();
        assertFalse(ch.isActive());
    }

    @Test
    void oversizedAggregatedMessagesCloseWith1009() {
        EmbeddedChannel ch = open();
        ch.pipeline().fireExceptionCaught(new TooLongFrameException("too long"));
        CloseWebSocketFrame close = ch.readOutbound();
        assertEquals(1009, close.statusCode());
        close.release();
    }

    @Test
    void closingDetachesTheSessionForResume() throws Exception {
        EmbeddedChannel ch = open();
        ch.writeInbound(new TextWebSocketFrame("{\"type\":\"hello\",\"v\":1}"));
        Harness.drain(ch);
        assertEquals(1, h.sessions.size());
        ch.close();
        assertEquals(0, group.size());
        assertEquals(1, h.sessions.size(), "kept for the resume window");
        assertNull(h.sessions.all().iterator().next().connection());
        assertTrue(h.expired.isEmpty());
    }

    @Test
    void protocolViolationsCloseWithTheirCodeAndAFixedReason() {
        EmbeddedChannel ch = open();
        ch.pipeline().fireExceptionCaught(new io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException(
                io.netty.handler.codec.http.websocketx.WebSocketCloseStatus.INVALID_PAYLOAD_DATA,
                "bytes are not UTF-8 at index 3"));
        CloseWebSocketFrame close = ch.readOutbound();
        assertEquals(1007, close.statusCode());
        assertEquals("Invalid UTF-8", close.reasonText());
        close.release();
        assertFalse(ch.isActive());
        EmbeddedChannel other = open();
        other.pipeline().fireExceptionCaught(new io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException(
                io.netty.handler.codec.http.websocketx.WebSocketCloseStatus.PROTOCOL_ERROR, "received a frame that is not masked"));
        close = other.readOutbound();
        assertEquals(1002, close.statusCode());
        assertEquals("Protocol error", close.reasonText());
        close.release();
    }

    @Test
    void aConnectionTheAdmissionRefusedIsClosedWith4029() throws Exception {
        AddressLimiter limiter = new AddressLimiter(1);
        List<EmbeddedChannel> chs = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Wire.IpChannel ch = new Wire.IpChannel();
            ch.remote(new java.net.InetSocketAddress("10.1.1.1", 5000 + i));
            ch.pipeline().addLast(new ConnectionAdmission(limiter, a -> "net"), new WebSocketFrameHandler(h.dispatcher,
                    h.codec, h.metrics, new Connection.Limits(60, 20, 3), System::currentTimeMillis, group));
            ch.register();
            ch.pipeline().fireUserEventTriggered(
                    new WebSocketServerProtocolHandler.HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
            chs.add(ch);
        }
        assertTrue(chs.get(0).isActive());
        CloseWebSocketFrame close = chs.get(1).readOutbound();
        assertEquals(4029, close.statusCode());
        close.release();
        assertFalse(chs.get(1).isActive());
        assertEquals(1, limiter.open("net"), "the refused one released its count on close");
        chs.get(0).close();
        assertEquals(0, limiter.keys());
    }
}
