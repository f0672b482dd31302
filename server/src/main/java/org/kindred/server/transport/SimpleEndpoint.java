package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** An endpoint made of a method set and a function. */
public record SimpleEndpoint(Set<HttpMethod> methods,
        BiFunction<ChannelHandlerContext, FullHttpRequest, FullHttpResponse> handler) implements HttpEndpoint {

    private static final Set<HttpMethod> GET_HEAD = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    @Override
    public CompletionStage<FullHttpResponse> handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        return CompletableFuture.completedFuture(handler.apply(ctx, request));
    }

    /** A GET/HEAD endpoint answering 200 with the body, or 503 when {@code body} returns null. */
    public static SimpleEndpoint get(String contentType, Supplier<String> body) {
        return new SimpleEndpoint(GET_HEAD, (ctx, req) -> answer(contentType, body));
    }

    private static FullHttpResponse answer(String contentType, Supplier<String> body) {
        String b = body.get();
        if (b == null) {
            return HttpResponses.text(HttpResponseStatus.SERVICE_UNAVAILABLE, "Not ready.\n");
        }
        return HttpResponses.of(HttpResponseStatus.OK, contentType, b.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * As {@link #get(String, Supplier)}, but {@code body} runs on {@code executor}, never on the
     * event loop: for answers that read storage or walk every meter (readiness, metrics), which may
     * take milliseconds. The response is written back on the connection's event loop by the router.
     *
     * @param executor where {@code body} runs; a rejected or failing body answers 500
     */
    public static HttpEndpoint getOffLoop(String contentType, java.util.concurrent.Executor executor,
            Supplier<String> body) {
        return new HttpEndpoint() {
            @Override
            public Set<HttpMethod> methods() {
                return GET_HEAD;
            }

            @Override
            public CompletionStage<FullHttpResponse> handle(ChannelHandlerContext ctx, FullHttpRequest request) {
                return CompletableFuture.supplyAsync(() -> answer(contentType, body), executor);
            }
        };
    }

    public static final String TEXT = HttpResponses.TEXT;
    public static final String JSON = HttpResponses.JSON;
    public static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
}
