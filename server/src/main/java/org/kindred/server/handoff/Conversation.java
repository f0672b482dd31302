package org.kindred.server.handoff;

import org.kindred.server.room.Room;
import org.kindred.server.session.Session;

/**
 * One private conversation of a warm hand-off: its room, the staff member who opened it, the
 * member invited, and the escalation it answers (or null). It ends once; {@link #end()} says
 * which caller ended it.
 */
final class Conversation {
    final String id;
    final Room room;
    final Session staff;
    final Session member;
    final String escalation;
    private boolean ended;

    Conversation(Room room, Session staff, Session member, String escalation) {
        this.id = room.id();
        this.room = room;
        this.staff = staff;
        this.member = member;
        this.escalation = escalation;
    }

    /** True when {@code s} is one of the two people of this conversation. */
    boolean involves(Session s) {
        return isStaff(s) || isMember(s);
    }

    boolean isStaff(Session s) {
        return staff.memberId().equals(s.memberId());
    }

    boolean isMember(Session s) {
        return member.memberId().equals(s.memberId());
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
