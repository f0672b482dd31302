package org.kindred.server.dispatch;

import org.kindred.server.transport.Outbound;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.kindred.server.session.Principal;
import org.kindred.protocol.ClientMessage;
import org.kindred.server.session.Session;

/**
 * What the request layer asks of the services around a session's life: staff sign-in and its
 * revocation, bans at {@code hello} and {@code join}, check-ins due on resume, the private rooms
 * of the warm hand-off, and crisis lines for a connection without a session. Called on the
 * connection's event loop; must not block, and must send exactly one reply where a method says so.
 */
public interface SessionHooks {

    /**
     * {@code help} on a connection with no session (before {@code hello}, or after one refused
     * {@code banned}): must reply with the crisis lines for {@code region}/{@code locale} (either
     * may be {@code null}), never with an error.
     */
    void helpWithoutSession(Outbound c, ClientMessage.Help help, String region, String locale);

    /** The moderator behind a login token, if it is valid; may complete on another thread. */
    CompletionStage<Optional<Principal>> authenticate(String token);

    /**
     * The digest of a login token that a staff session keeps (never the token itself), so the
     * server can tell later whether that sign-in was revoked.
     */
    String credential(String loginToken);

    /**
     * Whether a staff session's sign-in still holds: its account is enabled with the same role
     * and its login token is neither expired nor revoked. May complete on another thread.
     */
    CompletionStage<Boolean> stillStaff(Session s);

    /**
     * A staff session whose sign-in no longer holds: ends it and closes its connection, if any,
     * with 4003. Any thread.
     */
    void revoked(Session s);

    /**
     * Called after {@code hello} created or resumed the session and before {@code welcome};
     * returns false after replying (e.g. {@code banned}) when the session may not continue.
     */
    boolean admitted(Outbound c, Session s, String reqId);

    /** Called before {@code join}; returns false after replying when the session may not join. */
    boolean mayJoin(Outbound c, Session s, String reqId);

    /**
     * A session resumed on connection {@code c}, after {@code welcome} and the replay of what it
     * missed (e.g. to send check-ins that came due while it was away). Default: nothing.
     */
    default void resumed(Outbound c, Session s) {
    }

    /** The connection closed. */
    void closed(Outbound c);

    /**
     * True when {@code join} and {@code leave} of {@code room} go to {@link #joinPrivate} and
     * {@link #leavePrivate} instead of the room itself (the private rooms of protocol 1.1).
     */
    default boolean isPrivateRoom(String room) {
        return false;
    }

    /** {@code join} of a private room; must send exactly one reply. */
    default void joinPrivate(Outbound c, Session s, ClientMessage.Join join) {
        throw new UnsupportedOperationException("no private rooms");
    }

    /** {@code leave} of a private room; must send exactly one reply. */
    default void leavePrivate(Outbound c, Session s, ClientMessage.Leave leave) {
        throw new UnsupportedOperationException("no private rooms");
    }
}
