package org.kindred.server.dispatch;

import java.util.function.LongSupplier;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.CloseCodes;
import org.kindred.protocol.Decoded;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.crisis.CrisisSupport;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.ModeratorRequests;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;
import org.kindred.server.transport.Inbound;
import org.kindred.server.session.Sessions;

/**
 * Decodes each text frame, applies the connection's request rate, answers {@code hello} and
 * hands every other request of a session to its {@link Routes route}. Runs on the connection's
 * event loop; anything that touches a room is handed to that room's thread. Every request gets
 * exactly one reply (typing: only on failure).
 */
public final class Dispatcher implements Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final ProtocolCodec codec;
    private final SessionRegistry sessions;
    private final RoomRegistry rooms;
    private final HelloHandler greeter;
    private final Routes routes;
    private final CrisisSupport crisis;
    private final ModeratorRequests moderators;
    private final LongSupplier clock;

    /**
     * @param sessions   every session, attached or resumable
     * @param rooms      the configured rooms
     * @param greeter    answers {@code hello}
     * @param routes     the handler of every other request type
     * @param crisis     answers {@code help} on a connection without a session with the crisis lines
     * @param moderators told when a connection closes (it stops watching rooms)
     * @param clock      epoch ms
     */
    public Dispatcher(ProtocolCodec codec, SessionRegistry sessions, RoomRegistry rooms, HelloHandler greeter,
            Routes routes, CrisisSupport crisis, ModeratorRequests moderators, LongSupplier clock) {
        this.codec = codec;
        this.sessions = sessions;
        this.rooms = rooms;
        this.greeter = greeter;
        this.routes = routes;
        this.crisis = crisis;
        this.moderators = moderators;
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
            c.send(Sentence.of("error.rate_limited").error(m.id(), ErrorCode.RATE_LIMITED, wait));
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
            crisis.helpWithoutSession(c, help.id(), c.helloRegion(), c.helloLocale());
            return;
        }
        if (s == null) {
            protocolError(c, Sentence.of("error.hello_required").error(m.id(), ErrorCode.HELLO_REQUIRED), now);
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
        moderators.closed(c);
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
