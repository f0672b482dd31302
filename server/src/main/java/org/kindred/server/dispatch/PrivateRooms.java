package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Outbound;

/**
 * The private rooms of protocol 1.1 (the warm hand-off) as {@code join} and {@code leave} see
 * them: a room they name goes here instead of to the room registry. The {@code handoff} package
 * implements it. Called on the connection's event loop; must not block.
 */
public interface PrivateRooms {

    /** No private rooms: every room is a configured one. */
    PrivateRooms NONE = new PrivateRooms() {
        @Override
        public boolean handles(String room) {
            return false;
        }

        @Override
        public void join(Outbound c, Session s, ClientMessage.Join join) {
            throw new IllegalStateException("no private rooms");
        }

        @Override
        public void leave(Outbound c, Session s, ClientMessage.Leave leave) {
            throw new IllegalStateException("no private rooms");
        }
    };

    /** True when {@code room} names a private room (open or ended). */
    boolean handles(String room);

    /** {@code join} of a private room: exactly one reply on {@code c}. */
    void join(Outbound c, Session s, ClientMessage.Join join);

    /** {@code leave} of a private room: exactly one reply on {@code c}. */
    void leave(Outbound c, Session s, ClientMessage.Leave leave);
}
