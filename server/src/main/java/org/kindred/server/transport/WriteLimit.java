package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import org.kindred.server.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one bounded outbound queue of a connection. Every message written to the peer after the
 * HTTP codec passes here, whoever writes it: room messages and replies, but also the pongs Netty
 * answers pings with, keep-alive pings and HTTP responses. When the channel is not writable (its
 * unsent bytes passed the high-water mark, {@code outboundQueueBytes}) the message is dropped
 * and released and the connection is closed as a slow consumer (once, counted in
 * {@code kindred_slow_consumers_total}). So a peer that sends pings or pipelined requests without
 * ever reading can make the server hold at most about one queue's worth of bytes for it.
 * Close frames always pass: they are small and the connection ends after them.
 */
final class WriteLimit extends ChannelOutboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(WriteLimit.class);
    /** Fails the promises of dropped writes; shared, so without stack trace or suppression. */
    private static final RuntimeException SLOW = new SlowConsumer();

    private final Metrics metrics;
    private boolean overrun;

    /** @param metrics where slow consumers are counted */
    WriteLimit(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        // a closed channel is never writable: let Netty fail that write as usual, it is no slow consumer
        if (ctx.channel().isWritable() || !ctx.channel().isActive() || msg instanceof CloseWebSocketFrame) {
            ctx.write(msg, promise);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (!promise.isVoid()) {
            promise.tryFailure(SLOW);
        }
        if (!overrun) {
            overrun = true;
            Connection c = Connection.of(ctx.channel());
            if (c != null) {
                c.disconnectSlowConsumer();
            } else {
                LOG.info("slow consumer disconnected conn=-1");
                metrics.slowConsumer();
                ctx.channel().close();
            }
        }
    }

    private static final class SlowConsumer extends RuntimeException {
        SlowConsumer() {
            super("slow consumer", null, false, false);
        }
    }
}
