package org.kindred.server.api;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.kindred.server.crisis.CrisisLinesQuery;
import org.kindred.server.transport.HttpResponses;
import org.kindred.server.transport.HttpEndpoint;

/**
 * {@code GET /api/crisis-lines}: the crisis lines for anyone — no session, no {@code Origin}
 * check, so a banned, offline or disconnected person still gets them. Answers 200 JSON with
 * {@code Cache-Control: public, max-age=3600} and a strong {@code ETag} (304 on a matching
 * {@code If-None-Match}), or 400 with one plain sentence for a malformed parameter; see
 * {@link CrisisLinesQuery} for the parameters. Answers come from an in-memory table (a map
 * look-up after the first time), so they are computed on the event loop.
 */
public final class CrisisLinesEndpoint implements HttpEndpoint {
    private static final Set<HttpMethod> GET_HEAD = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    private static final int MAX_PARAMS = 8;

    private final CrisisLinesQuery query;

    /** @param query computes and keeps the answers */
    public CrisisLinesEndpoint(CrisisLinesQuery query) {
        this.query = Objects.requireNonNull(query, "query");
    }

    @Override
    public Set<HttpMethod> methods() {
        return GET_HEAD;
    }

    @Override
    public CompletionStage<FullHttpResponse> handle(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri(), java.nio.charset.StandardCharsets.UTF_8,
                true, MAX_PARAMS);
        CrisisLinesQuery.Answer a = query.answer(decoder.parameters(),
                request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
        FullHttpResponse r = HttpResponses.of(HttpResponseStatus.valueOf(a.status()),
                a.json() ? HttpResponses.JSON : HttpResponses.TEXT, a.body());
        if (a.etag() != null) {
            r.headers().set(HttpHeaderNames.ETAG, a.etag());
            r.headers().set(HttpHeaderNames.CACHE_CONTROL, "public, max-age=" + CrisisLinesQuery.MAX_AGE_SECONDS);
        }
        // Public, read-only data: any page (an embedding site, a cached copy) may read it.
        r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        return CompletableFuture.completedFuture(r);
    }
}
