package org.kindred.server.handoff;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.kindred.protocol.ClientMessage;
import org.kindred.protocol.ErrorCode;
import org.kindred.protocol.ModRequest;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.dispatch.PrivateRooms;
import org.kindred.server.dispatch.RoomReplies;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.moderator.AuditAction;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.moderator.Escalations;
import org.kindred.server.moderator.PrivateConversations;
import org.kindred.server.room.Room;
import org.kindred.server.room.RoomRegistry;
import org.kindred.server.transport.Outbound;
import org.kindred.server.session.Session;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.Escalation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warm hand-off (protocol 1.1): a staff member reaches one member privately. {@code mod.reach}
 * opens a private room (never listed, two people at most, history in memory only) with the
 * staff member in it at once and sends the member an {@code invite}; the member accepts with
 * {@code join} and declines with {@code leave} (the staff member gets {@code notice declined}).
 * The conversation ends when either side leaves, on {@code mod.close}, or when either session
 * ends; whoever is still there gets {@code notice closed}. Opening, accepting, declining and
 * ending are audited with ids only, never text. Messages go through the ordinary {@code send}
 * path (moderation and risk assessment), because a private room is a {@link Room}.
 *
 * <p>A member has at most one private conversation at a time. A ban does not stand between a
 * person and a staff member who reaches out: accepting is never refused {@code banned} (a banned
 * session has ended, though, so only a member still connected can be reached). Thread-safe:
 * requests arrive on event loops, store work runs on {@code blocking}, room work on the room's
 * thread.
 *
 * <p>Alone, a node keeps its conversations in memory. In a cluster ({@link #acrossNodes}) the
 * staff member and the member may be connected to different nodes: see {@link AcrossNodes}.
 */
public final class HandOff implements PrivateConversations, PrivateRooms {
    /** Every private room id starts with this; configured rooms may not be found under it. */
    public static final String PREFIX = "private-";
    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);
    private static final Sentence GONE = Sentence.of("error.private_gone");

    private final RoomRegistry rooms;
    private final SessionRegistry sessions;
    private final Escalations escalations;
    private final Executor blocking;
    private final OpenConversations open;
    private final Alone alone;
    private volatile AcrossNodes cluster;

    public HandOff(RoomRegistry rooms, SessionRegistry sessions, Escalations escalations, AuditLog audit,
            Executor blocking) {
        this.rooms = rooms;
        this.sessions = sessions;
        this.escalations = escalations;
        this.blocking = blocking;
        this.open = new OpenConversations(rooms, audit, blocking);
        this.alone = new Alone(this, open, rooms, sessions);
    }

    /**
     * Shares the conversations with the other nodes of a cluster from now on (call once, before
     * the port opens): the records in {@code ledger}, the invitations and endings as events on
     * {@code events}, a check every second on {@code scheduler} (the other side's node gone, an
     * ending missed). Returns this.
     */
    public HandOff acrossNodes(Ledger ledger, ClusterEvents events, ScheduledExecutorService scheduler) {
        AcrossNodes c = new AcrossNodes(this, open, rooms, sessions, ledger, events, blocking);
        c.start(scheduler);
        this.cluster = c;
        return this;
    }

    /**
     * True when {@code join}/{@code leave} of {@code room} belongs here: an open private room,
     * or an id shaped like one that is not a configured room (an ended conversation).
     */
    @Override
    public boolean handles(String room) {
        return rooms.isPrivate(room) || (room.startsWith(PREFIX) && rooms.get(room) == null);
    }

    /**
     * {@code mod.reach} from a staff session: replies {@code ok} with the new room once the staff
     * member is in it; {@code not_found} for an unknown escalation or a member whose session has
     * ended; {@code forbidden} when the person is staff, or already talking privately with
     * someone else (reaching again the one you already talk with returns that room).
     */
    @Override
    public void reach(Outbound c, Session staff, ModRequest.Reach r) {
        CompletableFuture.supplyAsync(() -> memberOf(r), blocking).whenComplete((memberId, err) -> {
            if (err != null) {
                LOG.warn("reach failed error={}", err.getClass().getSimpleName());
                c.send(Sentence.of("error.reach_failed").error(r.id(), ErrorCode.INTERNAL));
            } else if (memberId.isEmpty()) {
                c.send(Sentence.of("error.unknown.escalation").error(r.id(), ErrorCode.NOT_FOUND));
            } else if (cluster != null) {
                blocking.execute(() -> cluster.reach(c, staff, memberId.get(), r));
            } else {
                alone.reach(c, staff, memberId.get(), r);
            }
        });
    }

    private Optional<String> memberOf(ModRequest.Reach r) {
        return r.member() != null ? Optional.of(r.member())
                : escalations.find(r.escalation()).map(Escalation::memberId);
    }

    /** Whether {@code member} may be reached by {@code staff}: a member, not themselves. */
    static boolean reachable(Session member, Session staff) {
        return member.role() == Role.MEMBER && !member.memberId().equals(staff.memberId());
    }

    static ServerMessage taken(String staffName, String requestId) {
        return Sentence.of("error.reach_taken", "name", staffName == null ? "" : staffName)
                .error(requestId, ErrorCode.FORBIDDEN);
    }

    /** Seats the staff member in the conversation's room, then runs {@code then}; a refusal is replied and forgotten. */
    void seatStaff(Outbound c, Session staff, Conversation conv, ModRequest.Reach r, Runnable then) {
        conv.room.join(staff, Names.staffNick(staff), result -> {
            ServerMessage reply = RoomReplies.joinReply(result, r.id());
            if (!(reply instanceof ServerMessage.Joined)) {
                open.forget(conv);
                AcrossNodes cl = cluster;
                if (cl != null) {
                    cl.abandoned(conv);
                }
                c.send(reply); // an error echoing the request's id
                return;
            }
            then.run();
        });
    }

    /** The invitation is out: logged and audited. */
    void opened(Conversation conv, Session staff, ModRequest.Reach r) {
        LOG.info("private conversation opened room={} member={}", conv.id, conv.memberId);
        open.audited(staff.moderatorName(), AuditAction.REACH, conv, r.escalation());
    }

    /**
     * {@code join} of a private room: the invited member accepts (without a nickname it keeps
     * the one it has in its other rooms); the staff member gets {@code already_in_room}; anyone
     * else {@code not_found}, as if the room did not exist.
     */
    @Override
    public void join(Outbound c, Session s, ClientMessage.Join j) {
        Conversation conv = open.byRoom.get(j.room());
        if (conv == null || !conv.involves(s)) {
            c.send(GONE.error(j.id(), ErrorCode.NOT_FOUND));
            return;
        }
        if (conv.isStaff(s)) {
            RoomReplies.join(conv.room, s, j.nick(), c, j.id());
            return;
        }
        String nick = j.nick() != null ? j.nick() : currentNick(s);
        conv.room.join(s, nick, result -> {
            ServerMessage reply = RoomReplies.joinReply(result, j.id());
            if (reply instanceof ServerMessage.Error e && j.nick() == null && nick != null
                    && (e.code() == ErrorCode.NICK_TAKEN || e.code() == ErrorCode.NICK_INVALID)) {
                RoomReplies.join(conv.room, s, null, c, j.id()); // the nickname from elsewhere doesn't fit here: a pseudonym
                return;
            }
            c.send(reply);
            if (reply instanceof ServerMessage.Joined && !conv.accepted) {
                conv.accepted = true; // once, also when the member comes back to it through another node
                open.audited(AuditLog.SYSTEM, AuditAction.REACH_ACCEPTED, conv, null);
                AcrossNodes cl = cluster;
                if (cl != null) {
                    cl.accepted(conv);
                }
            }
        });
    }

    /**
     * {@code leave} of a private room: before accepting, the member declines (the staff member
     * gets {@code notice declined}); after, either side leaving ends the conversation and is
     * answered {@code ok}, also when the room had lost that side's seat already (a shared presence
     * that forgot it); a leave after the conversation ended gets the room's refusal.
     */
    @Override
    public void leave(Outbound c, Session s, ClientMessage.Leave l) {
        Conversation conv = open.byRoom.get(l.room());
        if (conv == null || !conv.involves(s)) {
            c.send(GONE.error(l.id(), ErrorCode.NOT_FOUND));
            return;
        }
        conv.room.execute(() -> { // on the room's thread, so a join in flight is either before or after
            if (conv.isMember(s) && s.nickIn(conv.id) == null) {
                if (conv.end()) {
                    c.send(ServerMessage.Ok.of(l.id()));
                    concluded(conv, AuditAction.REACH_DECLINED, "declined", OpenConversations.Ending.DECLINED);
                } else {
                    c.send(GONE.error(l.id(), ErrorCode.NOT_FOUND));
                }
                return;
            }
            String why = conv.isMember(s) ? "member left" : "staff left";
            conv.room.leave(s, r -> {
                // Leaving means ending: the seat may be gone already (the shared presence lost it, or
                // another node let it go), yet the one who ends the conversation is answered ok.
                boolean ended = conv.end();
                c.send(r.isOk() || ended ? ServerMessage.Ok.of(l.id()) : r.refusal().toError(l.id()));
                if (ended) {
                    concluded(conv, AuditAction.REACH_CLOSED, why, OpenConversations.Ending.CLOSED);
                }
            });
        });
    }

    /** {@code mod.close}: the staff member of the conversation ends it; anyone else gets {@code not_found}. */
    @Override
    public void close(Outbound c, Session staff, ModRequest.Close m) {
        Conversation conv = open.byRoom.get(m.room());
        if (conv == null || !conv.isStaff(staff) || conv.staff == null) {
            c.send(Sentence.of("error.private_unknown").error(m.id(), ErrorCode.NOT_FOUND));
            return;
        }
        c.send(ServerMessage.Ok.of(m.id()));
        end(conv, "closed");
    }

    /**
     * A session ended (resume window over, banned, signed out): its private conversation ends
     * too; in a cluster, unless the member's session was taken over by another node (a resume
     * there), which then holds the member's side.
     */
    public void sessionEnded(Session s) {
        AcrossNodes cl = cluster;
        for (Conversation conv : open.byRoom.values()) {
            if (!conv.involves(s)) {
                continue;
            }
            if (cl != null && conv.isMember(s)) {
                if (conv.member == s) {
                    cl.memberSessionEnded(conv, s);
                }
            } else {
                end(conv, conv.isMember(s) ? "member session ended" : "staff session ended");
            }
        }
    }

    /** Private conversations this node holds a side of (for tests and metrics). */
    public int open() {
        return open.byRoom.size();
    }

    /** Ends {@code conv} (closed) for both, once. */
    void end(Conversation conv, String why) {
        if (conv.end()) {
            concluded(conv, AuditAction.REACH_CLOSED, why, OpenConversations.Ending.CLOSED);
        }
    }

    /** After {@code conv.end()} returned true here: ends it here, and (across nodes) everywhere. */
    private void concluded(Conversation conv, AuditAction action, String why, OpenConversations.Ending ending) {
        open.finish(conv, ending, true, why);
        AcrossNodes cl = cluster;
        if (cl == null) {
            open.audited(OpenConversations.actorOf(conv.staffName, conv.memberId, why), action, conv, why);
        } else {
            cl.ended(conv, action, why);
        }
    }

    /** Whether {@code b} is the same staff account as the one named {@code staffName} (a new console). */
    static boolean sameAccountAs(String staffName, Session b) {
        return staffName != null && staffName.equals(b.moderatorName());
    }

    /** The member's nickname in a room it is in (configured rooms first), or null for a pseudonym. */
    private String currentNick(Session s) {
        for (String room : s.rooms()) {
            if (!rooms.isPrivate(room) && s.nickIn(room) != null) {
                return s.nickIn(room);
            }
        }
        return null;
    }
}
