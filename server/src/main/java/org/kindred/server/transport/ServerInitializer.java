package org.kindred.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.kindred.server.config.KindredConfig;

/**
 * Builds each connection's pipeline. Handlers are named by the constants below, one concern
 * each: idle detection, flush consolidation, HTTP codec and aggregation, routing of plain HTTP,
 * the origin check, the WebSocket handshake and frame limits, fragment aggregation, keep-alive
 * pings and finally the frame handler that feeds the dispatcher.
 */
public final class ServerInitializer extends ChannelInitializer<SocketChannel> {
    public static final String IDLE = "idle";
    public static final String FLUSH = "flush-consolidation";
    public static final String HTTP_CODEC = "http-codec";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String HTTP_ROUTER = "http-router";
    public static final String ORIGIN_GUARD = "origin-guard";
    public static final String WS_PROTOCOL = "ws-protocol";
    public static final String HTTP_RETIREMENT = "http-retirement";
    public static final String WS_AGGREGATOR = "ws-aggregator";
    public static final String KEEP_ALIVE = "keep-alive";
    public static final String WS_FRAMES = "ws-frames";
    static final int MAX_HTTP_BODY = 64 * 1024;

    private final KindredConfig config;
    private final HttpRouter router;
    private final OriginGuard originGuard;
    private final Supplier<? extends ChannelHandler> frameHandlers;
    /** Immutable, so built once and shared by every connection's protocol handler. */
    private final WebSocketServerProtocolConfig protocolConfig;

    public ServerInitializer(KindredConfig config, HttpRouter router, OriginGuard originGuard,
            Supplier<? extends ChannelHandler> frameHandlers) {
        this.config = config;
        this.router = router;
        this.originGuard = originGuard;
        this.frameHandlers = frameHandlers;
        this.protocolConfig = protocolConfig(config);
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        build(ch.pipeline());
    }

    /** Adds the handlers to a pipeline. */
    void build(ChannelPipeline p) {
        p.addLast(IDLE, new IdleStateHandler(config.pingIntervalSeconds(), 0, 0, TimeUnit.SECONDS));
        p.addLast(FLUSH, new FlushConsolidationHandler(64, true));
        p.addLast(HTTP_CODEC, new HttpServerCodec());
        p.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(MAX_HTTP_BODY));
        p.addLast(HTTP_ROUTER, router);
        p.addLast(ORIGIN_GUARD, originGuard);
        p.addLast(WS_PROTOCOL, new WebSocketServerProtocolHandler(protocolConfig));
        p.addLast(HTTP_RETIREMENT, HttpRetirement.INSTANCE);
        p.addLast(WS_AGGREGATOR, new WebSocketFrameAggregator(config.maxFrameBytes()));
        p.addLast(KEEP_ALIVE, new KeepAliveHandler(config.pingIntervalSeconds(), config.idleTimeoutSeconds()));
        p.addLast(WS_FRAMES, frameHandlers.get());
    }

    static WebSocketServerProtocolConfig protocolConfig(KindredConfig config) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(HttpRouter.WS_PATH)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(10_000)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxFrameBytes())
                        .allowExtensions(false)
                        .closeOnProtocolViolation(true)
                        .withUTF8Validator(true)
                        .build())
                .build();
    }
}
