package org.kindred.server.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Checks the {@code Origin} of WebSocket upgrade requests before the handshake. Allowed: the
 * configured origins ({@code *} for any), or, when none are configured, the server's own host
 * (the request's {@code Host}). Requests without {@code Origin} (not browsers) pass. Refused
 * upgrades get HTTP 403.
 */
@ChannelHandler.Sharable
public final class OriginGuard extends ChannelInboundHandlerAdapter {
    private final List<String> allowed;

    public OriginGuard(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            String origin = req.headers().get(HttpHeaderNames.ORIGIN);
            if (origin != null && !permits(origin, req.headers().get(HttpHeaderNames.HOST))) {
                try {
                    HttpResponses.send(ctx, req, HttpResponses.text(HttpResponseStatus.FORBIDDEN,
                            "This origin may not connect.\n"));
                } finally {
                    req.release();
                }
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * True when a browser page of {@code origin} may talk to this server reached as
     * {@code host} (the request's {@code Host} header, may be null). Also used by
     * {@code POST /api/login}.
     */
    public boolean permits(String origin, String host) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains("*") || allowed.contains(o)) {
            return true;
        }
        if (!allowed.isEmpty() || host == null) {
            return false;
        }
        try {
            URI uri = new URI(o);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String h = host.strip().toLowerCase(Locale.ROOT);
            return authority.equals(h) || (uri.getPort() < 0 && h.equals(uri.getHost() + ":"
                    + ("https".equals(uri.getScheme()) ? 443 : 80)));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
