package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.metrics.Metrics;

class ConnectionTest {
    private final Metrics metrics = new Metrics();

    private Connection on(EmbeddedChannel ch) {
        return new Connection(ch, ProtocolCodec.shared(), metrics, null, new Connection.Limits(60, 20, 3), 0);
    }

    @Test
    void isFoundFromItsChannel() {
        EmbeddedChannel ch = new EmbeddedChannel();
        assertEquals(null, Connection.of(ch));
        Connection c = on(ch);
        assertSame(c, Connection.of(ch));
    }

    @Test
    void closeSendsTheFrameThenCloses() {
        EmbeddedChannel ch = new EmbeddedChannel();
        on(ch).close(1008, "Too many invalid messages");
        CloseWebSocketFrame f = ch.readOutbound();
        assertEquals(1008, f.statusCode());
        f.release();
        assertFalse(ch.isActive());
    }

    @Test
    void aPeerThatDoesNotReadTheCloseFrameIsClosedAnyway() {
        EmbeddedChannel ch = new EmbeddedChannel(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
                // the peer reads nothing: the close frame is never written out
            }
        });
        on(ch).close(4003, "Banned");
        ch.runPendingTasks();
        assertTrue(ch.isActive(), "waits a little for the frame to go out");
        ch.advanceTimeBy(Connection.CLOSE_WAIT_MS + 1, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertFalse(ch.isActive());
    }

    @Test
    void aSlowConsumerIsCountedOnceHoweverOftenItIsFound() {
        EmbeddedChannel ch = new EmbeddedChannel();
        Connection c = on(ch);
        c.disconnectSlowConsumer();
        c.disconnectSlowConsumer();
        c.sendShared(SharedFrame.encode(org.kindred.protocol.ProtocolCodec.shared(), org.kindred.protocol.ServerMessage.Ok.of("x")));
        assertFalse(ch.isActive());
        assertTrue(metrics.scrape().contains("kindred_slow_consumers_total 1.0"));
    }
}
