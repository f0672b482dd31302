package org.kindred.server.room;

import java.util.List;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.RoomMode;
import org.kindred.protocol.ServerMessage;

/**
 * What a member who just joined gets to see: its own info, everyone in the room (itself
 * included, in join order), the recent history, the guidelines and the room's modes.
 */
public record Joining(String room, MemberInfo you, List<MemberInfo> members, List<ServerMessage.Message> history,
        String guidelines, RoomMode mode) {

    /** The {@code joined} reply to request {@code reqId}. */
    public ServerMessage.Joined toReply(String reqId) {
        return new ServerMessage.Joined(reqId, room, you, members, history, guidelines, mode);
    }
}
