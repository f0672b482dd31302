package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/** One HTTP endpoint at a fixed path. Runs on the event loop: must not block for long. */
public interface HttpEndpoint {
    /** Methods it answers; others get 405 with an {@code Allow} header. */
    Set<HttpMethod> methods();

    /** The response; never echoes request input unescaped. */
    FullHttpResponse handle(ChannelHandlerContext ctx, FullHttpRequest request);
}
