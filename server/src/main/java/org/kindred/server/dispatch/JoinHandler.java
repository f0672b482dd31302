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
    private final PrivateRooms privateRooms;
    private final BanCheck bans;

    JoinHandler(RoomLookup rooms, PrivateRooms privateRooms, BanCheck bans) {
        this.rooms = rooms;
        this.privateRooms = privateRooms;
        this.bans = bans;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.Join join, long now) {
        if (privateRooms.handles(join.room())) {
            privateRooms.join(c, s, join);
            return;
        }
        Room room = rooms.find(c, join.id(), join.room());
        if (room != null && bans.admits(c, s, join.id())) {
            RoomReplies.join(room, s, join.nick(), c, join.id());
        }
    }
}
