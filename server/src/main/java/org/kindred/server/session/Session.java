package org.kindred.server.session;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.common.TokenBucket;
import org.kindred.server.transport.Connection;
import org.kindred.server.transport.Outbound;
import org.kindred.server.transport.SharedFrame;

/**
 * A member's session: outlives its connection for the resume window, so a member who drops and
 * comes back keeps its id, nick and rooms. While detached, room events for it are kept in a
 * small bounded buffer and replayed, in order, when it resumes.
 */
public final class Session {
    private final String memberId;
    /** The hash of the current resume token; replaced by the registry at every resume. */
    private volatile String tokenHash;
    /** Staff only: the digest of the login token the session signed in with, else null. */
    private volatile String credential;
    /** When the connection dropped ({@link System#nanoTime()}), while detached. */
    private volatile long detachedAt;
    /** Reports this member may still file ({@link #reportWait}). */
    private volatile TokenBucket reports = new TokenBucket(10, 0.1);
    private final Role role;
    private final String moderatorName;
    /** The language tag of the session's latest {@code hello} that gave one; may be null. */
    private volatile String locale;
    private final String region;
    private final String fingerprint;
    private final String pseudonym;
    private final long createdAt;
    private final int missedLimit;
    /** A member is in a handful of rooms at most and joins rarely: a copy-on-write set is the lean choice. */
    private final Set<String> rooms = new CopyOnWriteArraySet<>();
    /** The member's nickname in each room it is in (kept by the rooms' threads; read by any thread). */
    private final java.util.Map<String, String> nicks = new java.util.concurrent.ConcurrentHashMap<>();
    /** The last message {@code seq} sent to the member's connection, per room (for a resume on another node). */
    private final java.util.Map<String, Long> sentSeq = new java.util.concurrent.ConcurrentHashMap<>();
    /** For a session resumed from another node: per room, the last {@code seq} replayed (later copies are dropped). */
    private volatile java.util.Map<String, Long> replayedUpTo;
    /** Events kept while detached; allocated at the first one (most sessions never need it). */
    private ArrayDeque<ServerMessage> missed;
    private volatile Connection connection;
    private volatile boolean expired;
    /** Told when the member's rooms change (in a cluster, to record them), or null. */
    private volatile java.util.function.Consumer<Session> roomsChanged;

    public Session(String memberId, String tokenHash, Role role, String moderatorName, String locale,
            String region, String fingerprint, long createdAt, int missedLimit, Connection connection) {
        this.memberId = memberId;
        this.tokenHash = tokenHash;
        this.role = role;
        this.moderatorName = moderatorName;
        this.locale = locale;
        this.region = region;
        this.fingerprint = fingerprint;
        this.pseudonym = Pseudonyms.next();
        this.createdAt = createdAt;
        this.missedLimit = missedLimit;
        this.connection = connection;
    }

    public String memberId() {
        return memberId;
    }

    String tokenHash() {
        return tokenHash;
    }

    /** Replaces the resume token's hash (the registry rotates it at every resume). */
    void tokenHash(String hash) {
        this.tokenHash = hash;
    }

    /**
     * Staff sessions: the digest of the login token they signed in with (the revocation check
     * looks it up); null for members.
     */
    public String credential() {
        return credential;
    }

    void credential(String digest) {
        this.credential = digest;
    }

    /**
     * When the connection dropped, as a {@link System#nanoTime()} reading (for ordering only);
     * meaningful only while {@link #isDetached()}.
     */
    public long detachedAt() {
        return detachedAt;
    }

    /** True while no connection is attached (dropped, within the resume window). */
    public boolean isDetached() {
        return connection == null;
    }

    /**
     * Sets this member's report allowance: {@code burst} reports at once, refilled at
     * {@code perSecond}. Called once, when the session is created.
     */
    public void reportLimit(int burst, double perSecond) {
        this.reports = new TokenBucket(burst, perSecond);
    }

    /**
     * Takes one report from the member's allowance and returns 0, or returns how many ms until
     * the member may report again ({@code now} in epoch ms). Thread-safe.
     */
    public long reportWait(long now) {
        return reports.tryTake(now);
    }

    public Role role() {
        return role;
    }

    /** The moderator account behind this session, or null for members. */
    public String moderatorName() {
        return moderatorName;
    }

    /**
     * The session's language as a BCP 47 tag ({@code hello.locale}), or null when none was given: the
     * language of the sentences the server writes for this person (see {@code ServerText#language}).
     */
    public String locale() {
        return locale;
    }

    /**
     * A resuming {@code hello} named {@code locale} (a BCP 47 tag, already checked): what the server
     * writes for this person from now on (errors, notices, crisis card, check-ins) is in its language.
     */
    public void locale(String locale) {
        this.locale = locale;
    }

    public String region() {
        return region;
    }

    /** Keyed hash of the network address (never the address itself); may be null. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The server-chosen nickname used when the member gives none. */
    public String pseudonym() {
        return pseudonym;
    }

    public long createdAt() {
        return createdAt;
    }

    /** Rooms the member is in (updated by the rooms' own threads). */
    public Set<String> rooms() {
        return rooms;
    }

    /** The room's thread records that the member joined {@code room} as {@code nick}. */
    public void joined(String room, String nick) {
        nicks.put(room, nick);
        rooms.add(room);
        changed();
    }

    /** Runs {@code listener} (any thread, quick) after every later change of the member's rooms. */
    public void onRoomsChanged(java.util.function.Consumer<Session> listener) {
        this.roomsChanged = listener;
    }

    private void changed() {
        java.util.function.Consumer<Session> l = roomsChanged;
        if (l != null) {
            l.accept(this);
        }
    }

    /** The room's thread records that the member left {@code room}. */
    public void left(String room) {
        rooms.remove(room);
        nicks.remove(room);
        changed();
    }

    /** The member's nickname in {@code room}, or null when it is not there. Any thread. */
    public String nickIn(String room) {
        return nicks.get(room);
    }

    public MemberInfo info(String nick) {
        return new MemberInfo(memberId, nick, role);
    }

    /** Where this member's messages go now, or null while detached. */
    public Outbound connection() {
        return connection;
    }

    /** The transport connection itself (registry use: attach and release). */
    Connection attachedConnection() {
        return connection;
    }

    public boolean isExpired() {
        return expired;
    }

    /**
     * Delivers a room event. Hot path: one volatile read when attached. {@code encoded} is the
     * shared buffer (not consumed); {@code message} is kept only if the member is detached.
     */
    public void deliver(SharedFrame encoded, ServerMessage message) {
        if (replayedUpTo != null && replayedAlready(message)) {
            return;
        }
        Connection c = connection;
        if (c != null) {
            c.sendShared(encoded);
            sent(message);
        } else {
            deliverDetached(message);
        }
    }

    /**
     * {@code room}'s messages up to {@code seq} were replayed to this session (resumed from
     * another node): copies of them arriving live afterwards are dropped, so each comes once.
     */
    public void replayed(String room, long seq) {
        java.util.Map<String, Long> m = replayedUpTo;
        if (m == null) {
            m = new java.util.concurrent.ConcurrentHashMap<>();
            replayedUpTo = m;
        }
        m.merge(room, seq, Math::max);
    }

    private boolean replayedAlready(ServerMessage message) {
        java.util.Map<String, Long> m = replayedUpTo;
        return m != null && message instanceof ServerMessage.Message msg
                && msg.seq() <= m.getOrDefault(msg.room(), Long.MIN_VALUE);
    }

    private void sent(ServerMessage message) {
        if (message instanceof ServerMessage.Message m) {
            sentSeq.put(m.room(), m.seq());
        }
    }

    /**
     * The {@code seq} of the last message of {@code room} sent to the member's connection (0 if
     * none): where a resume on another node picks up.
     */
    public long sentSeq(String room) {
        return sentSeq.getOrDefault(room, 0L);
    }

    /** The member was sent {@code room}'s messages up to {@code seq} otherwise (the history of its {@code joined}). */
    public void sentUpTo(String room, long seq) {
        sentSeq.merge(room, seq, Math::max);
    }

    /** Sends one message to the member now, or keeps it for the resume if detached. */
    public void deliver(ServerMessage message) {
        if (replayedUpTo != null && replayedAlready(message)) {
            return;
        }
        Connection c = connection;
        if (c != null) {
            c.send(message);
            sent(message);
        } else {
            deliverDetached(message);
        }
    }

    private synchronized void deliverDetached(ServerMessage message) {
        Connection c = connection;
        if (c != null) {
            c.send(message);
            sent(message);
            return;
        }
        if (expired || message instanceof ServerMessage.Typing) {
            return;
        }
        if (missed == null) {
            missed = new ArrayDeque<>();
        }
        if (missed.size() >= missedLimit) {
            missed.removeFirst();
        }
        missed.addLast(message);
    }

    /** Marks the session detached if {@code c} is still its connection; returns whether it was. */
    synchronized boolean detach(Connection c) {
        if (connection != c) {
            return false;
        }
        detachedAt = System.nanoTime();
        connection = null;
        return true;
    }

    /**
     * Attaches a new connection: first replays what was missed, then publishes the connection,
     * so every later event goes after the replay. Returns the previous connection, if any.
     */
    synchronized Connection attach(Connection c) {
        Connection previous = connection;
        List<ServerMessage> replay = missed == null ? List.of() : List.copyOf(missed);
        missed = null;
        for (ServerMessage m : replay) {
            c.send(m);
            sent(m);
        }
        connection = c;
        return previous;
    }

    /** Ends the session unless {@code force} is false and a connection attached meanwhile. */
    synchronized boolean markExpired(boolean force) {
        if (expired || (!force && connection != null)) {
            return false;
        }
        expired = true;
        missed = null;
        return true;
    }
}
