package org.kindred.server.handoff;

import org.kindred.protocol.Role;
import org.kindred.server.room.Room;
import org.kindred.server.session.Session;

/**
 * One private conversation of a warm hand-off as this node holds it: its room, who the staff
 * member and the member are (by id), the escalation it answers (or null), and the sessions of the
 * two that are connected to this node (on one node both; across nodes, the staff member's node
 * holds one side and the member's node the other, each with the room open). It ends once here;
 * {@link #end()} says which caller ended it.
 */
final class Conversation {
    final String id;
    final Room room;
    final String staffId;
    final String staffName;
    final String staffNick;
    final Role staffRole;
    final String memberId;
    final String escalation;
    /** The staff member's session when connected to this node, else null. */
    volatile Session staff;
    /** The member's session when connected to this node, else null. */
    volatile Session member;
    /** The member joined (already audited). */
    volatile boolean accepted;
    private boolean ended;

    /** Both sides on this node. */
    Conversation(Room room, Session staff, Session member, String escalation) {
        this(room, staff.memberId(), staff.moderatorName(), Names.staffNick(staff), staff.role(), member.memberId(),
                escalation);
        this.staff = staff;
        this.member = member;
    }

    /** Neither side attached yet (the caller sets the side this node holds). */
    Conversation(Room room, String staffId, String staffName, String staffNick, Role staffRole, String memberId,
            String escalation) {
        this.id = room.id();
        this.room = room;
        this.staffId = staffId;
        this.staffName = staffName;
        this.staffNick = staffNick;
        this.staffRole = staffRole;
        this.memberId = memberId;
        this.escalation = escalation;
    }

    /** True when {@code s} is one of the two people of this conversation. */
    boolean involves(Session s) {
        return isStaff(s) || isMember(s);
    }

    boolean isStaff(Session s) {
        return staffId.equals(s.memberId());
    }

    boolean isMember(Session s) {
        return memberId.equals(s.memberId());
    }

    /** True for the first caller only: that caller carries out the ending. */
    synchronized boolean end() {
        if (ended) {
            return false;
        }
        ended = true;
        return true;
    }

    synchronized boolean ended() {
        return ended;
    }
}
