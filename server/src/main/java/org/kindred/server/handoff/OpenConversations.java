package org.kindred.server.handoff;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.moderator.AuditAction;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private conversations this node holds a side of, by room and by member, and what is done
 * to them here: inviting the member, ending them for whoever of the two is here, auditing.
 * Thread-safe.
 */
final class OpenConversations {
    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);

    /** How a conversation ends for the people this node holds. */
    enum Ending {
        /** Both are told {@code notice closed}. */
        CLOSED,
        /** The staff member is told {@code notice declined}; the member, who said no, nothing. */
        DECLINED,
        /** Nobody is told (it never began, or the member moved to another node). */
        QUIET
    }

    final Map<String, Conversation> byRoom = new ConcurrentHashMap<>();
    final Map<String, Conversation> byMember = new ConcurrentHashMap<>();
    private final RoomRegistry rooms;
    private final AuditLog audit;
    private final Executor blocking;

    OpenConversations(RoomRegistry rooms, AuditLog audit, Executor blocking) {
        this.rooms = rooms;
        this.audit = audit;
        this.blocking = blocking;
    }

    /** Sends the member (when connected here) the invitation to {@code roomId}. */
    void invite(Conversation conv, String roomId) {
        Session m = conv.member;
        if (m == null) {
            return;
        }
        Session st = conv.staff;
        String nick = st != null && st.nickIn(roomId) != null ? st.nickIn(roomId) : conv.staffNick;
        MemberInfo from = st != null ? st.info(nick) : new MemberInfo(conv.staffId, nick, conv.staffRole);
        m.deliver(new ServerMessage.Invite(roomId, from, conv.escalation,
                HandOffSentences.invite(nick, conv.staffRole).token()));
    }

    /**
     * Tells whoever of the two is here ({@code ending}), empties the room here and forgets the
     * conversation; {@code closeRoom} also forgets the room's shared state (history, numbering,
     * presence), else this node only stops holding it (the conversation goes on elsewhere).
     */
    void finish(Conversation conv, Ending ending, boolean closeRoom, String why) {
        Room room = conv.room;
        Session staff = conv.staff;
        Session member = conv.member;
        byRoom.remove(conv.id, conv);
        byMember.remove(conv.memberId, conv);
        if (member != null) {
            room.expire(member);
        }
        if (staff != null) {
            room.expire(staff);
        }
        if (closeRoom) {
            rooms.closePrivate(conv.id); // after the expires: the room forgets its members and history last
        } else {
            rooms.dropPrivate(conv.id);
        }
        // Told last, once the room is unknown here: whoever is told and sends to it at once gets not_found.
        room.execute(() -> {
            if (ending == Ending.CLOSED) {
                if (staff != null) {
                    staff.deliver(HandOffSentences.CLOSED_STAFF.notice(conv.id, "closed"));
                }
                if (member != null) {
                    member.deliver(HandOffSentences.CLOSED.notice(conv.id, "closed"));
                }
            }
        });
        if (ending == Ending.DECLINED && staff != null) {
            staff.deliver(HandOffSentences.DECLINED.notice(conv.id, "declined"));
        }
        LOG.info("private conversation ended here room={} why={}", conv.id, why);
    }

    /** Another node ended conversation {@code room}: it ends here too, for whoever of the two is here. */
    void endedElsewhere(String room, Ending ending) {
        Conversation conv = byRoom.get(room);
        if (conv != null && conv.end()) {
            finish(conv, ending, true, "ended elsewhere");
        }
    }

    /** Forgets a conversation that never began (its room closed). */
    void forget(Conversation conv) {
        byRoom.remove(conv.id, conv);
        byMember.remove(conv.memberId, conv);
        rooms.closePrivate(conv.id);
    }

    void audited(String actor, AuditAction action, Conversation conv, String reason) {
        audited(actor, action, conv.memberId, conv.id, reason);
    }

    /** Audits {@code action} on the member's conversation in {@code room} (ids only), on the blocking executor. */
    void audited(String actor, AuditAction action, String memberId, String room, String reason) {
        CompletableFuture.runAsync(() -> audit.record(actor, action, memberId, room, reason),
                blocking).exceptionally(err -> {
                    LOG.warn("hand-off audit failed action={} error={}", action.id(), err.getClass().getSimpleName());
                    return null;
                });
    }

    /** Who ended it: the staff member by name, the member by id, or the system when a session or node ended. */
    static String actorOf(String staffName, String memberId, String why) {
        return switch (why) {
            case "closed", "staff left", "staff reopened" -> staffName;
            case "declined", "member left" -> memberId;
            default -> AuditLog.SYSTEM;
        };
    }
}
