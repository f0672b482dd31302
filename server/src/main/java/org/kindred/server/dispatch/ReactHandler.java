package org.kindred.server.dispatch;

import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Connection;

/**
 * {@code react} (protocol 1.1): within the member's reaction allowance
 * ({@link org.kindred.server.session.Allowances}, {@code rate_limited}
 * with {@code retryAfterMs} otherwise), to an existing room ({@code not_found}), the room
 * decides ({@code not_in_room}, {@code not_found} for a message no longer in its history) and
 * the reply is {@code ok}, sent before the room's {@code reaction} event.
 */
final class ReactHandler implements RequestHandler<ClientMessage.React> {
    private final RoomLookup rooms;

    ReactHandler(RoomLookup rooms) {
        this.rooms = rooms;
    }

    @Override
    public void handle(Connection c, Session s, ClientMessage.React react, long now) {
        long wait = s.allowances().reactionWait(now); // the member's, carried by a resume on any node
        if (wait > 0) {
            c.send(Sentence.of("error.react_rate").error(react.id(), ErrorCode.RATE_LIMITED, wait));
            return;
        }
        Room room = rooms.find(c, react.id(), react.room());
        if (room != null) {
            room.reactions().react(s, react.msg(), react.kind(), react.removing(), refusal -> c.send(
                    refusal == null ? ServerMessage.Ok.of(react.id()) : refusal.toError(react.id())));
        }
    }
}
