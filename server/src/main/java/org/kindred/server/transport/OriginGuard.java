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
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the {@code Origin} of WebSocket upgrade requests before the handshake. Always allowed:
 * the server's own origin (an {@code http} or {@code https} origin whose host and port are the
 * request's {@code Host}: the page the server itself served), and requests without
 * {@code Origin} (not browsers). Also allowed: the configured origins ({@code *} for any).
 * Refused upgrades get HTTP 403, are counted and logged as the event {@code origin refused}
 * with the origin's scheme and host only (at most one line a second).
 */
@ChannelHandler.Sharable
public final class OriginGuard extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(OriginGuard.class);
    private static final long LOG_INTERVAL_NANOS = 1_000_000_000L;
    private static final int MAX_LOGGED_ORIGIN = 80;

    private final List<String> allowed;
    private final Runnable onRefused;
    private final AtomicLong lastLog = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);
    private final AtomicLong unlogged = new AtomicLong();

    /** A guard that only logs refusals (for tests and tools). */
    public OriginGuard(List<String> allowedOrigins) {
        this(allowedOrigins, () -> { });
    }

    /**
     * @param allowedOrigins origins such as {@code https://chat.example.org}, or {@code *}; the
     *     server's own origin is allowed whatever the list says
     * @param onRefused called once per refused request (e.g. a metrics counter); must not block
     */
    public OriginGuard(List<String> allowedOrigins, Runnable onRefused) {
        this.allowed = allowedOrigins.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList();
        this.onRefused = onRefused;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            String origin = req.headers().get(HttpHeaderNames.ORIGIN);
            if (origin != null && !check(origin, req.headers().get(HttpHeaderNames.HOST), "websocket")) {
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
     * Like {@link #permits} but a refusal is counted and logged as an event.
     *
     * @param origin the {@code Origin} header (not null)
     * @param host   the request's {@code Host} header, may be null
     * @param where  what the request was for, e.g. {@code websocket} or {@code login} (logged)
     * @return whether the origin may proceed
     */
    public boolean check(String origin, String host, String where) {
        if (permits(origin, host)) {
            return true;
        }
        onRefused.run();
        long now = System.nanoTime();
        long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_NANOS && lastLog.compareAndSet(last, now)) {
            LOG.warn("origin refused for={} origin={} unlogged={} (allowed: this server's own origin{})", where,
                    loggable(origin), unlogged.getAndSet(0), allowed.isEmpty() ? "" : " and allowedOrigins");
        } else {
            unlogged.incrementAndGet();
        }
        return false;
    }

    /**
     * True when a browser page of {@code origin} may talk to this server reached as
     * {@code host} (the request's {@code Host} header, may be null). Pure: nothing is counted.
     */
    public boolean permits(String origin, String host) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (allowed.contains("*") || allowed.contains(o)) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(o);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return false;
            }
            // Behind a TLS proxy the server cannot tell http from https, so both schemes count as its own.
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            String h = host.strip().toLowerCase(Locale.ROOT);
            return authority.equals(h) || (uri.getPort() < 0 && h.equals(uri.getHost() + ":"
                    + ("https".equals(uri.getScheme()) ? 443 : 80)));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * What may be logged of an origin: {@code scheme://host[:port]} of an http(s) origin, at most
     * 80 characters of letters, digits, {@code . - : [ ]}; anything else is {@code malformed}.
     */
    static String loggable(String origin) {
        try {
            URI uri = new URI(origin.strip().toLowerCase(Locale.ROOT));
            String scheme = uri.getScheme();
            String h = uri.getHost();
            if (h == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return "null".equals(origin.strip()) ? "null" : "malformed";
            }
            String s = scheme + "://" + h + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            if (!s.matches("[a-z0-9.:/\\[\\]-]+")) {
                return "malformed";
            }
            return s.length() <= MAX_LOGGED_ORIGIN ? s : s.substring(0, MAX_LOGGED_ORIGIN) + "…";
        } catch (java.net.URISyntaxException e) {
            return "malformed";
        }
    }
}
