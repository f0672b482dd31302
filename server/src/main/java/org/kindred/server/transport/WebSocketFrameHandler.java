package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.session.AddressLimiter;
import org.kindred.server.session.Connection;
import org.kindred.server.session.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket end of the pipeline, one instance per channel: creates the {@link Connection}
 * once the handshake completes, hands text frames to the {@link Dispatcher}, closes with 1003 on
 * binary frames and 1009 on oversized messages, and tells the dispatcher when the socket goes.
 */
public final class WebSocketFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketFrameHandler.class);

    private final Dispatcher dispatcher;
    private final ProtocolCodec codec;
    private final Metrics metrics;
    private final AddressLimiter limiter;
    private final Function<InetAddress, String> fingerprinter;
    private final Connection.Limits limits;
    private final LongSupplier clock;
    private final ConnectionGroup group;
    private Connection connection;
    private InetAddress counted;

    public WebSocketFrameHandler(Dispatcher dispatcher, ProtocolCodec codec, Metrics metrics, AddressLimiter limiter,
            Function<InetAddress, String> fingerprinter, Connection.Limits limits, LongSupplier clock,
            ConnectionGroup group) {
        this.dispatcher = dispatcher;
        this.codec = codec;
        this.metrics = metrics;
        this.limiter = limiter;
        this.fingerprinter = fingerprinter;
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
            InetAddress address = ctx.channel().remoteAddress() instanceof InetSocketAddress isa
                    ? isa.getAddress() : null;
            connection = new Connection(ctx.channel(), codec, metrics,
                    address == null ? null : fingerprinter.apply(address), limits, clock.getAsLong());
            metrics.connectionOpened();
            group.add(connection);
            if (address != null) {
                if (!limiter.tryAcquire(address)) {
                    LOG.info("connection refused: too many from one address conn={}", connection.id());
                    connection.close(CloseCodes.TOO_MANY_CONNECTIONS, "Too many connections from your network");
                    return;
                }
                counted = address;
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
            if (counted == null && ctx.channel().remoteAddress() instanceof InetSocketAddress) {
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
        if (counted != null) {
            limiter.release(counted);
            counted = null;
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            closeWith(ctx, CloseCodes.TOO_BIG, "Message too big");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            ctx.channel().close(); // the decoder has already sent its close frame (1002/1007/1009)
        } else {
            LOG.warn("connection failed conn={} error={}", connection == null ? -1 : connection.id(),
                    cause.getClass().getSimpleName());
            closeWith(ctx, CloseCodes.INTERNAL, "Internal error");
        }
    }

    private void closeWith(ChannelHandlerContext ctx, int code, String reason) {
        if (connection != null) {
            connection.close(code, reason);
        } else {
            ctx.channel().close();
        }
    }
}
