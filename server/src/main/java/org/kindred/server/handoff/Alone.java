package org.kindred.server.handoff;

import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.transport.Outbound;

/**
 * {@code mod.reach} on a node alone: the member is connected here or nowhere, and the
 * conversations are this node's memory ({@link OpenConversations}).
 */
final class Alone {
    private final HandOff hand;
    private final OpenConversations open;
    private final RoomRegistry rooms;
    private final SessionRegistry sessions;

    Alone(HandOff hand, OpenConversations open, RoomRegistry rooms, SessionRegistry sessions) {
        this.hand = hand;
        this.open = open;
        this.rooms = rooms;
        this.sessions = sessions;
    }

    /** {@code mod.reach} of {@code memberId} by {@code staff}; on the blocking executor. */
    void reach(Outbound c, Session staff, String memberId, ModRequest.Reach r) {
        Session member = sessions.byMember(memberId).filter(s -> !s.isExpired()).orElse(null);
        if (member == null) {
            c.send(Sentence.of("error.reach_gone").error(r.id(), ErrorCode.NOT_FOUND));
            return;
        }
        if (!HandOff.reachable(member, staff)) {
            c.send(Sentence.of("error.reach_members_only").error(r.id(), ErrorCode.FORBIDDEN));
            return;
        }
        Room room = rooms.openPrivate(Names.config(Names.roomId()));
        Conversation conv = new Conversation(room, staff, member, r.escalation());
        Conversation existing = open.byMember.putIfAbsent(memberId, conv);
        if (existing != null && !existing.isStaff(staff) && HandOff.sameAccountAs(existing.staffName, staff)) {
            hand.end(existing, "staff reopened"); // the same person from a new console (e.g. after a reload)
            existing = open.byMember.putIfAbsent(memberId, conv);
        }
        if (existing != null) {
            rooms.closePrivate(room.id());
            if (existing.isStaff(staff) && !existing.ended()) {
                open.invite(existing, existing.room.id()); // the console may have lost it: ask again, same room
                c.send(ServerMessage.Ok.room(r.id(), existing.id));
            } else {
                c.send(HandOff.taken(existing.staffName, r.id()));
            }
            return;
        }
        open.byRoom.put(conv.id, conv);
        hand.seatStaff(c, staff, conv, r, () -> {
            open.invite(conv, conv.id);
            c.send(ServerMessage.Ok.room(r.id(), conv.id));
            hand.opened(conv, staff, r);
        });
    }
}
