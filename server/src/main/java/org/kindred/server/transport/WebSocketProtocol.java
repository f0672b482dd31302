package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netty's WebSocket protocol handler (handshake, close and ping handling) with the server's own
 * answer to a failed handshake: a fixed 400 text and close, where Netty would put the exception's
 * message in the response body. Every other error goes on to the frame handler, which closes the
 * connection with the matching close code.
 */
final class WebSocketProtocol extends WebSocketServerProtocolHandler {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketProtocol.class);

    /** @param config the handshake and frame decoder settings */
    WebSocketProtocol(WebSocketServerProtocolConfig config) {
        super(config);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof WebSocketHandshakeException) {
            LOG.debug("websocket handshake refused error={}", cause.getClass().getSimpleName());
            HttpResponses.send(ctx, false, false, HttpResponses.text(HttpResponseStatus.BAD_REQUEST,
                    "This is not a valid WebSocket handshake.\n"));
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }
}
