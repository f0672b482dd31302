package org.kindred.server.dispatch;

import java.util.function.LongSupplier;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.Decoded;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.config.KindredConfig;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kindred.server.session.SessionRegistry;
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

    private final ProtocolCodec codec;
    private final SessionRegistry sessions;
    private final RoomRegistry rooms;
    private final RequestHandlers handlers;
    private final LongSupplier clock;
    private final HelloHandler greeter;
    private final Routes routes;

    /** With the default {@link SessionLimits}. */
    public Dispatcher(KindredConfig config, ProtocolCodec codec, SessionRegistry sessions, RoomRegistry rooms,
            RequestHandlers handlers, LongSupplier clock) {
        this(config, codec, sessions, rooms, handlers, clock, SessionLimits.DEFAULTS);
    }

    /** {@code limits}: new sessions per network fingerprint and reports per member. */
    public Dispatcher(KindredConfig config, ProtocolCodec codec, SessionRegistry sessions, RoomRegistry rooms,
            RequestHandlers handlers, LongSupplier clock, SessionLimits limits) {
        this.codec = codec;
        this.sessions = sessions;
        this.rooms = rooms;
        this.handlers = handlers;
        this.clock = clock;
        this.greeter = new HelloHandler(config, sessions, rooms, handlers, limits);
        RoomLookup lookup = new RoomLookup(rooms);
        this.routes = new Routes((c, s, m, now) -> handlers.onOther(c, s, m, now))
                .on(ClientMessage.ListRooms.class, (c, s, m, now) -> c.send(new ServerMessage.Rooms(m.id(),
                        rooms.summaries())))
                .on(ClientMessage.Join.class, new JoinHandler(lookup, handlers))
                .on(ClientMessage.Leave.class, new LeaveHandler(lookup, handlers))
                .on(ClientMessage.Send.class, new SendHandler(lookup, handlers))
                .on(ClientMessage.Typing.class, new TypingHandler(lookup))
                .on(ClientMessage.React.class, new ReactHandler(lookup))
                .on(ModRequest.class, (c, s, m, now) -> {
                    if (s.role().canModerate()) {
                        handlers.onOther(c, s, m, now);
                    } else {
                        c.send(ServerMessage.Error.of(m.id(), ErrorCode.FORBIDDEN, "Only moderators can do that."));
                    }
                });
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
            greeter.hello(c, hello, now);
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
        routes.route(c, s, m, now);
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
