package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/** {@code send}: to an existing room, through the send flow (room policy, moderation, risk, room). */
final class SendHandler implements RequestHandler<ClientMessage.Send> {
    private final RoomLookup rooms;
    private final SendFlow flow;

    SendHandler(RoomLookup rooms, SendFlow flow) {
        this.rooms = rooms;
        this.flow = flow;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.Send send, long now) {
        Room room = rooms.find(c, send.id(), send.room());
        if (room != null) {
            flow.onSend(c, s, room, send, now);
        }
    }
}
