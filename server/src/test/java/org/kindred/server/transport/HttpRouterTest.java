package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRouterTest {
    private final HttpRouter router = new HttpRouter(Map.of(
            "/healthz", SimpleEndpoint.get(SimpleEndpoint.TEXT, () -> "ok\n"),
            "/readyz", SimpleEndpoint.get(SimpleEndpoint.TEXT, () -> null)));

    private FullHttpResponse exchange(HttpMethod method, String uri) {
        EmbeddedChannel ch = new EmbeddedChannel(router);
        ch.writeInbound(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri));
        FullHttpResponse r = ch.readOutbound();
        assertFalse(ch.finish() && ch.readInbound() != null, "nothing passed on");
        return r;
    }

    @Test
    void endpointAnswers() {
        FullHttpResponse r = exchange(HttpMethod.GET, "/healthz?probe=1");
        assertEquals(200, r.status().code());
        assertEquals("ok\n", r.content().toString(StandardCharsets.UTF_8));
        r.release();
    }

    @Test
    void endpointNotReadyIs503() {
        FullHttpResponse r = exchange(HttpMethod.GET, "/readyz");
        assertEquals(503, r.status().code());
        r.release();
    }

    @Test
    void wrongMethodIs405WithAllow() {
        FullHttpResponse r = exchange(HttpMethod.PUT, "/healthz");
        assertEquals(405, r.status().code());
        assertEquals("GET, HEAD", r.headers().get(HttpHeaderNames.ALLOW));
        r.release();
    }

    @Test
    void unknownIs404() {
        FullHttpResponse r = exchange(HttpMethod.GET, "/missing.html");
        assertEquals(404, r.status().code());
        r.release();
    }

    @Test
    void traversalIsNeverLookedUp() {
        FullHttpResponse r = exchange(HttpMethod.GET, "/../logback.xml");
        assertEquals(404, r.status().code());
        r.release();
    }

    @Test
    void headHasNoBody() {
        FullHttpResponse r = exchange(HttpMethod.HEAD, "/");
        assertEquals(200, r.status().code());
        assertEquals(0, r.content().readableBytes());
        r.release();
    }

    @Test
    void staticFilesCarryTypeCachingAndPolicy() {
        FullHttpResponse r = exchange(HttpMethod.GET, "/index.html");
        assertEquals(200, r.status().code());
        assertTrue(r.headers().get(HttpHeaderNames.CONTENT_TYPE).startsWith("text/html"));
        assertEquals("no-cache", r.headers().get(HttpHeaderNames.CACHE_CONTROL));
        assertTrue(r.headers().get("Content-Security-Policy").contains("script-src 'self'"));
        String etag = r.headers().get(HttpHeaderNames.ETAG);
        r.release();
        EmbeddedChannel ch = new EmbeddedChannel(router);
        FullHttpRequest again = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/index.html");
        again.headers().set(HttpHeaderNames.IF_NONE_MATCH, etag);
        ch.writeInbound(again);
        FullHttpResponse notModified = ch.readOutbound();
        assertEquals(304, notModified.status().code());
        notModified.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void websocketUpgradeIsPassedOn() {
        EmbeddedChannel ch = new EmbeddedChannel(router);
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws");
        req.headers().set(HttpHeaderNames.UPGRADE, "websocket");
        ch.writeInbound(req);
        assertSame(req, ch.readInbound());
        assertNull(ch.readOutbound());
        req.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void websocketPathWithoutUpgradeIs400() {
        FullHttpResponse r = exchange(HttpMethod.GET, "/ws");
        assertEquals(400, r.status().code());
        r.release();
    }
}
