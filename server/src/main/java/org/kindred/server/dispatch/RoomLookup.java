package org.kindred.server.dispatch;

import org.kindred.server.room.Refusal;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.transport.Outbound;

/** Finds the room a request names, or replies {@code not_found} for it. */
final class RoomLookup {
    private final RoomRegistry rooms;

    RoomLookup(RoomRegistry rooms) {
        this.rooms = rooms;
    }

    /** The room {@code id}, or null after replying {@code not_found} to request {@code reqId}. */
    Room find(Outbound c, String reqId, String id) {
        Room room = rooms.get(id);
        if (room == null) {
            c.send(Refusal.NO_SUCH_ROOM.toError(reqId));
        }
        return room;
    }

    /** True when {@code id} names a configured room (false for null). */
    boolean exists(String id) {
        return id != null && rooms.get(id) != null;
    }
}
