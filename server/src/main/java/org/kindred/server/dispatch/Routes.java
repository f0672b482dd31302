package org.kindred.server.dispatch;

import java.util.HashMap;
import java.util.Map;
import org.kindred.protocol.ClientMessage;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/**
 * Which {@link RequestHandler} takes which request type: the handler registered for the
 * request's own class, else for the nearest interface it implements (e.g. every {@code mod.*}
 * request is a {@code ModRequest}), else the fallback. Built once, then read-only.
 */
final class Routes {
    private final Map<Class<?>, RequestHandler<? extends ClientMessage>> byType = new HashMap<>();
    private final RequestHandler<ClientMessage> fallback;

    Routes(RequestHandler<ClientMessage> fallback) {
        this.fallback = fallback;
    }

    <M extends ClientMessage> Routes on(Class<M> type, RequestHandler<M> handler) {
        byType.put(type, handler);
        return this;
    }

    void route(Connection c, Session s, ClientMessage m, long now) {
        handlerFor(m.getClass()).handle(c, s, m, now);
    }

    @SuppressWarnings("unchecked")
    private RequestHandler<ClientMessage> handlerFor(Class<?> type) {
        RequestHandler<? extends ClientMessage> h = byType.get(type);
        if (h == null) {
            for (Class<?> i : type.getInterfaces()) {
                h = byType.get(i);
                if (h != null) {
                    break;
                }
            }
        }
        return h == null ? fallback : (RequestHandler<ClientMessage>) h;
    }
}
