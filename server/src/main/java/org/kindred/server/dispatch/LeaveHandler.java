package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/** {@code leave}: of a private room through the hand-off, else of the room named. */
final class LeaveHandler implements RequestHandler<ClientMessage.Leave> {
    private final RoomLookup rooms;
    private final PrivateRooms privateRooms;

    LeaveHandler(RoomLookup rooms, PrivateRooms privateRooms) {
        this.rooms = rooms;
        this.privateRooms = privateRooms;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.Leave leave, long now) {
        if (privateRooms.handles(leave.room())) {
            privateRooms.leave(c, s, leave);
            return;
        }
        Room room = rooms.find(c, leave.id(), leave.room());
        if (room != null) {
            RoomReplies.leave(room, s, c, leave.id());
        }
    }
}
