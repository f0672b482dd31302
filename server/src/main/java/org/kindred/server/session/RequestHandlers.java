package org.kindred.server.session;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.kindred.server.moderator.Principal;
import org.kindred.protocol.ClientMessage;
import org.kindred.server.room.Room;

/**
 * The services behind requests that go beyond the room basics: the moderation pipeline for
 * {@code send}, authentication, bans, reports, crisis help and moderator actions. Called on the
 * connection's event loop; implementations hand room work to the room's thread and must send
 * exactly one reply per request.
 */
public interface RequestHandlers {

    /** A {@code send} to an existing room by a session that said hello. */
    void onSend(Connection c, Session s, Room room, ClientMessage.Send send, long now);

    /** {@code report}, {@code help}, and {@code mod.*} requests from moderators. */
    void onOther(Connection c, Session s, ClientMessage message, long now);

    /** The moderator behind a login token, if it is valid; may complete on another thread. */
    CompletionStage<Optional<Principal>> authenticate(String token);

    /**
     * Called after {@code hello} created or resumed the session and before {@code welcome};
     * returns false after replying (e.g. {@code banned}) when the session may not continue.
     */
    boolean admitted(Connection c, Session s, String reqId);

    /** Called before {@code join}; returns false after replying when the session may not join. */
    boolean mayJoin(Connection c, Session s, String reqId);

    /** The connection closed. */
    void closed(Connection c);
}
