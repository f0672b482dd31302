package org.kindred.server.dispatch;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.session.NewSessions;
import org.kindred.server.session.Principal;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.session.Sessions;
import org.kindred.server.transport.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code hello} that makes a new session (no {@code resume}, or one that found nothing). A
 * member's is checked against the bans before anything is registered, so a refused connection is
 * never among the sessions: a ban's sweep over them cannot close it 4003 in place of the refusal,
 * which leaves it open for a later {@code hello}. Then the network's new-session allowance is taken
 * (not for staff), and the session is registered without its connection, checked once more (a ban
 * that came in since the first check is caught either by its sweep, which then finds the session,
 * or by this check), and only then given the connection; a sweep in between ends the session and
 * closes nothing, and the refusal is the reply. Runs on the connection's event loop.
 */
final class NewSessionWelcome {
    /** Logged under the handler's name: the events are the {@code hello}'s. */
    private static final Logger LOG = LoggerFactory.getLogger(HelloHandler.class);

    private final SessionRegistry sessions;
    private final BanCheck bans;
    private final NewSessions newSessions;
    private final SessionLimits limits;
    private final BiFunction<ClientMessage.Hello, SessionRegistry.Created, ServerMessage.Welcome> welcome;

    /**
     * @param bans        refuses a banned member {@code banned}
     * @param newSessions the new-session allowances of the networks (may answer from another thread)
     * @param limits      the reports-per-member allowance of a new session
     * @param welcome     the {@code welcome} that answers a {@code hello} with its new session
     */
    NewSessionWelcome(SessionRegistry sessions, BanCheck bans, NewSessions newSessions, SessionLimits limits,
            BiFunction<ClientMessage.Hello, SessionRegistry.Created, ServerMessage.Welcome> welcome) {
        this.sessions = sessions;
        this.bans = bans;
        this.newSessions = newSessions;
        this.limits = limits;
        this.welcome = welcome;
    }

    /**
     * Makes the session of {@code hello} on {@code c} for {@code principal} (null: a member) and
     * replies {@code welcome}, or the refusal: {@code banned}, {@code rate_limited} (the network's
     * allowance), {@code internal} (a ban's sweep ended it and the ban was lifted again at once).
     */
    void welcome(Connection c, ClientMessage.Hello hello, Principal principal, String region, String locale,
            long now) {
        Role role = principal == null ? Role.MEMBER : principal.role();
        if (!bans.admits(c, role, null, c.fingerprint(), hello.id())) {
            return; // refused before anything was registered or taken from the network's allowance
        }
        if (principal != null) {
            created(c, hello, principal, region, locale, now, 0);
            return;
        }
        CompletableFuture<Long> take = newSessions.take(c.fingerprint(), now).toCompletableFuture();
        if (take.isDone() && !take.isCompletedExceptionally()) {
            created(c, hello, null, region, locale, now, take.join());
        } else { // shared by the nodes: the answer comes back to the loop
            HelloHandler.onLoopAfter(c, take, (wait, err) -> created(c, hello, null, region, locale, now,
                    err == null ? wait : 0)); // NewSessions.orElse never fails: a failure is no refusal
        }
    }

    /** The session, if the network's allowance ({@code wait} ms, 0: taken) lets it be. */
    private void created(Connection c, ClientMessage.Hello hello, Principal principal, String region, String locale,
            long now, long wait) {
        if (!c.isOpen() || Sessions.of(c) != null) {
            return;
        }
        if (wait > 0) {
            c.send(Sentence.of("error.new_sessions").error(hello.id(), ErrorCode.RATE_LIMITED, wait));
            return;
        }
        Role role = principal == null ? Role.MEMBER : principal.role();
        SessionRegistry.Created claimed = sessions.register(role, principal == null ? null : principal.name(),
                principal == null ? null : TokenService.digest(hello.auth()), locale,
                region == null ? null : region.toUpperCase(Locale.ROOT), c.fingerprint(), now);
        Session s = claimed.session();
        s.reportLimit(limits.reportBurst(), limits.reportsPerMinute() / 60.0);
        if (!bans.admits(c, s, hello.id())) {
            sessions.end(s);
            return;
        }
        if (!sessions.attachNew(s, c)) { // a ban's sweep ended it after the check: it covers it
            HelloHandler.refusedAfterCheck(c, hello.id(), bans.admits(c, s, hello.id()));
            return;
        }
        LOG.debug("session created member={} conn={} role={}", s.memberId(), c.id(), role);
        c.send(welcome.apply(hello, claimed));
    }
}
