package org.kindred.server.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Aggregates each request into one {@code FullHttpRequest} of at most {@code maxBodyBytes}. A
 * request whose body is (or announces itself as) larger gets 413 with the server's usual headers
 * and the connection is closed: the rest of that body is never read into memory.
 */
final class HttpBodyLimit extends HttpObjectAggregator {

    /** @param maxBodyBytes longest accepted body in bytes */
    HttpBodyLimit(int maxBodyBytes) {
        super(maxBodyBytes);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        // the aggregator releases the message itself after this returns
        HttpResponses.send(ctx, false, false, HttpResponses.text(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "Request body too large.\n"));
    }
}
