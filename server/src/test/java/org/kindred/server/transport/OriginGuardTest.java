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
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
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
    void configuredListAddsToTheServersOwnOrigin() {
        OriginGuard g = new OriginGuard(List.of("https://Chat.Example.org"));
        assertTrue(g.permits("https://chat.example.org", "other.host"));
        assertTrue(g.permits("https://other.host", "other.host"), "the page the server itself served");
        assertTrue(g.permits("http://localhost:8080", "localhost:8080"), "the README's example config");
        assertFalse(g.permits("https://third.example", "other.host"));
        assertFalse(g.permits("http://localhost:9999", "localhost:8080"));
        assertTrue(new OriginGuard(List.of("*")).permits("https://anything.example", "x"));
    }

    @Test
    void aRefusalIsCountedAndLoggedAsAnEventWithTheOriginsSchemeAndHostOnly() {
        AtomicInteger refused = new AtomicInteger();
        Logger logger = (Logger) LoggerFactory.getLogger(OriginGuard.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try {
            EmbeddedChannel ch = new EmbeddedChannel(new OriginGuard(List.of("https://chat.example.org"),
                    refused::incrementAndGet));
            ch.writeInbound(upgrade("https://evil.example/path?token=secret", "chat.example.org"));
            FullHttpResponse r = ch.readOutbound();
            assertEquals(403, r.status().code());
            r.release();
            FullHttpRequest own = upgrade("http://chat.example.org", "chat.example.org");
            ch.writeInbound(own);
            assertSame(own, ch.readInbound(), "the own origin is not counted");
            own.release();
            ch.finishAndReleaseAll();
            assertEquals(1, refused.get());
            List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("origin refused for=websocket origin=https://evil.example "),
                    lines.get(0));
            assertFalse(lines.get(0).contains("secret"), lines.get(0));
            assertFalse(lines.get(0).contains("path"), lines.get(0));
        } finally {
            logger.detachAppender(logs);
        }
    }

    @Test
    void onlyASafeShortFormOfTheOriginIsLogged() {
        assertEquals("https://evil.example:8443", OriginGuard.loggable("https://user:pw@Evil.Example:8443/x?y"));
        assertEquals("malformed", OriginGuard.loggable("javascript:alert(1)"));
        assertEquals("malformed", OriginGuard.loggable("https://bad host\n"));
        assertEquals("null", OriginGuard.loggable("null"));
        String longHost = "https://" + "a".repeat(200) + ".example";
        assertEquals(81, OriginGuard.loggable(longHost).length());
    }
}
