package org.kindred.server.dispatch;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.Limits;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.StaffRevocations;
import org.kindred.server.moderator.TokenService;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.CheckIns;
import org.kindred.server.session.Features;
import org.kindred.server.session.NewSessionLimiter;
import org.kindred.server.session.NewSessions;
import org.kindred.server.session.Principal;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.session.Sessions;
import org.kindred.server.transport.Connection;

/**
 * {@code hello}: checks the version, region and locale, signs staff in (off the event loop),
 * then resumes the session the client names or creates one, and replies {@code welcome}. A
 * staff session is resumed only while its sign-in still holds. Runs on the connection's event
 * loop; continuations come back to it.
 */
public final class HelloHandler {
    private final KindredConfig config;
    private final SessionRegistry sessions;
    private final RoomRegistry rooms;
    private final TokenService tokens;
    private final StaffRevocations revocations;
    private final Executor blocking;
    private final BanCheck bans;
    private final CheckIns checkIns;
    private final ClusterWelcome cluster;
    private final NewSessionWelcome fresh;

    /**
     * @param config      the limits announced in {@code welcome}
     * @param tokens      signs staff in with the {@code auth} token (on {@code blocking})
     * @param revocations whether a staff session's sign-in still holds when it is resumed
     * @param blocking    the executor for store work
     * @param bans        refuses a banned member {@code banned}
     * @param checkIns    sends check-ins that came due while a session was away, or null
     * @param limits      new sessions per network fingerprint and reports per member
     */
    public HelloHandler(KindredConfig config, SessionRegistry sessions, RoomRegistry rooms, TokenService tokens,
            StaffRevocations revocations, Executor blocking, BanCheck bans, CheckIns checkIns, SessionLimits limits) {
        this(config, sessions, rooms, tokens, revocations, blocking, bans, checkIns, limits,
                new NewSessionLimiter(limits));
    }

    /**
     * As above, with the new-session allowances {@code newSessions} (shared by the nodes in a
     * cluster; the answer may come from another thread, the {@code hello} goes on on its loop).
     */
    public HelloHandler(KindredConfig config, SessionRegistry sessions, RoomRegistry rooms, TokenService tokens,
            StaffRevocations revocations, Executor blocking, BanCheck bans, CheckIns checkIns, SessionLimits limits,
            NewSessions newSessions) {
        this.config = config;
        this.sessions = sessions;
        this.rooms = rooms;
        this.tokens = tokens;
        this.revocations = revocations;
        this.blocking = blocking;
        this.bans = bans;
        this.checkIns = checkIns;
        this.cluster = new ClusterWelcome(new ClusterResume(sessions, rooms), revocations, bans, checkIns, limits,
                this::limits);
        this.fresh = new NewSessionWelcome(sessions, bans, newSessions, limits, this::welcome);
    }

    void hello(Connection c, ClientMessage.Hello hello, long now) {
        if (Sessions.of(c) != null || c.helloPending()) {
            c.send(Sentence.of("error.hello_again").error(hello.id(), ErrorCode.BAD_REQUEST));
            return;
        }
        if (hello.v() != ServerMessage.VERSION) {
            c.send(Sentence.of("error.version", "version", ServerMessage.VERSION)
                    .error(hello.id(), ErrorCode.UNSUPPORTED_VERSION));
            return;
        }
        String region = hello.region();
        if (region != null && !region.matches("[A-Za-z]{2}")) {
            c.send(Sentence.of("error.region").error(hello.id(), ErrorCode.BAD_REQUEST));
            return;
        }
        String locale = hello.locale();
        if (locale != null && !validLocale(locale)) {
            c.send(Sentence.of("error.locale").error(hello.id(), ErrorCode.BAD_REQUEST));
            return;
        }
        c.helloHints(region, locale);
        if (hello.auth() != null) {
            onLoopAfter(c, CompletableFuture.supplyAsync(() -> tokens.authenticate(hello.auth()), blocking),
                    (principal, err) -> {
                        if (err != null || principal.isEmpty()) {
                            c.send(Sentence.of("error.unauthorized").error(hello.id(), ErrorCode.UNAUTHORIZED));
                            return;
                        }
                        if (c.isOpen() && Sessions.of(c) == null) {
                            resume(c, hello, principal.get(), region, locale, now);
                        }
                    });
            return;
        }
        resume(c, hello, null, region, locale, now);
    }

    /**
     * A staff session may be resumed only while its sign-in still holds: that is checked
     * (off the event loop) before the session is claimed; a revoked one is ended and the
     * {@code hello} goes on as a new session without staff rights.
     */
    private void resume(Connection c, ClientMessage.Hello hello, Principal principal, String region, String locale,
            long now) {
        Session staff = sessions.peek(hello.resume()).filter(s -> s.role().canModerate()).orElse(null);
        if (staff == null) {
            welcome(c, hello, principal, region, locale, now);
            return;
        }
        onLoopAfter(c, revocations.stillStaffAsync(staff), (ok, err) -> {
            if (err != null || !Boolean.TRUE.equals(ok)) {
                revocations.revoke(staff);
                welcome(c, withoutResume(hello), principal, region, locale, now);
            } else if (c.isOpen() && Sessions.of(c) == null) {
                welcome(c, hello, principal, region, locale, now);
            }
        });
    }

    /**
     * Holds any further {@code hello} on {@code c} until {@code step} completes, then runs
     * {@code then} with its value or failure on the connection's event loop.
     */
    static <T> void onLoopAfter(Connection c, CompletionStage<T> step, BiConsumer<T, Throwable> then) {
        c.helloPending(true);
        step.whenComplete((value, err) -> c.writer().execute(() -> {
            c.helloPending(false);
            then.accept(value, err);
        }));
    }

    /**
     * In a cluster a resume token is first looked for among the nodes ({@link ClusterWelcome}); a
     * session recorded by another node is adopted there, and the {@code hello} comes back here
     * only to be welcomed on this node.
     */
    private void welcome(Connection c, ClientMessage.Hello hello, Principal principal, String region, String locale,
            long now) {
        if (hello.resume() == null || !cluster.active()) {
            welcomeHere(c, hello, principal, region, locale, now);
            return;
        }
        cluster.welcome(c, hello, h -> welcomeHere(c, h, principal, region, locale, now));
    }

    /** {@code hello} with no {@code resume}: it then makes a new session. */
    static ClientMessage.Hello withoutResume(ClientMessage.Hello hello) {
        return new ClientMessage.Hello(hello.id(), hello.v(), hello.locale(), hello.region(), null, hello.auth());
    }

    /**
     * A resumed session speaks the language of the resuming {@code hello} when it names one, from
     * now on (errors, notices, the crisis card); without one, it and the connection keep the
     * session's language.
     */
    static void speak(Connection c, Session s, ClientMessage.Hello hello) {
        if (hello.locale() != null) {
            s.locale(hello.locale());
        } else {
            c.helloHints(hello.region(), s.locale());
        }
    }

    private Limits limits() {
        return new Limits(config.maxText(), config.ratePerSec(), config.burst());
    }

    /** Resumes the session {@code hello} names, or makes a new one ({@link NewSessionWelcome}). */
    private void welcomeHere(Connection c, ClientMessage.Hello hello, Principal principal, String region,
            String locale, long now) {
        if (!c.isOpen() || Sessions.of(c) != null) {
            return;
        }
        SessionRegistry.Created claimed = hello.resume() == null ? null
                : sessions.claim(hello.resume(), c).orElse(null);
        if (claimed != null) {
            resumed(c, hello, claimed);
            return;
        }
        fresh.welcome(c, hello, principal, region, locale, now);
    }

    /** Replies {@code welcome} for {@code claimed}, a resumed session, unless a ban refuses it. */
    private void resumed(Connection c, ClientMessage.Hello hello, SessionRegistry.Created claimed) {
        Session s = claimed.session();
        if (!bans.admits(c, s, hello.id())) {
            c.attach(null);
            sessions.end(s);
            return;
        }
        if (!sessions.attach(s, c, () -> {
            c.send(welcome(hello, claimed));
            speak(c, s, hello);
        })) { // a ban's sweep ended it after the check: it covers it
            c.attach(null);
            refusedAfterCheck(c, hello.id(), bans.admits(c, s, hello.id()));
            return;
        }
        for (String roomId : s.rooms()) {
            Room r = rooms.get(roomId);
            if (r != null) {
                r.attached(s);
            }
        }
        if (checkIns != null) {
            checkIns.resumed(s);
        }
    }

    /**
     * Answers {@code hello} {@code reqId} whose session ended between its ban check and getting its
     * connection, given {@code admittedNow}, the ban check asked once more (which, refusing, has
     * replied {@code banned}): nothing more when refused, else an internal error (the ban was lifted
     * again meanwhile; the client may retry).
     */
    static void refusedAfterCheck(Connection c, String reqId, boolean admittedNow) {
        if (admittedNow) {
            c.send(Sentence.of("error.internal").error(reqId, ErrorCode.INTERNAL));
        }
    }

    /** The {@code welcome} that answers {@code hello} with the session {@code claimed} (new or resumed). */
    ServerMessage.Welcome welcome(ClientMessage.Hello hello, SessionRegistry.Created claimed) {
        Session s = claimed.session();
        return new ServerMessage.Welcome(hello.id(), ServerMessage.VERSION, claimed.token(),
                new org.kindred.protocol.MemberInfo(s.memberId(), null, s.role()),
                limits(), cluster.active() ? Features.CLUSTER : Features.ALL);
    }

    private static boolean validLocale(String tag) {
        if (tag.length() > 35) {
            return false;
        }
        try {
            return !new Locale.Builder().setLanguageTag(tag).build().getLanguage().isEmpty();
        } catch (IllformedLocaleException e) {
            return false;
        }
    }
}
