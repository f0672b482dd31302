package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

class KeepAliveHandlerTest {

    @Test
    void pingsWhileQuietAndClosesAtTheIdleTimeout() {
        EmbeddedChannel ch = new EmbeddedChannel(new KeepAliveHandler(30, 90));
        ch.pipeline().fireUserEventTriggered(
                new WebSocketServerProtocolHandler.HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        PingWebSocketFrame ping = ch.readOutbound();
        assertInstanceOf(PingWebSocketFrame.class, ping);
        ping.release();
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        ((PingWebSocketFrame) ch.readOutbound()).release();
        assertTrue(ch.isActive());
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertFalse(ch.isActive(), "90 s without an answer");
    }

    @Test
    void anAnswerResetsTheCount() {
        EmbeddedChannel ch = new EmbeddedChannel(new KeepAliveHandler(30, 90));
        ch.pipeline().fireUserEventTriggered(
                new WebSocketServerProtocolHandler.HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
        for (int i = 0; i < 5; i++) {
            ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
            ch.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);
        }
        assertTrue(ch.isActive());
        ch.finishAndReleaseAll();
    }

    @Test
    void idlePlainHttpConnectionsAreClosed() {
        EmbeddedChannel ch = new EmbeddedChannel(new KeepAliveHandler(30, 90));
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        assertFalse(ch.isActive());
    }

    @Test
    void aSilentWebSocketIsToldWhyWith1000() {
        EmbeddedChannel ch = new EmbeddedChannel(new KeepAliveHandler(30, 30));
        new org.kindred.server.transport.Connection(ch, org.kindred.protocol.ProtocolCodec.shared(),
                new org.kindred.server.metrics.Metrics(), null,
                new org.kindred.server.transport.Connection.Limits(60, 20, 3), 0);
        ch.pipeline().fireUserEventTriggered(
                new WebSocketServerProtocolHandler.HandshakeComplete("/ws", new DefaultHttpHeaders(), null));
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        io.netty.handler.codec.http.websocketx.CloseWebSocketFrame close = ch.readOutbound();
        org.junit.jupiter.api.Assertions.assertEquals(1000, close.statusCode());
        close.release();
        assertFalse(ch.isActive());
    }
}
