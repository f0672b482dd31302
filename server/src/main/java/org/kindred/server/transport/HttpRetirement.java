package org.kindred.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

/**
 * Once a connection has become a WebSocket, takes the HTTP-only handlers (the router, the
 * origin guard, the request deadline and the security headers) and itself out of its pipeline: nothing HTTP can arrive on it any more, and an
 * idle member should not carry handler contexts it never uses. (The handshake itself already
 * removes the HTTP aggregator and swaps the HTTP codec for the WebSocket one.)
 */
@ChannelHandler.Sharable
final class HttpRetirement extends ChannelInboundHandlerAdapter {
    static final HttpRetirement INSTANCE = new HttpRetirement();

    private HttpRetirement() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ctx.pipeline().remove(ServerInitializer.HTTP_ROUTER);
            ctx.pipeline().remove(ServerInitializer.ORIGIN_GUARD);
            ctx.pipeline().remove(ServerInitializer.REQUEST_DEADLINE);
            ctx.pipeline().remove(ServerInitializer.SECURITY_HEADERS);
            ctx.pipeline().remove(this);
        }
        ctx.fireUserEventTriggered(evt);
    }
}
