package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline on an in-memory channel, fed raw bytes: strict parsing, size limits,
 * security headers, the request deadline and the per-network cap, and that every buffer is released.
 */
class HttpPipelineTest {
    private static final Map<String, HttpEndpoint> ENDPOINTS = Map.of(
            "/healthz", SimpleEndpoint.get(SimpleEndpoint.TEXT, () -> "ok\n"),
            "/echo", new SimpleEndpoint(Set.of(HttpMethod.POST), (ctx, req) -> HttpResponses.text(HttpResponseStatus.OK,
                    "got " + req.content().readableBytes() + "\n")),
            "/boom", new SimpleEndpoint(Set.of(HttpMethod.GET), (ctx, req) -> {
                throw new IllegalStateException("secret detail at org.kindred.Inner");
            }));
    private static final List<String> LEAKY = List.of("Exception", "at io.netty", "at org.", "secret detail",
            "unterminated", "missing key", "not a WebSocket request", "Content-Length are not allowed");

    private static Wire wire() throws Exception {
        return new Wire(null, new AddressLimiter(4), HttpLimits.defaults(), ENDPOINTS, ChannelInboundHandlerAdapter::new);
    }

    private static void assertHygienic(String response) {
        assertTrue(response.contains("X-Content-Type-Options: nosniff"), response);
        assertTrue(response.contains("Referrer-Policy: no-referrer"), response);
        for (String s : LEAKY) {
            assertFalse(response.contains(s), () -> "'" + s + "' reached the client: " + response);
        }
    }

    /** Runs one exchange that must end the connection, and checks no buffer is left referenced. */
    private static String refused(String request, int status) throws Exception {
        Wire w = wire();
        w.send(request);
        String r = w.received();
        assertTrue(r.startsWith("HTTP/1.1 " + status + " "), r);
        assertTrue(r.contains("connection: close"), r);
        assertFalse(w.ch.isActive(), "closed after answering");
        assertHygienic(r);
        w.finish();
        assertEquals(List.of(), w.alloc.unreleased(), "every buffer released");
        return r;
    }

    @Test
    void anOrdinaryRequestIsAnsweredWithSecurityHeadersAndKeptAlive() throws Exception {
        Wire w = wire();
        String r = w.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").received();
        assertTrue(r.startsWith("HTTP/1.1 200 "), r);
        assertTrue(r.endsWith("ok\n"), r);
        assertHygienic(r);
        assertTrue(w.ch.isActive());
        r = w.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello").received();
        assertTrue(r.endsWith("got 5\n"), r);
        w.finish();
        assertEquals(List.of(), w.alloc.unreleased());
    }

    @Test
    void chunkedWithContentLengthIsRefused() throws Exception {
        String r = refused("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n", 400);
        assertFalse(r.contains("got"), "never handed to the endpoint");
    }

    @Test
    void transferEncodingInHttp10AndDuplicateLengthsAreRefused() throws Exception {
        refused("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400);
        refused("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400);
    }

    @Test
    void aBodyOverTheLimitGets413AndIsNeverRead() throws Exception {
        refused("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n" + "x".repeat(1000), 413);
        String chunk = Integer.toHexString(40_000) + "\r\n" + "y".repeat(40_000) + "\r\n";
        refused("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + chunk + chunk, 413);
    }

    @Test
    void oversizedHeadersGet431AndALongUri414() throws Exception {
        refused("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9000) + "\r\n\r\n", 431);
        refused("GET /" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "POST /% HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello",
        "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: five\r\n\r\nhello",
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
    })
    void undecodableRequestsGet400AndAreReleased(String request) throws Exception {
        refused(request, 400);
    }

    @Test
    void aFailingEndpointGivesAPlain500() throws Exception {
        refused("GET /boom HTTP/1.1\r\nHost: x\r\n\r\n", 500);
    }

    @Test
    void failedWebSocketHandshakesGetAFixedAnswer() throws Exception {
        String noKey = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        assertTrue(refused(noKey, 400).contains("not a valid WebSocket handshake"));
        String noConnection = "GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nSec-WebSocket-Key: "
                + "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
        refused(noConnection, 400);
        Wire w = wire();
        String r = w.send("GET /ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 99\r\n\r\n").received();
        assertTrue(r.startsWith("HTTP/1.1 426 "), r);
        assertHygienic(r);
        w.finish();
    }

    @Test
    void aHalfSentRequestIsClosedWhenItsTimeRunsOut() throws Exception {
        Wire w = wire();
        w.send("GET /healthz HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 4; i++) {
            w.advance(1000).send("X-Slow-" + i + ": y\r\n"); // a byte now and then does not buy more time
        }
        w.advance(900);
        assertTrue(w.ch.isActive());
        w.advance(200);
        assertFalse(w.ch.isActive(), "closed 5 s after it opened");
        assertEquals("", w.received(), "no answer to a request never completed");
        w.finish();
        assertEquals(List.of(), w.alloc.unreleased());
    }

    @Test
    void aHalfSentBodyIsClosedToo() throws Exception {
        Wire w = wire();
        w.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nabc");
        w.advance(5100);
        assertFalse(w.ch.isActive());
        w.finish();
        assertEquals(List.of(), w.alloc.unreleased());
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheSameTime() throws Exception {
        Wire w = wire();
        w.advance(3000);
        w.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        assertTrue(w.received().startsWith("HTTP/1.1 200 "));
        w.advance(4900);
        assertTrue(w.ch.isActive(), "the clock restarted with the response");
        w.advance(200);
        assertFalse(w.ch.isActive());
        w.finish();
    }

    @Test
    void theClockStopsWhileTheServerWorksOnARequest() throws Exception {
        CompletableFuture<io.netty.handler.codec.http.FullHttpResponse> later = new CompletableFuture<>();
        HttpEndpoint slow = new HttpEndpoint() {
            @Override
            public Set<HttpMethod> methods() {
                return Set.of(HttpMethod.GET);
            }

            @Override
            public CompletionStage<io.netty.handler.codec.http.FullHttpResponse> handle(
                    io.netty.channel.ChannelHandlerContext ctx, io.netty.handler.codec.http.FullHttpRequest request) {
                return later;
            }
        };
        Wire w = new Wire(null, new AddressLimiter(4), HttpLimits.defaults(), Map.of("/slow", slow),
                ChannelInboundHandlerAdapter::new);
        w.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
        w.advance(20_000);
        assertTrue(w.ch.isActive());
        later.complete(HttpResponses.text(HttpResponseStatus.OK, "done\n"));
        w.advance(0);
        assertTrue(w.received().endsWith("done\n"));
        w.advance(5100);
        assertFalse(w.ch.isActive());
        w.finish();
    }

    @Test
    void plainHttpConnectionsAreCappedPerNetwork() throws Exception {
        AddressLimiter limiter = new AddressLimiter(1);
        HttpLimits http = HttpLimits.defaults();
        Wire first = new Wire("10.0.0.1", limiter, http, ENDPOINTS, ChannelInboundHandlerAdapter::new);
        Wire second = new Wire("10.0.0.1", limiter, http, ENDPOINTS, ChannelInboundHandlerAdapter::new);
        Wire third = new Wire("10.0.0.1", limiter, http, ENDPOINTS, ChannelInboundHandlerAdapter::new);
        Wire elsewhere = new Wire("10.0.0.2", limiter, http, ENDPOINTS, ChannelInboundHandlerAdapter::new);
        assertFalse(third.ch.isActive(), "far over the limit: closed at once");
        assertEquals(2, limiter.open("fp:10.0.0.1"));

        String r = second.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").received();
        assertTrue(r.startsWith("HTTP/1.1 429 "), r);
        assertTrue(r.contains("retry-after: 5"), r);
        assertHygienic(r);
        assertFalse(second.ch.isActive());
        assertEquals(1, limiter.open("fp:10.0.0.1"), "released when closed");

        assertTrue(first.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").received().startsWith("HTTP/1.1 200 "));
        assertTrue(elsewhere.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").received().startsWith("HTTP/1.1 200 "));
        first.finish();
        elsewhere.finish();
        third.finish();
        assertEquals(0, limiter.keys(), "nothing kept for networks without connections");
    }
}
