package org.kindred.server.moderator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.kindred.protocol.CloseCodes;
import org.kindred.server.transport.Outbound;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kindred.server.session.Principal;
import org.kindred.server.store.StoreJobs;

/**
 * Makes revoking staff access immediate. Accounts are disabled, and login tokens revoked, by
 * the {@code moderators} admin command running as another process against the same database,
 * so the server cannot be told; instead it looks. Every {@code periodMs} (default 250 ms) a
 * check on the periodic store jobs' thread, never on the timer or an event loop, reads the sign-in behind each
 * live staff session (attached or resumable): the login token it signed in with must still be
 * valid and its account enabled with the same role. A session that fails is ended and its
 * connection closed with 4003, so a disabled account's open console is cut off within
 * {@code periodMs} plus one store read. With no staff session live the check reads nothing.
 * Cost: two indexed point reads per distinct sign-in per period.
 */
public final class StaffRevocations {
    private static final Logger LOG = LoggerFactory.getLogger(StaffRevocations.class);
    /** How often live staff sessions are checked, in ms. */
    public static final long DEFAULT_PERIOD_MS = 250;

    private final SessionRegistry sessions;
    private final TokenService tokens;
    private final Executor blocking;

    public StaffRevocations(SessionRegistry sessions, TokenService tokens, Executor blocking) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    /**
     * Starts the periodic check as a store job ({@link StoreJobs}): every {@code periodMs} the
     * timer looks whether any staff session is live and, if so, the check runs on the jobs'
     * thread (one at a time; a failure is logged by the jobs, once per outage).
     */
    public void start(StoreJobs jobs, long periodMs) {
        jobs.every("staff revocation check", periodMs, periodMs, this::hasStaff, this::check);
    }

    private boolean hasStaff() {
        for (Session s : sessions.all()) {
            if (s.role().canModerate()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks every live staff session now and ends those whose sign-in no longer holds;
     * returns how many were ended. Blocks on the store: call it off the event loops.
     */
    public int check() {
        List<Session> staff = sessions.all().stream().filter(s -> s.role().canModerate()).toList();
        Map<String, Optional<Principal>> byCredential = new HashMap<>();
        int ended = 0;
        for (Session s : staff) {
            Optional<Principal> p = byCredential.computeIfAbsent(String.valueOf(s.credential()),
                    k -> tokens.principalForDigest(s.credential()));
            if (!holds(s, p)) {
                revoke(s);
                ended++;
            }
        }
        return ended;
    }

    /** Whether the staff session's sign-in holds now; blocks on the store. */
    public boolean stillStaff(Session s) {
        return holds(s, tokens.principalForDigest(s.credential()));
    }

    /** {@link #stillStaff} on the blocking executor. */
    public CompletableFuture<Boolean> stillStaffAsync(Session s) {
        return CompletableFuture.supplyAsync(() -> stillStaff(s), blocking);
    }

    /**
     * Whether a sign-in recorded elsewhere still holds: the login token of digest {@code credential}
     * is valid and its account enabled as {@code name} with {@code role} (null credential: no).
     * Completes on the blocking executor.
     */
    public CompletableFuture<Boolean> holdsAsync(String credential, String name, org.kindred.protocol.Role role) {
        return CompletableFuture.supplyAsync(() -> credential != null && tokens.principalForDigest(credential)
                .filter(p -> p.name().equals(name) && p.role() == role).isPresent(), blocking);
    }

    private static boolean holds(Session s, Optional<Principal> p) {
        return p.isPresent() && p.get().name().equals(s.moderatorName()) && p.get().role() == s.role();
    }

    /** Ends a staff session whose sign-in was revoked and closes its connection with 4003. Any thread. */
    public void revoke(Session s) {
        if (s.isExpired()) {
            return;
        }
        sessions.endAndClose(s, CloseCodes.BANNED, "Your staff access has ended");
        LOG.info("staff session ended: sign-in revoked account={} member={}", s.moderatorName(), s.memberId());
    }
}
