package org.kindred.server.handoff;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.AuditAction;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.session.ParkedSessions;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.transport.Outbound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warm hand-off when the staff member and the member may be on different nodes. The
 * conversation's record is shared ({@link Ledger}: one per member, ended once); the nodes tell
 * each other through the cluster events ({@code REACH*} staff changes, ids only). Each of the two
 * people's nodes opens the private room (same id, so the same broker channel, history and
 * presence) and holds that person's side:
 * <ul>
 *   <li>{@code mod.reach} for a member not connected to the staff member's node: the record is
 *       claimed, the staff member seated, then {@code REACH} asks the member's node to invite it;
 *       {@code ok} follows its answer ({@code not_found} when no node answers within
 *       {@link #ANSWER_MS}, {@code forbidden} when the person is staff);</li>
 *   <li>an ending on either node (decline, leave, {@code mod.close}, a session ended) ends it
 *       there at once; the node that ends the record audits and tells the other
 *       ({@code REACH_DECLINED}, {@code REACH_CLOSED});</li>
 *   <li>every second each node checks its conversations ({@link ConversationChecks}): one whose
 *       record is gone (an ending it missed) ends here as {@code closed}; one whose other side's node
 *       is gone (its liveness key expired: a node TTL after it died) is ended;</li>
 *   <li>a member whose session another node took over (a resume there) is not a session ending:
 *       that node takes the member's side and sends the invitation again, so the member can join
 *       the conversation again there (its history is shared).</li>
 * </ul>
 * Everything that waits for Redis runs on {@code blocking}.
 */
final class AcrossNodes {
    /** How long the staff member's node waits for the member's node to answer a reach, ms. */
    static final long ANSWER_MS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);

    private final HandOff hand;
    private final OpenConversations open;
    private final RoomRegistry rooms;
    private final SessionRegistry sessions;
    private final Ledger ledger;
    private final ClusterEvents events;
    private final Executor blocking;
    private final Map<String, CompletableFuture<Boolean>> answers = new ConcurrentHashMap<>();
    /** The records' endings, and those owed while Redis is away (retried by the check). */
    private final RecordEndings endings;
    private final ConversationChecks checks;

    AcrossNodes(HandOff hand, OpenConversations open, RoomRegistry rooms, SessionRegistry sessions, Ledger ledger,
            ClusterEvents events, Executor blocking) {
        this.hand = hand;
        this.open = open;
        this.rooms = rooms;
        this.sessions = sessions;
        this.ledger = ledger;
        this.events = events;
        this.blocking = blocking;
        this.endings = new RecordEndings(ledger, open, events);
        this.checks = new ConversationChecks(hand, open, ledger, endings, answers::containsKey);
    }

    void start(ScheduledExecutorService scheduler) {
        events.subscribe(new MemberSide(this, open, rooms, sessions, ledger, events));
        checks.start(scheduler, this::later);
    }

    /** {@code mod.reach} of {@code memberId} by {@code staff}; on {@code blocking}. */
    void reach(Outbound c, Session staff, String memberId, ModRequest.Reach r) {
        Session member = sessions.byMember(memberId).filter(s -> !s.isExpired()).orElse(null);
        if (member != null && !HandOff.reachable(member, staff)) {
            c.send(Sentence.of("error.reach_members_only").error(r.id(), ErrorCode.FORBIDDEN));
            return;
        }
        Room room = rooms.openPrivate(Names.sharedConfig(Names.roomId()));
        Conversation conv = new Conversation(room, staff.memberId(), staff.moderatorName(), Names.staffNick(staff),
                staff.role(), memberId, r.escalation());
        conv.staff = staff;
        conv.member = member;
        String existing;
        try {
            existing = claim(conv, staff);
        } catch (RuntimeException e) {
            rooms.closePrivate(room.id());
            LOG.warn("reach failed error={}", e.getClass().getSimpleName());
            c.send(Sentence.of("error.reach_failed").error(r.id(), ErrorCode.INTERNAL));
            return;
        }
        if (existing != null) {
            rooms.closePrivate(room.id());
            again(c, staff, memberId, existing, r);
            return;
        }
        open.byRoom.put(conv.id, conv);
        open.byMember.put(memberId, conv);
        hand.seatStaff(c, staff, conv, r, () -> {
            if (member != null) {
                open.invite(conv, conv.id);
                c.send(ServerMessage.Ok.room(r.id(), conv.id));
                hand.opened(conv, staff, r);
                return;
            }
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            answers.put(conv.id, answer);
            answer.orTimeout(ANSWER_MS, TimeUnit.MILLISECONDS).whenComplete((invited, err) -> {
                answers.remove(conv.id, answer);
                if (Boolean.TRUE.equals(invited)) {
                    c.send(ServerMessage.Ok.room(r.id(), conv.id));
                    hand.opened(conv, staff, r);
                    return;
                }
                c.send(err != null ? Sentence.of("error.reach_gone").error(r.id(), ErrorCode.NOT_FOUND)
                        : Sentence.of("error.reach_members_only").error(r.id(), ErrorCode.FORBIDDEN));
                if (conv.end()) { // it never began: nobody to tell, nothing to audit
                    open.finish(conv, OpenConversations.Ending.QUIET, true, "not reached");
                    abandoned(conv);
                }
            });
            publish(StaffChange.Kind.REACH, conv);
        });
    }

    /** Claims the record; the same staff account from a new console ends its older conversation first. */
    private String claim(Conversation conv, Session staff) {
        String existing = ledger.claim(record(conv, conv.member != null ? ledger.nodeId() : null));
        if (existing == null) {
            return null;
        }
        Ledger.Record old = ledger.find(existing).orElse(null);
        if (old != null && !old.staffId().equals(staff.memberId()) && HandOff.sameAccountAs(old.staffName(), staff)) {
            Conversation here = open.byRoom.get(existing);
            if (here != null && here.end()) {
                open.finish(here, OpenConversations.Ending.CLOSED, true, "staff reopened");
            }
            endings.settle(existing, old.memberId(), old.staffName(), AuditAction.REACH_CLOSED, "staff reopened");
            return ledger.claim(record(conv, conv.member != null ? ledger.nodeId() : null));
        }
        return existing;
    }

    /** A reach of a member who already has conversation {@code existing}: the same staff member is answered with it. */
    private void again(Outbound c, Session staff, String memberId, String existing, ModRequest.Reach r) {
        Ledger.Record rec = ledger.find(existing).orElse(null);
        if (rec == null || !rec.staffId().equals(staff.memberId())) {
            c.send(HandOff.taken(rec == null ? null : rec.staffName(), r.id()));
            return;
        }
        Conversation here = open.byRoom.get(existing);
        if (here != null && here.member != null) {
            open.invite(here, existing); // the console may have lost it: ask again, same room
        } else {
            events.publish(StaffChange.handOff(StaffChange.Kind.REACH, existing, memberId, events.nodeId()));
        }
        c.send(ServerMessage.Ok.room(r.id(), existing));
    }

    private Ledger.Record record(Conversation conv, String memberNode) {
        return new Ledger.Record(conv.id, conv.memberId, conv.staffId, conv.staffName, conv.staffNick, conv.staffRole,
                conv.escalation, ledger.nodeId(), memberNode, false);
    }

    /** A reach that never began: its record goes. */
    void abandoned(Conversation conv) {
        later(() -> ledger.end(conv.id, conv.memberId));
    }

    /** The member joined here: recorded, so that a node it moves to does not audit it again. */
    void accepted(Conversation conv) {
        later(() -> ledger.accepted(conv.id));
    }

    /** {@code conv} ended here (already finished): the one node that ends its record audits and tells the others. */
    void ended(Conversation conv, AuditAction action, String why) {
        String actor = OpenConversations.actorOf(conv.staffName, conv.memberId, why);
        later(() -> endings.settle(conv.id, conv.memberId, actor, action, why));
    }

    /**
     * The member's session here ended: taken over by another node (a resume there), this node
     * only lets go of the member's side; else the conversation ends.
     */
    void memberSessionEnded(Conversation conv, Session s) {
        ParkedSessions parked = sessions.shared();
        CompletableFuture<Boolean> taken = parked == null ? CompletableFuture.completedFuture(false)
                : parked.takenElsewhere(s).toCompletableFuture();
        taken.exceptionally(e -> false).thenAcceptAsync(moved -> {
            if (!moved) {
                hand.end(conv, "member session ended");
                return;
            }
            conv.member = null;
            conv.room.expire(s);
            if (conv.staff == null) {
                open.byRoom.remove(conv.id, conv);
                open.byMember.remove(conv.memberId, conv);
                rooms.dropPrivate(conv.id);
            }
            LOG.info("private conversation's member moved to another node room={}", conv.id);
        }, blocking);
    }

    /** The member's node answered the reach of {@code room}. */
    void answered(String room, boolean invited) {
        CompletableFuture<Boolean> answer = answers.get(room);
        if (answer != null) {
            answer.complete(invited);
        }
    }

    private void publish(StaffChange.Kind kind, Conversation conv) {
        events.publish(StaffChange.handOff(kind, conv.id, conv.memberId, events.nodeId()));
    }

    void later(Runnable work) {
        later(work, () -> { });
    }

    /** As {@link #later(Runnable)}, running {@code dropped} when the work cannot be queued (shutting down). */
    private void later(Runnable work, Runnable dropped) {
        try {
            blocking.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("private conversation step failed error={}", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            dropped.run();
            LOG.debug("private conversation step dropped: shutting down");
        }
    }
}
