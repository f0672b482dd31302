package org.kindred.server.dispatch;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.Decoded;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.Limits;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.session.Principal;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.session.NewSessionLimiter;
import org.kindred.server.session.Features;
import org.kindred.server.session.SessionLimits;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;
import org.kindred.server.transport.Inbound;
import org.kindred.server.session.Sessions;

/**
 * Turns each decoded request into work for the session registry and the rooms. Runs on the
 * connection's event loop; anything that touches a room is handed to that room's thread.
 * Every request gets exactly one reply (typing: only on failure).
 */
public final class Dispatcher implements Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    /** The 1.1 additions this server supports, listed in {@code welcome.features} (PROTOCOL.md). */

    private final KindredConfig config;
    private final ProtocolCodec codec;
    private final SessionRegistry sessions;
    private final RoomRegistry rooms;
    private final RequestHandlers handlers;
    private final LongSupplier clock;
    private final SessionLimits limits;
    private final NewSessionLimiter newSessions;

    /** With the default {@link SessionLimits}. */
    public Dispatcher(KindredConfig config, ProtocolCodec codec, SessionRegistry sessions, RoomRegistry rooms,
            RequestHandlers handlers, LongSupplier clock) {
        this(config, codec, sessions, rooms, handlers, clock, SessionLimits.DEFAULTS);
    }

    /** {@code limits}: new sessions per network fingerprint and reports per member. */
    public Dispatcher(KindredConfig config, ProtocolCodec codec, SessionRegistry sessions, RoomRegistry rooms,
            RequestHandlers handlers, LongSupplier clock, SessionLimits limits) {
        this.limits = limits;
        this.newSessions = new NewSessionLimiter(limits);
        this.config = config;
        this.codec = codec;
        this.sessions = sessions;
        this.rooms = rooms;
        this.handlers = handlers;
        this.clock = clock;
    }

    /** One text frame from the client. */
    @Override
    public void onText(Connection c, String frame) {
        long now = clock.getAsLong();
        Decoded d = codec.decodeClient(frame);
        if (!d.isOk()) {
            protocolError(c, d.error(), now);
            return;
        }
        ClientMessage m = d.message();
        long wait = c.requestWait(now);
        if (wait > 0) {
            c.send(new ServerMessage.Error(m.id(), ErrorCode.RATE_LIMITED,
                    "You're sending requests too quickly. Please wait a moment.", wait));
            strike(c, now);
            return;
        }
        Session s = Sessions.of(c);
        if (m instanceof ClientMessage.Hello hello) {
            hello(c, hello, now);
            return;
        }
        if (s == null && m instanceof ClientMessage.Help help && c.helloSeen()) {
            // A person refused at hello (banned) still gets the crisis lines; before any hello,
            // PROTOCOL.md's hello_required applies (the web client then asks /api/crisis-lines).
            handlers.helpWithoutSession(c, help, c.helloRegion(), c.helloLocale());
            return;
        }
        if (s == null) {
            protocolError(c, ServerMessage.Error.of(m.id(), ErrorCode.HELLO_REQUIRED,
                    "Please start with a 'hello' message."), now);
            return;
        }
        if (m instanceof ClientMessage.ListRooms) {
            c.send(new ServerMessage.Rooms(m.id(), rooms.summaries()));
        } else if (m instanceof ClientMessage.Join join && handlers.isPrivateRoom(join.room())) {
            handlers.joinPrivate(c, s, join); // a staff member's invitation: no ban check, help comes first
        } else if (m instanceof ClientMessage.Leave leave && handlers.isPrivateRoom(leave.room())) {
            handlers.leavePrivate(c, s, leave);
        } else if (m instanceof ClientMessage.Join join) {
            Room room = room(c, join.id(), join.room());
            if (room != null && handlers.mayJoin(c, s, join.id())) {
                RoomReplies.join(room, s, join.nick(), c, join.id());
            }
        } else if (m instanceof ClientMessage.Leave leave) {
            Room room = room(c, leave.id(), leave.room());
            if (room != null) {
                RoomReplies.leave(room, s, c, leave.id());
            }
        } else if (m instanceof ClientMessage.Send send) {
            Room room = room(c, send.id(), send.room());
            if (room != null) {
                handlers.onSend(c, s, room, send, now);
            }
        } else if (m instanceof ClientMessage.Typing typing) {
            Room room = room(c, typing.id(), typing.room());
            if (room != null) {
                RoomReplies.typing(room, s, c, typing.id());
            }
        } else if (m instanceof ModRequest mod && !s.role().canModerate()) {
            c.send(ServerMessage.Error.of(mod.id(), ErrorCode.FORBIDDEN, "Only moderators can do that."));
        } else {
            handlers.onOther(c, s, m, now);
        }
    }

    private void hello(Connection c, ClientMessage.Hello hello, long now) {
        if (Sessions.of(c) != null || c.helloPending()) {
            c.send(ServerMessage.Error.of(hello.id(), ErrorCode.BAD_REQUEST,
                    "This connection has already said hello."));
            return;
        }
        if (hello.v() != ServerMessage.VERSION) {
            c.send(ServerMessage.Error.of(hello.id(), ErrorCode.UNSUPPORTED_VERSION,
                    "This server speaks protocol version " + ServerMessage.VERSION + "."));
            return;
        }
        String region = hello.region();
        if (region != null && !region.matches("[A-Za-z]{2}")) {
            c.send(ServerMessage.Error.of(hello.id(), ErrorCode.BAD_REQUEST,
                    "The region must be a two-letter country code such as GB or US."));
            return;
        }
        String locale = hello.locale();
        if (locale != null && !validLocale(locale)) {
            c.send(ServerMessage.Error.of(hello.id(), ErrorCode.BAD_REQUEST,
                    "The locale must be a language tag such as en-GB."));
            return;
        }
        c.helloHints(region, locale);
        if (hello.auth() != null) {
            c.helloPending(true);
            handlers.authenticate(hello.auth()).whenComplete((principal, err) -> c.writer().execute(() -> {
                c.helloPending(false);
                if (err != null || principal.isEmpty()) {
                    c.send(ServerMessage.Error.of(hello.id(), ErrorCode.UNAUTHORIZED,
                            "That sign-in has expired or is not valid. Please sign in again."));
                    return;
                }
                if (c.isOpen() && Sessions.of(c) == null) {
                    resume(c, hello, principal.get(), region, locale, now);
                }
            }));
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
        c.helloPending(true);
        handlers.stillStaff(staff).whenComplete((ok, err) -> c.writer().execute(() -> {
            c.helloPending(false);
            if (err != null || !Boolean.TRUE.equals(ok)) {
                handlers.revoked(staff);
                welcome(c, new ClientMessage.Hello(hello.id(), hello.v(), hello.locale(), hello.region(), null,
                        hello.auth()), principal, region, locale, now);
            } else if (c.isOpen() && Sessions.of(c) == null) {
                welcome(c, hello, principal, region, locale, now);
            }
        }));
    }

    private void welcome(Connection c, ClientMessage.Hello hello, Principal principal, String region, String locale,
            long now) {
        if (!c.isOpen() || Sessions.of(c) != null) {
            return;
        }
        Role role = principal == null ? Role.MEMBER : principal.role();
        String moderator = principal == null ? null : principal.name();
        SessionRegistry.Created claimed = hello.resume() == null ? null
                : sessions.claim(hello.resume(), c).orElse(null);
        boolean resumed = claimed != null;
        if (!resumed) {
            long wait = principal == null ? newSessions.tryTake(c.fingerprint(), now) : 0;
            if (wait > 0) {
                c.send(new ServerMessage.Error(hello.id(), ErrorCode.RATE_LIMITED,
                        "Too many new sessions from your network just now. Please wait a moment.", wait));
                return;
            }
            claimed = sessions.create(c, role, moderator,
                    principal == null ? null : handlers.credential(hello.auth()), locale,
                    region == null ? null : region.toUpperCase(Locale.ROOT), c.fingerprint(), now);
            claimed.session().reportLimit(limits.reportBurst(), limits.reportsPerMinute() / 60.0);
            LOG.debug("session created member={} conn={} role={}", claimed.session().memberId(), c.id(), role);
        }
        Session s = claimed.session();
        if (!handlers.admitted(c, s, hello.id())) {
            c.attach(null);
            sessions.end(s);
            return;
        }
        c.send(new ServerMessage.Welcome(hello.id(), ServerMessage.VERSION, claimed.token(),
                new org.kindred.protocol.MemberInfo(s.memberId(), null, s.role()),
                new Limits(config.maxText(), config.ratePerSec(), config.burst()), Features.ALL));
        if (resumed) {
            sessions.attach(s, c);
            for (String roomId : s.rooms()) {
                Room r = rooms.get(roomId);
                if (r != null) {
                    r.attached(s);
                }
            }
            handlers.resumed(c, s);
        }
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

    private Room room(Connection c, String reqId, String id) {
        Room room = rooms.get(id);
        if (room == null) {
            c.send(ServerMessage.Error.of(reqId, ErrorCode.NOT_FOUND, "There is no room with that name."));
        }
        return room;
    }

    private void protocolError(Connection c, ServerMessage.Error error, long now) {
        c.send(error);
        strike(c, now);
    }

    private void strike(Connection c, long now) {
        if (!c.strike(now)) {
            LOG.info("connection closed for repeated protocol errors conn={}", c.id());
            c.close(CloseCodes.POLICY, "Too many invalid messages");
        }
    }

    /** The connection closed. */
    @Override
    public void onClosed(Connection c) {
        handlers.closed(c);
        Session s = Sessions.of(c);
        sessions.detach(c);
        if (s != null && s.isDetached()) {
            for (String roomId : s.rooms()) {
                Room r = rooms.get(roomId);
                if (r != null) {
                    r.detached(s); // its seat stops counting against the room's capacity
                }
            }
        }
    }
}
