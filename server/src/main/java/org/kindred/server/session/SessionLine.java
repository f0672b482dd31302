package org.kindred.server.session;

import java.util.List;
import java.util.function.BiConsumer;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.transport.Connection;
import org.kindred.server.transport.SharedFrame;

/**
 * A {@link Session}'s line to its member: the connection attached now (none while detached), what the
 * session keeps for the resume while detached, and per room which {@code seq}s went out. Events go straight
 * to the connection when there is one (one volatile read), else they are kept, in order, and replayed
 * before anything later when a connection attaches. Its changes are made under the session's own lock
 * ({@code synchronized (session)}), the lock {@link SessionRegistry} and {@link ParkedSessions} hold to
 * order their writes with attach, detach and the end; never waits. Thread-safe.
 */
final class SessionLine {
    /** The session this is the line of, and its lock. */
    private final Session session;
    /** Per room, the last {@code seq} sent to the connection and the last replayed from history. */
    private final SeqMarks marks = new SeqMarks();
    /** Events kept while detached (guarded by the session's lock). */
    private final MissedEvents missed;
    private volatile Connection connection;
    /** When the connection dropped ({@link System#nanoTime()}), while detached. */
    private volatile long detachedAt;
    private volatile boolean expired;

    /**
     * @param session the session (its lock guards the line)
     * @param missedLimit how many events to keep at most while detached (the oldest go first)
     * @param connection the connection attached at the start, or null
     */
    SessionLine(Session session, int missedLimit, Connection connection) {
        this.session = session;
        this.missed = new MissedEvents(missedLimit);
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    long detachedAt() {
        return detachedAt;
    }

    boolean isExpired() {
        return expired;
    }

    SeqMarks marks() {
        return marks;
    }

    /** See {@link Session#deliver(SharedFrame, ServerMessage)}. */
    void deliver(SharedFrame encoded, ServerMessage message) {
        send(encoded, message);
    }

    /** See {@link Session#deliver(ServerMessage)}. */
    void deliver(ServerMessage message) {
        send(null, message);
    }

    /** Hot path: one volatile read when attached; {@code encoded} (may be null) is sent in place of encoding. */
    private void send(SharedFrame encoded, ServerMessage message) {
        if (marks.replayedAlready(message)) {
            return;
        }
        Connection c = connection;
        if (c == null) {
            deliverDetached(message);
            return;
        }
        if (encoded != null) {
            c.sendShared(encoded);
        } else {
            c.send(message);
        }
        marks.sent(message);
    }

    private void deliverDetached(ServerMessage message) {
        synchronized (session) {
            Connection c = connection;
            if (c != null) {
                c.send(message);
                marks.sent(message);
                return;
            }
            if (!expired) {
                missed.keep(session, message, marks);
            }
        }
    }

    /** See {@link Session#onKeptWhileAway}. */
    void onKeptWhileAway(BiConsumer<Session, KeptEvent> hook) {
        missed.onKept(hook);
    }

    /** See {@link Session#mergeMissed}. */
    void mergeMissed(List<KeptEvent> kept, boolean skipKnown) {
        synchronized (session) {
            if (!expired) {
                missed.merge(kept, skipKnown);
            }
        }
    }

    /** Marks the line detached if {@code c} is still its connection; returns whether it was. */
    boolean detach(Connection c) {
        synchronized (session) {
            if (connection != c) {
                return false;
            }
            detachedAt = System.nanoTime();
            connection = null;
            missed.away(true);
            return true;
        }
    }

    /**
     * Attaches {@code c}: first replays what was missed, then publishes the connection, so every later
     * event goes after the replay. Returns the previous connection, if any.
     */
    Connection attach(Connection c) {
        synchronized (session) {
            Connection previous = connection;
            for (ServerMessage m : missed.drain()) {
                c.send(m);
                marks.sent(m);
            }
            connection = c;
            missed.away(false);
            return previous;
        }
    }

    /** Ends the line unless {@code force} is false and a connection attached meanwhile; whether it ended now. */
    boolean markExpired(boolean force) {
        synchronized (session) {
            if (expired || (!force && connection != null)) {
                return false;
            }
            expired = true;
            missed.clear();
            return true;
        }
    }
}
