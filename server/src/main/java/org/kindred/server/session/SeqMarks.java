package org.kindred.server.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.protocol.ServerMessage;

/**
 * Where a session stands in each room's numbered messages: the last {@code seq} sent to its
 * connection (where a resume on another node picks up), and, for a session resumed from another
 * node, the last one replayed to it (later copies arriving live are dropped, so each comes once).
 * Thread-safe.
 */
final class SeqMarks {
    private final Map<String, Long> sent = new ConcurrentHashMap<>();
    /** Allocated by the first {@link #replayed} (only sessions resumed from another node need it). */
    private volatile Map<String, Long> replayedUpTo;

    /** {@code message} went to the connection. */
    void sent(ServerMessage message) {
        if (message instanceof ServerMessage.Message m) {
            sent.put(m.room(), m.seq());
        }
    }

    /** The last {@code seq} of {@code room} sent to the connection, or 0. */
    long sentSeq(String room) {
        return sent.getOrDefault(room, 0L);
    }

    /** Messages of {@code room} up to {@code seq} reached the member otherwise (a {@code joined}'s history). */
    void sentUpTo(String room, long seq) {
        sent.merge(room, seq, Math::max);
    }

    /** Messages of {@code room} up to {@code seq} were replayed from the room's history. */
    void replayed(String room, long seq) {
        Map<String, Long> m = replayedUpTo;
        if (m == null) {
            m = new ConcurrentHashMap<>();
            replayedUpTo = m;
        }
        m.merge(room, seq, Math::max);
    }

    /** Whether {@code message} is a copy of one already replayed (to be dropped). One volatile read when none was. */
    boolean replayedAlready(ServerMessage message) {
        Map<String, Long> m = replayedUpTo;
        return m != null && message instanceof ServerMessage.Message msg
                && msg.seq() <= m.getOrDefault(msg.room(), Long.MIN_VALUE);
    }
}
