package org.kindred.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.metrics.Metrics;

/**
 * Builds each connection's pipeline. Handlers are named by the constants below, one concern
 * each: idle detection, admission (connections per network), flush consolidation, the HTTP codec
 * (strict: size limits, no request that is both chunked and has a Content-Length), security
 * headers on every response, the bounded outbound queue, aggregation with a body limit, the
 * request deadline, routing of plain HTTP, the origin check, the WebSocket handshake and frame
 * limits, fragment aggregation, keep-alive pings and finally the frame handler that feeds the
 * dispatcher.
 */
public final class ServerInitializer extends ChannelInitializer<SocketChannel> {
    public static final String IDLE = "idle";
    public static final String ADMISSION = "admission";
    public static final String FLUSH = "flush-consolidation";
    public static final String HTTP_CODEC = "http-codec";
    public static final String SECURITY_HEADERS = "security-headers";
    public static final String WRITE_LIMIT = "write-limit";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String REQUEST_DEADLINE = "request-deadline";
    public static final String HTTP_ROUTER = "http-router";
    public static final String ORIGIN_GUARD = "origin-guard";
    public static final String WS_PROTOCOL = "ws-protocol";
    public static final String HTTP_RETIREMENT = "http-retirement";
    public static final String WS_AGGREGATOR = "ws-aggregator";
    public static final String KEEP_ALIVE = "keep-alive";
    public static final String WS_FRAMES = "ws-frames";

    private final KindredConfig config;
    private final HttpLimits http;
    private final Metrics metrics;
    private final ConnectionAdmission admission;
    private final HttpRouter router;
    private final OriginGuard originGuard;
    private final Supplier<? extends ChannelHandler> frameHandlers;
    /** Immutable, so built once and shared by every connection's protocol handler. */
    private final WebSocketServerProtocolConfig protocolConfig;

    /**
     * @param config the core settings (frame limits, pings)
     * @param http limits on plain HTTP requests
     * @param metrics where slow consumers are counted
     * @param admission the shared per-network connection counter
     * @param router answers plain HTTP (shared)
     * @param originGuard checks WebSocket origins (shared)
     * @param frameHandlers makes the per-connection WebSocket frame handler
     */
    public ServerInitializer(KindredConfig config, HttpLimits http, Metrics metrics, ConnectionAdmission admission,
            HttpRouter router, OriginGuard originGuard, Supplier<? extends ChannelHandler> frameHandlers) {
        this.config = config;
        this.http = http;
        this.metrics = metrics;
        this.admission = admission;
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
        p.addLast(ADMISSION, admission);
        p.addLast(FLUSH, new FlushConsolidationHandler(64, true));
        p.addLast(HTTP_CODEC, new HttpServerCodec(decoderConfig(http)));
        p.addLast(SECURITY_HEADERS, SecurityHeaders.INSTANCE);
        p.addLast(WRITE_LIMIT, new WriteLimit(metrics));
        p.addLast(HTTP_AGGREGATOR, new HttpBodyLimit(http.maxBodyBytes()));
        p.addLast(REQUEST_DEADLINE, new RequestDeadline(TimeUnit.SECONDS.toMillis(http.requestTimeoutSeconds())));
        p.addLast(HTTP_ROUTER, router);
        p.addLast(ORIGIN_GUARD, originGuard);
        p.addLast(WS_PROTOCOL, new WebSocketProtocol(protocolConfig));
        p.addLast(HTTP_RETIREMENT, HttpRetirement.INSTANCE);
        p.addLast(WS_AGGREGATOR, new WebSocketFrameAggregator(config.maxFrameBytes()));
        p.addLast(KEEP_ALIVE, new KeepAliveHandler(config.pingIntervalSeconds(), config.idleTimeoutSeconds()));
        p.addLast(WS_FRAMES, frameHandlers.get());
    }

    /**
     * Strict HTTP/1.1 parsing: size limits from {@code http}, duplicate Content-Length refused, and
     * (RFC 9112) a request with both Transfer-Encoding and Content-Length, or Transfer-Encoding in
     * HTTP/1.0, marked as failed so the router answers 400 and closes.
     */
    static HttpDecoderConfig decoderConfig(HttpLimits http) {
        return new HttpDecoderConfig()
                .setMaxInitialLineLength(http.maxRequestLineBytes())
                .setMaxHeaderSize(http.maxHeaderBytes())
                .setAllowDuplicateContentLengths(false)
                .setUseRfc9112TransferEncoding(true);
    }

    static WebSocketServerProtocolConfig protocolConfig(KindredConfig config) {
        return WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(HttpRouter.WS_PATH)
                .checkStartsWith(false)
                .handleCloseFrames(true)
                // no implicit close frame on every close (it would also hit plain HTTP connections):
                // the server sends its close frames itself, with the code that says why
                .sendCloseFrame(null)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(10_000)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(config.maxFrameBytes())
                        .allowExtensions(false)
                        // the frame handler closes with the matching code and a fixed reason
                        .closeOnProtocolViolation(false)
                        .withUTF8Validator(true)
                        .build())
                .build();
    }
}
