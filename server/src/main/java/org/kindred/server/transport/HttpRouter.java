package org.kindred.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every plain HTTP request (static client, API, health, metrics) and passes WebSocket
 * upgrade requests for {@code /ws} on to the next handler. Unknown paths get 404, known paths
 * with a wrong method 405. Requests the HTTP decoder could not read get 400 (414 for an over-long
 * request line, 431 for over-large headers) and the connection is closed; a connection over its
 * network's limit gets 429 and is closed; a failing endpoint gives 500. Every request is released
 * here unless passed on, and no response ever carries exception text.
 */
@ChannelHandler.Sharable
public final class HttpRouter extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(HttpRouter.class);
    public static final String WS_PATH = "/ws";
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "media-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Set<HttpMethod> GET_HEAD = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final Map<String, HttpEndpoint> endpoints;
    private final StaticFiles files = new StaticFiles();

    public HttpRouter(Map<String, HttpEndpoint> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest req)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean passedOn = false;
        try {
            passedOn = dispatch(ctx, req);
        } finally {
            if (!passedOn) {
                req.release();
            }
        }
    }

    /** Answers the request, or passes it on (returns true) when it is a WebSocket upgrade. */
    private boolean dispatch(ChannelHandlerContext ctx, FullHttpRequest req) {
        if (req.decoderResult().isFailure()) {
            // the decoder has given up on this connection: answer and close (the cause is never shown)
            HttpResponses.send(ctx, false, false, malformed(req.decoderResult().cause()));
            return false;
        }
        boolean head = req.method().equals(HttpMethod.HEAD);
        String path;
        try {
            path = new QueryStringDecoder(req.uri()).path();
        } catch (IllegalArgumentException e) {
            HttpResponses.send(ctx, false, head, HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "Bad request.\n"));
            return false;
        }
        if (WS_PATH.equals(path)) {
            if (!req.method().equals(HttpMethod.GET)) {
                respond(ctx, req, methodNotAllowed(Set.of(HttpMethod.GET)));
                return false;
            } else if (!req.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
                respond(ctx, req, HttpResponses.text(HttpResponseStatus.BAD_REQUEST,
                        "This address expects a WebSocket upgrade.\n"));
                return false;
            }
            ctx.fireChannelRead(req); // over the limit too: the frame handler closes it with 4029
            return true;
        }
        if (ConnectionAdmission.refused(ctx.channel())) {
            FullHttpResponse r = HttpResponses.text(HttpResponseStatus.TOO_MANY_REQUESTS,
                    "Too many connections from your network.\n");
            r.headers().set(HttpHeaderNames.RETRY_AFTER, "5");
            HttpResponses.send(ctx, false, head, r);
            return false;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(req);
        CompletionStage<FullHttpResponse> response;
        try {
            response = route(ctx, req, path);
        } catch (RuntimeException e) {
            LOG.warn("http request failed error={}", e.getClass().getSimpleName());
            response = CompletableFuture.completedFuture(internalError());
        }
        response.whenComplete((res, err) -> {
            if (err != null) {
                LOG.warn("http request failed error={}", err.getClass().getSimpleName());
            }
            FullHttpResponse out = err != null || res == null ? internalError() : res;
            ctx.executor().execute(() -> HttpResponses.send(ctx, keepAlive, head, out));
        });
        return false;
    }

    /** 414 for an over-long request line, 431 for over-large headers, 400 for anything else. */
    static FullHttpResponse malformed(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return HttpResponses.text(HttpResponseStatus.REQUEST_URI_TOO_LONG, "Request line too long.\n");
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return HttpResponses.text(HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large.\n");
        }
        return HttpResponses.text(HttpResponseStatus.BAD_REQUEST, "Bad request.\n");
    }

    private static FullHttpResponse internalError() {
        return HttpResponses.text(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error.\n");
    }

    private CompletionStage<FullHttpResponse> route(ChannelHandlerContext ctx, FullHttpRequest req, String path) {
        HttpEndpoint endpoint = endpoints.get(path);
        if (endpoint != null) {
            if (!endpoint.methods().contains(req.method())) {
                return CompletableFuture.completedFuture(methodNotAllowed(endpoint.methods()));
            }
            return endpoint.handle(ctx, req);
        }
        return CompletableFuture.completedFuture(staticFile(req, path));
    }

    private FullHttpResponse staticFile(FullHttpRequest req, String path) {
        Optional<StaticFiles.File> file = files.get(path);
        if (file.isEmpty()) {
            return HttpResponses.text(HttpResponseStatus.NOT_FOUND, "Not found.\n");
        }
        if (!GET_HEAD.contains(req.method())) {
            return methodNotAllowed(GET_HEAD);
        }
        StaticFiles.File f = file.get();
        if (f.etag().equals(req.headers().get(HttpHeaderNames.IF_NONE_MATCH))) {
            FullHttpResponse r = HttpResponses.of(HttpResponseStatus.NOT_MODIFIED, f.contentType(), new byte[0]);
            staticHeaders(r, f, path);
            return r;
        }
        FullHttpResponse r = HttpResponses.of(HttpResponseStatus.OK, f.contentType(), f.bytes());
        staticHeaders(r, f, path);
        return r;
    }

    private static void staticHeaders(FullHttpResponse r, StaticFiles.File f, String path) {
        r.headers().set(HttpHeaderNames.ETAG, f.etag());
        r.headers().set(HttpHeaderNames.CACHE_CONTROL, f.contentType().startsWith("text/html")
                ? "no-cache" : "public, max-age=300");
        r.headers().set("Content-Security-Policy", CSP);
        r.headers().set("X-Frame-Options", "DENY");
    }

    private static FullHttpResponse methodNotAllowed(Set<HttpMethod> allowed) {
        FullHttpResponse r = HttpResponses.text(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method not allowed.\n");
        r.headers().set(HttpHeaderNames.ALLOW, allowed.stream().map(HttpMethod::name).sorted()
                .collect(Collectors.joining(", ")));
        return r;
    }

    private static void respond(ChannelHandlerContext ctx, FullHttpRequest req, FullHttpResponse res) {
        HttpResponses.send(ctx, req, res);
    }
}
