package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/**
 * Handles one type of request from a session that said hello. Called on the connection's
 * event loop; must not block, and must see that exactly one reply is sent (none for a
 * successful {@code typing}).
 *
 * @param <M> the request type
 */
@FunctionalInterface
public interface RequestHandler<M extends ClientMessage> {

    /** @param now the request's arrival, epoch ms */
    void handle(Connection c, Session s, M request, long now);
}
