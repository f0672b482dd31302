package org.kindred.server.session;

import org.kindred.server.transport.Connection;
import org.kindred.server.common.Ids;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Scheduler;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.kindred.protocol.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All live sessions, by the hash of their resume token and by member id. A session whose
 * connection drops stays resumable for the resume window (a Caffeine cache with expiry);
 * when the window ends, {@code onExpire} runs once (the rooms announce the member's leave).
 *
 * <p>Resume tokens are single-use: every successful {@link #claim} retires the token it was
 * given and issues a fresh one, so a token seen once (in a log, over a shoulder, by a proxy)
 * cannot take a session over later, and of two connections racing with the same token only
 * one wins.
 */
public final class SessionRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

    private final Map<String, Session> byToken = new ConcurrentHashMap<>();
    private final Map<String, Session> byMember = new ConcurrentHashMap<>();
    private final Cache<String, Session> detached;
    private final Consumer<Session> onExpire;
    private final int missedLimit;
    /** Where dropped members' sessions are parked for other nodes (a cluster), or null. */
    private volatile ParkedSessions parked;

    public SessionRegistry(Duration resumeWindow, int missedLimit, Consumer<Session> onExpire) {
        this(resumeWindow, missedLimit, onExpire, Ticker.systemTicker());
    }

    /** With an explicit time source, for tests. */
    SessionRegistry(Duration resumeWindow, int missedLimit, Consumer<Session> onExpire, Ticker ticker) {
        this.onExpire = onExpire;
        this.missedLimit = missedLimit;
        this.detached = Caffeine.newBuilder()
                .expireAfterWrite(resumeWindow)
                .ticker(ticker)
                .executor(Runnable::run)
                .scheduler(Scheduler.systemScheduler())
                .removalListener((String key, Session s, RemovalCause cause) -> {
                    if (cause.wasEvicted() && s != null) {
                        expire(s, false);
                    }
                })
                .build();
    }

    /** A new session for a {@code hello} without a valid resume token. Returns it and its token. */
    public Created create(Connection c, Role role, String moderatorName, String locale, String region,
            String fingerprint, long now) {
        return create(c, role, moderatorName, null, locale, region, fingerprint, now);
    }

    /**
     * As above, for staff: {@code credential} is the digest of the login token the session
     * signed in with (null for members), kept so a revoked login can end the session.
     */
    public Created create(Connection c, Role role, String moderatorName, String credential, String locale,
            String region, String fingerprint, long now) {
        Created created = register(role, moderatorName, credential, locale, region, fingerprint, now);
        attachNew(created.session(), c);
        return created;
    }

    /**
     * A new session as {@link #create} makes it, registered (among {@link #all()}, so a ban's sweep
     * over the sessions may end it) but with no connection yet, so ending it closes no connection.
     * For a {@code hello}: the caller checks once more whether it may go on (a ban may have come in
     * since it checked), then gives it its connection with {@link #attachNew} or {@link #end}s it.
     */
    public Created register(Role role, String moderatorName, String credential, String locale, String region,
            String fingerprint, long now) {
        String token = Ids.token();
        Session s = new Session(Ids.member(), Ids.hash(token), role, moderatorName, locale, region, fingerprint,
                now, missedLimit, null);
        s.keys().signedIn(credential, token);
        byToken.put(s.tokenHash(), s);
        byMember.put(s.memberId(), s);
        recorded(s);
        return new Created(s, token);
    }

    /**
     * Gives {@code s}, fresh from {@link #register}, its connection {@code c}; false, and nothing
     * attached, when it ended meanwhile. Atomic with the end: a session that ends after this closes
     * {@code c} through {@link #endAndClose}.
     */
    public boolean attachNew(Session s, Connection c) {
        synchronized (s) {
            if (s.isExpired()) {
                return false;
            }
            s.attach(c);
        }
        c.attach(s);
        return true;
    }

    /**
     * In a cluster: record every member session in {@code parked} (from the sessions created
     * after this call), so it may resume on any node, connected or dropped.
     */
    public void share(ParkedSessions parked) {
        this.parked = parked;
    }

    /** Where sessions are recorded for other nodes, or null on one node. */
    public ParkedSessions shared() {
        return parked;
    }

    /**
     * A session resumed from another node's {@code p}: the same member id, a new resume token,
     * and no connection yet (what its rooms deliver meanwhile is kept, then replayed by
     * {@link #attach}). The caller attaches {@code c} to it before replying {@code welcome}. A
     * staff record keeps its role only with {@code credential} (the digest of its login token, which
     * the caller checked against the store); without it the session is a member's.
     */
    public Created adopt(ParkedSessions.Parked p, String credential, String fingerprint) {
        String token = Ids.token();
        ParkedSessions.StaffRecord staff = credential == null ? null : p.staff();
        Role role = staff == null || staff.role() == null ? Role.MEMBER : staff.role();
        Session s = new Session(p.member(), Ids.hash(token), role, staff == null ? null : staff.name(), p.locale(),
                p.region(), fingerprint, p.createdAt(), missedLimit, null);
        if (staff != null) {
            s.keys().signedIn(credential, token);
        }
        byToken.put(s.tokenHash(), s);
        byMember.put(s.memberId(), s);
        recorded(s);
        return new Created(s, token);
    }

    /**
     * In a cluster, a session is recorded in Redis now and whenever its rooms change, and what it
     * keeps while dropped is recorded too.
     */
    private void recorded(Session s) {
        ParkedSessions p = parked;
        if (p != null) {
            s.onRoomsChanged(p::live);
            s.onKeptWhileAway(p::kept);
            p.live(s);
        }
    }

    /** The session and the token the client may resume it with. */
    public record Created(Session session, String token) {
    }

    /** The session a resume token would claim, without claiming it; empty if unknown or ended. */
    public Optional<Session> peek(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Session s = byToken.get(Ids.hash(token));
        return s == null || s.isExpired() ? Optional.empty() : Optional.of(s);
    }

    /**
     * Claims the session of {@code token} for connection {@code c} (it stops counting down to
     * expiry) and rotates its resume token: {@code token} stops working at once and the
     * returned {@link Created#token()} is the only one that resumes the session from now on.
     * The caller replies {@code welcome} with the new token and then calls {@link #attach}.
     * Empty if the token is unknown, already used, or its session has ended.
     */
    public Optional<Created> claim(String token, Connection c) {
        if (token == null) {
            return Optional.empty();
        }
        String hash = Ids.hash(token);
        Session s = byToken.get(hash);
        if (s == null) {
            return Optional.empty();
        }
        String fresh = Ids.token();
        synchronized (s) {
            if (s.isExpired() || !hash.equals(s.tokenHash()) || !byToken.remove(hash, s)) {
                return Optional.empty(); // ended, or another connection used this token first
            }
            s.keys().rotated(fresh);
            byToken.put(s.tokenHash(), s);
        }
        detached.invalidate(s.memberId());
        if (s.isExpired()) {
            return Optional.empty();
        }
        ParkedSessions p = parked;
        if (p != null) {
            p.live(s); // under its new token (the old one's records were taken)
        }
        c.attach(s);
        return Optional.of(new Created(s, fresh));
    }

    /**
     * Attaches a claimed session to its new connection: runs {@code first} (the {@code welcome},
     * which must not block), replays what the session missed, in order, then closes the connection
     * it had before, if that one is still open. False, and nothing run or attached, when the session
     * ended since it was claimed (a ban's sweep after the caller's ban check). Atomic with the end,
     * as {@link #attachNew}: a session that ends after this closes {@code c}.
     */
    public boolean attach(Session s, Connection c, Runnable first) {
        Connection previous;
        synchronized (s) {
            if (s.isExpired()) {
                return false;
            }
            first.run();
            previous = s.attach(c);
        }
        if (previous != null && previous != c) {
            previous.attach(null);
            previous.close(org.kindred.protocol.CloseCodes.NORMAL, "Session resumed on another connection");
        }
        LOG.debug("session resumed member={} conn={}", s.memberId(), c.id());
        return true;
    }

    /** The connection closed: keep the session for the resume window. */
    public void detach(Connection c) {
        Session s = Sessions.of(c);
        if (s != null && s.detach(c)) {
            detached.put(s.memberId(), s);
            ParkedSessions p = parked;
            if (p != null) {
                p.park(s);
            }
        }
    }

    /** Ends a session now (e.g. banned); its rooms are told it left. */
    public void end(Session s) {
        detached.invalidate(s.memberId());
        expire(s, true);
    }

    /**
     * Ends the session now and closes its connection, if any, with {@code code} and
     * {@code reason}; the connection no longer serves the session while it closes. Any thread.
     */
    public void endAndClose(Session s, int code, String reason) {
        end(s);
        Connection c = s.attachedConnection(); // after the end: one attached since then is closed too
        if (c != null) {
            c.attach(null);
            c.close(code, reason);
        }
    }

    private void expire(Session s, boolean force) {
        synchronized (s) {
            if (!s.markExpired(force)) {
                return;
            }
            byToken.remove(s.tokenHash(), s);
            ParkedSessions p = parked;
            if (p != null) {
                p.forget(s); // under the lock: after every write of its records
            }
        }
        byMember.remove(s.memberId());
        LOG.debug("session ended member={}", s.memberId());
        onExpire.accept(s);
    }

    public Optional<Session> byMember(String memberId) {
        return Optional.ofNullable(byMember.get(memberId));
    }

    public Collection<Session> all() {
        return byMember.values();
    }

    public int size() {
        return byMember.size();
    }

    /** Runs pending expiries now (tests and shutdown). */
    public void cleanUp() {
        detached.cleanUp();
    }
}
