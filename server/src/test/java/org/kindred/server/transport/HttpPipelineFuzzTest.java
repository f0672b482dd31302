package org.kindred.server.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Any bytes a client may send, through the whole pipeline: nothing escapes as an exception, every
 * HTTP response carries the security headers and no exception text, and every buffer is released
 * once the connection ends. Regression mode runs the seeds in
 * {@code HttpPipelineFuzzTestInputs/anyBytes}; {@code JAZZER_FUZZ=1} fuzzes for real.
 */
class HttpPipelineFuzzTest {
    private static final Map<String, HttpEndpoint> ENDPOINTS = Map.of(
            "/healthz", SimpleEndpoint.get(SimpleEndpoint.TEXT, () -> "ok\n"),
            "/echo", new SimpleEndpoint(Set.of(HttpMethod.POST), (ctx, req) -> HttpResponses.text(HttpResponseStatus.OK,
                    "got " + req.content().readableBytes() + "\n")));
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3}) ");
    private static final List<String> LEAKY = List.of("Exception", "at io.netty", "at org.", "unterminated",
            "missing key", "not a WebSocket request");

    /** Stands in for the WebSocket frame handler: any error that gets this far is a failure. */
    private static final class Tail extends ChannelInboundHandlerAdapter {
        Throwable error;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            io.netty.util.ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (!(cause instanceof java.io.IOException) // e.g. a write after close: the frame handler ignores it
                    && !(cause instanceof io.netty.handler.codec.CorruptedFrameException)
                    && !(cause instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException)
                    && !(cause instanceof io.netty.handler.codec.TooLongFrameException)) {
                error = cause; // WebSocket frame errors are the frame handler's to answer (tested elsewhere)
            }
            ctx.close();
        }
    }

    @FuzzTest(maxDuration = "2m")
    void anyBytes(byte[] data) throws Exception {
        Tail tail = new Tail();
        Wire w = new Wire(null, new AddressLimiter(4), HttpLimits.defaults(), ENDPOINTS, () -> tail);
        StringBuilder out = new StringBuilder();
        // in two pieces, as a network might deliver them
        int cut = data.length / 2;
        for (byte[] piece : List.of(Arrays.copyOfRange(data, 0, cut), Arrays.copyOfRange(data, cut, data.length))) {
            if (w.ch.isActive() && piece.length > 0) {
                w.send(piece);
            }
            out.append(w.received());
        }
        w.advance(6000);
        out.append(w.received());
        boolean active = w.ch.isActive();
        w.finish();
        if (tail.error != null) {
            throw new AssertionError("an error reached the end of the pipeline", tail.error);
        }
        String wire = out.toString();
        int httpEnd = wire.indexOf("HTTP/1.1 101 ");
        String http = httpEnd < 0 ? wire : wire.substring(0, httpEnd);
        Matcher m = STATUS_LINE.matcher(http);
        int responses = 0;
        while (m.find()) {
            responses++;
        }
        int nosniff = http.split("X-Content-Type-Options: nosniff", -1).length - 1;
        assertEquals(responses, nosniff, () -> "every response has the headers: " + http);
        for (String s : LEAKY) {
            assertFalse(http.contains(s), () -> "'" + s + "' reached the client: " + http);
        }
        if (httpEnd < 0) {
            assertFalse(active, "closed by the deadline at the latest");
        }
        assertTrue(w.alloc.unreleased().isEmpty(), () -> "unreleased: " + w.alloc.unreleased());
    }
}
