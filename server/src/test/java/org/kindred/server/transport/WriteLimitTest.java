package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;
import org.kindred.server.metrics.Metrics;

class WriteLimitTest {
    private final Metrics metrics = new Metrics();

    /** A channel whose peer reads nothing: flushes never reach it, so written bytes stay pending. */
    private EmbeddedChannel deaf() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(512, 1024));
        ch.pipeline().addLast(new ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(ChannelHandlerContext ctx) {
            }
        });
        ch.pipeline().addLast(new WriteLimit(metrics));
        return ch;
    }

    @Test
    void writesPassWhileWritableThenTheConnectionIsCutOnceAndEverythingReleased() {
        EmbeddedChannel ch = deaf();
        PingWebSocketFrame first = new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[1100]));
        ch.writeAndFlush(first);
        assertFalse(ch.isWritable(), "past the high-water mark");
        assertTrue(ch.isActive());
        TextWebSocketFrame dropped = new TextWebSocketFrame("late");
        PingWebSocketFrame dropped2 = new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[10]));
        ch.writeAndFlush(dropped);
        ch.writeAndFlush(dropped2);
        assertEquals(0, dropped.refCnt());
        assertEquals(0, dropped2.refCnt());
        assertFalse(ch.isActive(), "cut as a slow consumer");
        assertTrue(metrics.scrape().contains("kindred_slow_consumers_total 1.0"), "counted once");
        assertEquals(0, first.refCnt(), "the pending write was released on close");
    }

    @Test
    void closeFramesAlwaysPass() {
        EmbeddedChannel ch = deaf();
        ch.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[1100])));
        CloseWebSocketFrame close = new CloseWebSocketFrame(1008, "bye");
        ch.writeAndFlush(close);
        assertTrue(ch.isActive());
        assertEquals(1, close.refCnt(), "queued, not dropped");
        ch.finishAndReleaseAll();
    }

    @Test
    void aWriteAfterCloseFailsAsUsualAndIsNoSlowConsumer() {
        // found by HttpPipelineFuzzTest: a closed channel is never writable
        EmbeddedChannel ch = deaf();
        ch.close();
        TextWebSocketFrame late = new TextWebSocketFrame("late");
        io.netty.channel.ChannelFuture f = ch.writeAndFlush(late);
        assertFalse(f.isSuccess());
        assertTrue(f.cause() instanceof java.nio.channels.ClosedChannelException, String.valueOf(f.cause()));
        assertEquals(0, late.refCnt());
        assertFalse(metrics.scrape().contains("kindred_slow_consumers_total 1.0"));
    }
}
