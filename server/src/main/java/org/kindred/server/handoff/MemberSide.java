package org.kindred.server.handoff;

import java.util.Optional;
import org.kindred.protocol.Role;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a node does with the hand-off's events ({@code REACH*} staff changes, and {@code RESUMED}):
 * as the member's node it invites the member and takes the member's side of the conversation
 * (also for a member whose session it adopted from another node); as the other side's node it
 * ends the conversation here when the other node ended it; as the staff member's node it hands
 * the member's node's answer to the waiting reach. Work that waits for Redis goes to the blocking
 * executor ({@link AcrossNodes#later}), never the events' thread.
 */
final class MemberSide implements ClusterEvents.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);

    private final AcrossNodes across;
    private final OpenConversations open;
    private final RoomRegistry rooms;
    private final SessionRegistry sessions;
    private final Ledger ledger;
    private final ClusterEvents events;

    MemberSide(AcrossNodes across, OpenConversations open, RoomRegistry rooms, SessionRegistry sessions,
            Ledger ledger, ClusterEvents events) {
        this.across = across;
        this.open = open;
        this.rooms = rooms;
        this.sessions = sessions;
        this.ledger = ledger;
        this.events = events;
    }

    @Override
    public void changed(StaffChange c) {
        boolean mine = events.nodeId().equals(c.origin());
        switch (c.kind()) {
            case REACH -> {
                if (!mine) {
                    across.later(() -> invite(c.room(), c.memberId()));
                }
            }
            case REACH_INVITED, REACH_REFUSED -> across.answered(c.room(), c.kind() == StaffChange.Kind.REACH_INVITED);
            case REACH_DECLINED, REACH_CLOSED -> {
                if (!mine) {
                    across.later(() -> open.endedElsewhere(c.room(), c.kind() == StaffChange.Kind.REACH_DECLINED
                            ? OpenConversations.Ending.DECLINED : OpenConversations.Ending.CLOSED));
                }
            }
            case RESUMED -> {
                if (mine) {
                    across.later(() -> adopted(c.memberId()));
                }
            }
            default -> { }
        }
    }

    /** Another node asks the node holding {@code memberId} to invite it to {@code room}: invited, or refused (staff). */
    private void invite(String room, String memberId) {
        Session m = sessions.byMember(memberId).filter(s -> !s.isExpired()).orElse(null);
        if (m == null) {
            return; // not here: the node that holds it answers (or none, and the reach times out)
        }
        StaffChange.Kind answer = StaffChange.Kind.REACH_INVITED;
        if (m.role() != Role.MEMBER) {
            answer = StaffChange.Kind.REACH_REFUSED;
        } else {
            Conversation conv = open.byRoom.get(room);
            if (conv == null) {
                Ledger.Record rec = ledger.find(room).orElse(null);
                if (rec == null) {
                    return; // ended meanwhile
                }
                conv = hold(rec, m);
            }
            if (conv == null || conv.member == null) {
                return;
            }
            open.invite(conv, room);
        }
        events.publish(StaffChange.handOff(answer, room, memberId, events.nodeId()));
    }

    /**
     * Takes the member's side of {@code rec} here, for session {@code m} (the room opened here if
     * it is not yet); null when the conversation ended meanwhile (then ended here too).
     */
    private synchronized Conversation hold(Ledger.Record rec, Session m) {
        Conversation conv = open.byRoom.get(rec.room());
        if (conv == null) {
            Room room = rooms.isPrivate(rec.room()) ? rooms.get(rec.room())
                    : rooms.openPrivate(Names.sharedConfig(rec.room()));
            conv = new Conversation(room, rec.staffId(), rec.staffName(), rec.staffNick(), rec.staffRole(),
                    rec.memberId(), rec.escalation());
            conv.accepted = rec.accepted();
            open.byRoom.put(conv.id, conv);
            open.byMember.put(conv.memberId, conv);
        }
        conv.member = m;
        if (!ledger.memberAt(rec.room(), ledger.nodeId())) {
            if (conv.end()) {
                open.finish(conv, OpenConversations.Ending.CLOSED, true, "ended meanwhile");
            }
            return null;
        }
        return conv;
    }

    /** A member's session was adopted here from another node: its conversation, if any, continues here. */
    private void adopted(String memberId) {
        Session m = sessions.byMember(memberId).filter(s -> !s.isExpired() && s.role() == Role.MEMBER).orElse(null);
        Optional<String> room = m == null ? Optional.empty() : ledger.roomOf(memberId);
        Ledger.Record rec = room.flatMap(ledger::find).orElse(null);
        if (rec == null) {
            return;
        }
        Conversation conv = hold(rec, m);
        if (conv != null) {
            open.invite(conv, conv.id); // its client joins again (the resume left the private room out)
            LOG.info("private conversation's member resumed here room={}", conv.id);
        }
    }
}
