package org.kindred.server.dispatch;

import java.util.List;
import org.kindred.protocol.SendStatus;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.room.Joining;
import org.kindred.server.room.Result;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;
import org.kindred.server.transport.Outbound;

/**
 * The request layer's side of the room requests: asks the room, and writes the one reply its
 * {@link Result} calls for. The room hands over its result on its own thread before the events
 * the request causes are delivered, so a member's reply always comes before them.
 */
public final class RoomReplies {
    private RoomReplies() {
    }

    /** {@code join}: replies {@code joined} or the room's error. */
    public static void join(Room room, Session s, String nick, Outbound c, String reqId) {
        room.join(s, nick, r -> c.send(joinReply(r, reqId)));
    }

    /** The reply to a {@code join} that got {@code r}. */
    public static ServerMessage joinReply(Result<Joining> r, String reqId) {
        return r.isOk() ? r.value().toReply(reqId) : r.refusal().toError(reqId);
    }

    /** {@code leave}: replies {@code ok} or {@code not_in_room}. */
    public static void leave(Room room, Session s, Outbound c, String reqId) {
        room.leave(s, r -> c.send(r.isOk() ? ServerMessage.Ok.of(reqId) : r.refusal().toError(reqId)));
    }

    /**
     * Posts a message that passed moderation with {@code status} ({@code delivered} or
     * {@code masked}): replies {@code sent}, then {@code notices}, before the room gets the
     * message; or the room's error. A retry of {@code reqId} with the same text gets the first
     * one's {@code sent} and is not delivered again.
     */
    public static void post(Room room, Session s, Outbound c, String reqId, String text, SendStatus status,
            List<ServerMessage.Notice> notices) {
        room.post(s, reqId, text, r -> {
            if (!r.isOk()) {
                c.send(r.refusal().toError(reqId));
                return;
            }
            c.send(new ServerMessage.Sent(reqId, room.id(), r.value(), status, text));
            for (ServerMessage.Notice n : notices) {
                c.send(n);
            }
        });
    }

    /** {@code typing}: no reply unless refused. */
    public static void typing(Room room, Session s, Outbound c, String reqId) {
        room.typing(s, refusal -> c.send(refusal.toError(reqId)));
    }
}
