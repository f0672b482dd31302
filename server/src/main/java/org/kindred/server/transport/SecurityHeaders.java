package org.kindred.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Adds {@code X-Content-Type-Options: nosniff} and {@code Referrer-Policy: no-referrer} to every
 * HTTP response that leaves the server, including those Netty writes itself (100 Continue, 417,
 * 426, the WebSocket handshake), unless the response already sets them. Sits right after the
 * HTTP codec so that nothing written later in the pipeline can bypass it.
 */
@ChannelHandler.Sharable
final class SecurityHeaders extends ChannelOutboundHandlerAdapter {
    static final SecurityHeaders INSTANCE = new SecurityHeaders();
    static final String NOSNIFF = "X-Content-Type-Options";
    static final String REFERRER_POLICY = "Referrer-Policy";

    private SecurityHeaders() {
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof HttpResponse res) {
            if (!res.headers().contains(NOSNIFF)) {
                res.headers().set(NOSNIFF, "nosniff");
            }
            if (!res.headers().contains(REFERRER_POLICY)) {
                res.headers().set(REFERRER_POLICY, "no-referrer");
            }
        }
        ctx.write(msg, promise);
    }
}
