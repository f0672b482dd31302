package org.kindred.server.session;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.kindred.protocol.ServerMessage;
import java.util.concurrent.Executor;
import org.kindred.server.transport.Outbound;
import org.kindred.server.transport.SharedFrame;

/**
 * One broadcast of one encoded event, on the room's thread. Recipients whose connection lives on
 * the calling thread's event loop (and detached sessions) are delivered to at once; the others are
 * grouped by their event loop and each such loop gets a single task that delivers to all of them,
 * instead of one cross-thread write task (and queue hand-off) per recipient.
 *
 * <p>Order per recipient is unchanged: whatever the room sends to a connection on another loop
 * (this task, or a direct reply written from the room's thread) passes through that loop's task
 * queue in the order the room issued it.
 */
final class Fanout {
    private final SharedFrame encoded;
    private final ServerMessage event;
    private Map<Executor, List<Session>> elsewhere;
    private int recipients;

    /** @param encoded the shared buffer; not consumed, each handed-over task holds its own reference */
    Fanout(SharedFrame encoded, ServerMessage event) {
        this.encoded = encoded;
        this.event = event;
    }

    void add(Session s) {
        recipients++;
        Outbound c = s.connection();
        if (c == null || c.onWriter()) {
            s.deliver(encoded, event);
            return;
        }
        Executor loop = c.writer();
        if (elsewhere == null) {
            elsewhere = new IdentityHashMap<>(4);
        }
        elsewhere.computeIfAbsent(loop, k -> new ArrayList<>()).add(s);
    }

    /** Hands the grouped recipients to their loops. */
    void dispatch() {
        if (elsewhere == null) {
            return;
        }
        for (Map.Entry<Executor, List<Session>> e : elsewhere.entrySet()) {
            List<Session> sessions = e.getValue();
            encoded.retain();
            try {
                e.getKey().execute(() -> deliverAll(sessions));
            } catch (RejectedExecutionException shuttingDown) {
                encoded.release();
            }
        }
    }

    private void deliverAll(List<Session> sessions) {
        try {
            for (Session s : sessions) {
                s.deliver(encoded, event);
            }
        } finally {
            encoded.release();
        }
    }

    int recipients() {
        return recipients;
    }
}
