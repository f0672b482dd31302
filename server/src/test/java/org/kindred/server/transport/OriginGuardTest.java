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
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginGuardTest {

    private static FullHttpRequest upgrade(String origin, String host) {
        FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/ws");
        if (origin != null) {
            r.headers().set(HttpHeaderNames.ORIGIN, origin);
        }
        r.headers().set(HttpHeaderNames.HOST, host);
        return r;
    }

    @Test
    void refusedOriginGets403AndIsNotPassedOn() {
        EmbeddedChannel ch = new EmbeddedChannel(new OriginGuard(List.of()));
        ch.writeInbound(upgrade("https://evil.example", "chat.example.org"));
        FullHttpResponse r = ch.readOutbound();
        assertEquals(403, r.status().code());
        assertNull(ch.readInbound());
        r.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void ownHostAndMissingOriginPass() {
        EmbeddedChannel ch = new EmbeddedChannel(new OriginGuard(List.of()));
        FullHttpRequest own = upgrade("https://chat.example.org", "chat.example.org");
        ch.writeInbound(own);
        assertSame(own, ch.readInbound());
        FullHttpRequest none = upgrade(null, "chat.example.org");
        ch.writeInbound(none);
        assertSame(none, ch.readInbound());
        assertNull(ch.readOutbound());
        own.release();
        none.release();
        ch.finishAndReleaseAll();
    }

    @Test
    void defaultRuleComparesHostAndPort() {
        OriginGuard g = new OriginGuard(List.of());
        assertTrue(g.permits("http://localhost:8080", "localhost:8080"));
        assertTrue(g.permits("https://chat.example.org", "chat.example.org:443"));
        assertFalse(g.permits("http://localhost:9999", "localhost:8080"));
        assertFalse(g.permits("null", "localhost:8080"));
        assertFalse(g.permits("file://localhost", "localhost"));
    }

    @Test
    void configuredListReplacesTheDefault() {
        OriginGuard g = new OriginGuard(List.of("https://Chat.Example.org"));
        assertTrue(g.permits("https://chat.example.org", "other.host"));
        assertFalse(g.permits("https://other.host", "other.host"));
        assertTrue(new OriginGuard(List.of("*")).permits("https://anything.example", "x"));
    }
}
