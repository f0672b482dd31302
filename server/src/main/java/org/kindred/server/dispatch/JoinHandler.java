package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/**
 * {@code join}: a private room's invitation goes to the hand-off (no ban check: help comes
 * first); otherwise the room must exist and the session not be banned, then the room decides.
 */
final class JoinHandler implements RequestHandler<ClientMessage.Join> {
    private final RoomLookup rooms;
    private final SessionHooks services;

    JoinHandler(RoomLookup rooms, SessionHooks services) {
        this.rooms = rooms;
        this.services = services;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.Join join, long now) {
        if (services.isPrivateRoom(join.room())) {
            services.joinPrivate(c, s, join);
            return;
        }
        Room room = rooms.find(c, join.id(), join.room());
        if (room != null && services.mayJoin(c, s, join.id())) {
            RoomReplies.join(room, s, join.nick(), c, join.id());
        }
    }
}
