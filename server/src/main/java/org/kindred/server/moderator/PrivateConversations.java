package org.kindred.server.moderator;

import org.kindred.protocol.ModRequest;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Outbound;

/**
 * The warm hand-off as moderator requests see it ({@code mod.reach}, {@code mod.close}); the
 * {@code handoff} package implements it, so moderators' requests need not know how private
 * rooms are kept. Called on event loops; each request gets exactly one reply on {@code c}.
 */
public interface PrivateConversations {

    /** True when {@code room} names a private conversation (open or ended). */
    boolean handles(String room);

    /** {@code mod.reach} from a staff session: opens (or reopens) a private room with one member. */
    void reach(Outbound c, Session staff, ModRequest.Reach r);

    /** {@code mod.close} from a staff session: ends its private conversation. */
    void close(Outbound c, Session staff, ModRequest.Close m);
}
