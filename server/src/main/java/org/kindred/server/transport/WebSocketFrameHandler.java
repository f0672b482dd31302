package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.io.IOException;
import java.util.function.LongSupplier;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket end of the pipeline, one instance per channel: creates the {@link Connection}
 * once the handshake completes (or closes it with 4029 when {@link ConnectionAdmission} refused it),
 * hands text frames to the {@link Inbound}, closes with 1003 on binary frames, 1009 on oversized
 * messages, 1007 on invalid UTF-8 (in text frames and close reasons) and 1002 on other protocol
 * violations, always with a fixed reason, and tells the dispatcher when the socket goes.
 */
public final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFrameHandler.class);

    private final Inbound dispatcher;
    private final ProtocolCodec codec;
    private final Metrics metrics;
    private final Connection.Limits limits;
    private final LongSupplier clock;
    private final ConnectionGroup group;
    private Connection connection;
    private boolean refused;

    /**
     * @param dispatcher handles the decoded requests
     * @param codec encodes replies
     * @param metrics connection and error counts
     * @param limits per-connection request limits
     * @param clock milliseconds since the epoch
     * @param group every open connection, for shutdown
     */
    public WebSocketFrameHandler(Inbound dispatcher, ProtocolCodec codec, Metrics metrics,
            Connection.Limits limits, LongSupplier clock, ConnectionGroup group) {
        this.dispatcher = dispatcher;
        this.codec = codec;
        this.metrics = metrics;
        this.limits = limits;
        this.clock = clock;
        this.group = group;
    }

    /** The connection, once the handshake has completed (for tests). */
    Connection connection() {
        return connection;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            connection = new Connection(ctx.channel(), codec, metrics, ConnectionAdmission.fingerprint(ctx.channel()),
                    limits, clock.getAsLong());
            metrics.connectionOpened();
            group.add(connection);
            if (ConnectionAdmission.refused(ctx.channel())) {
                refused = true;
                LOG.info("connection refused: too many from one network conn={}", connection.id());
                connection.close(CloseCodes.TOO_MANY_CONNECTIONS, "Too many connections from your network");
                return;
            }
            LOG.debug("connection opened conn={}", connection.id());
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (connection == null) {
            return;
        }
        if (frame instanceof TextWebSocketFrame text) {
            if (refused) {
                return; // refused with 4029, closing
            }
            dispatcher.onText(connection, text.text());
        } else if (frame instanceof BinaryWebSocketFrame) {
            connection.close(CloseCodes.UNSUPPORTED_DATA, "Binary frames are not supported");
        } else if (frame instanceof CloseWebSocketFrame) {
            ctx.channel().close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            group.remove(connection);
            metrics.connectionClosed();
            dispatcher.onClosed(connection);
            LOG.debug("connection closed conn={}", connection.id());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            closeWith(ctx, CloseCodes.TOO_BIG, "Message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException corrupt) {
            int code = closeCode(corrupt.closeStatus());
            LOG.debug("connection closed for a protocol violation conn={} code={}",
                    connection == null ? -1 : connection.id(), code);
            closeWith(ctx, code, reason(code));
        } else if (cause instanceof IOException) {
            LOG.debug("connection failed conn={} error={}", connection == null ? -1 : connection.id(),
                    cause.getClass().getSimpleName());
            ctx.channel().close();
        } else {
            LOG.warn("connection failed conn={} error={}", connection == null ? -1 : connection.id(),
                    cause.getClass().getSimpleName());
            closeWith(ctx, CloseCodes.INTERNAL, "Internal error");
        }
    }

    /** 1007 and 1009 as the decoder found them; any other violation is 1002. */
    static int closeCode(WebSocketCloseStatus status) {
        if (status != null && (status.code() == CloseCodes.INVALID_PAYLOAD || status.code() == CloseCodes.TOO_BIG)) {
            return status.code();
        }
        return WebSocketCloseStatus.PROTOCOL_ERROR.code();
    }

    /** A fixed, short reason for each close code this handler sends (never exception text). */
    static String reason(int code) {
        return switch (code) {
            case CloseCodes.INVALID_PAYLOAD -> "Invalid UTF-8";
            case CloseCodes.TOO_BIG -> "Message too big";
            default -> "Protocol error";
        };
    }

    private void closeWith(ChannelHandlerContext ctx, int code, String reason) {
        if (connection != null) {
            connection.close(code, reason);
        } else {
            ctx.channel().close();
        }
    }
}
