package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/** One HTTP endpoint at a fixed path. Runs on the event loop: must not block for long. */
public interface HttpEndpoint {
    /** Methods it answers; others get 405 with an {@code Allow} header. */
    Set<HttpMethod> methods();

    /**
     * The response, possibly later (work that blocks must run elsewhere, never on the event
     * loop). The request is released when this returns: read what you need from it first.
     * Never echoes request input unescaped.
     */
    CompletionStage<FullHttpResponse> handle(ChannelHandlerContext ctx, FullHttpRequest request);
}
