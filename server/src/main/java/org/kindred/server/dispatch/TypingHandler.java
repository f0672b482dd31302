package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/** {@code typing}: the others in the room are told; only a refusal is answered. */
final class TypingHandler implements RequestHandler<ClientMessage.Typing> {
    private final RoomLookup rooms;

    TypingHandler(RoomLookup rooms) {
        this.rooms = rooms;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.Typing typing, long now) {
        Room room = rooms.find(c, typing.id(), typing.room());
        if (room != null) {
            RoomReplies.typing(room, s, c, typing.id());
        }
    }
}
