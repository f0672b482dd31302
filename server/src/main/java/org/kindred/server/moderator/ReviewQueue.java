package org.kindred.server.moderator;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.room.Room;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.AuditStore;
import org.kindred.server.store.HeldMessage;
import org.kindred.server.store.HeldStatus;
import org.kindred.server.store.HeldStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Messages held for review: stored durably (the text only until a moderator decides), shown to
 * watching moderators as {@code mod.held}, and delivered to the room on approval. The sender
 * gets a {@code notice} either way, on whichever node it is connected to ({@link #tellVia}).
 */
public final class ReviewQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewQueue.class);
    /** How many of a held message's latest audit entries are looked through for its rejection's reason. */
    private static final int REASON_LOOKBACK = 5;

    private final HeldStore store;
    private final AuditLog audit;
    private final ModeratorHub hub;
    private final SessionRegistry sessions;
    private final Executor blocking;
    private final LongSupplier clock;
    /** The other nodes, once {@link #tellVia} was called; null on one node. */
    private volatile ClusterEvents events;
    private volatile AuditStore auditStore;

    public ReviewQueue(HeldStore store, AuditLog audit, ModeratorHub hub, SessionRegistry sessions,
            Executor blocking, LongSupplier clock) {
        this.store = store;
        this.audit = audit;
        this.hub = hub;
        this.sessions = sessions;
        this.blocking = blocking;
        this.clock = clock;
    }

    /**
     * Tells decisions made here to writers connected to other nodes, and decisions made on other
     * nodes to writers connected here, through {@code events}; a rejection's reason is read from
     * {@code auditStore} (events carry ids only). Call once, before the first decision.
     */
    public void tellVia(ClusterEvents events, AuditStore auditStore) {
        this.auditStore = auditStore;
        this.events = events;
        events.subscribe(new ClusterEvents.Listener() {
            @Override
            public void changed(StaffChange c) {
                if (c.kind() == StaffChange.Kind.HELD && !events.nodeId().equals(c.origin())) {
                    decidedElsewhere(c.room(), c.memberId(), c.heldMsg());
                }
            }
        });
    }

    /**
     * Holds a message: durable (with how {@code from} appears, so an approval on any node delivers it
     * under that nickname) and audited first, then announced. Blocks on the store.
     */
    public void hold(String room, String msgId, MemberInfo from, String text, List<String> categories) {
        long now = clock.getAsLong();
        store.add(HeldMessage.pending(msgId, room, from.id(), from.nick(), from.role(), text, categories, now));
        audit.record(AuditLog.SYSTEM, AuditAction.AUTO_HOLD, from.id(), room, String.join(",", categories));
        hub.publish(room, new ModEvent.Held(room, msgId, from.id(), text, categories, now));
    }

    /** Pending held messages, oldest first. Blocks on the store. */
    public List<ModEvent.Held> pending() {
        return store.listPending().stream()
                .map(h -> new ModEvent.Held(h.room(), h.msgId(), h.memberId(), h.text(), h.categories(), h.createdAt()))
                .toList();
    }

    public CompletableFuture<ServerMessage> approve(Room room, String msgId, String who, String reason, String reqId) {
        return CompletableFuture.supplyAsync(() -> decide(room.id(), msgId, HeldStatus.APPROVED, who, reason),
                blocking).thenCompose(h -> {
                    if (h.isEmpty()) {
                        return CompletableFuture.completedFuture(notPending(reqId));
                    }
                    HeldMessage m = h.get();
                    return writer(room, m).thenCompose(from -> room.deliverApproved(from, msgId, m.text()))
                            .thenApply(delivered -> {
                                tell(m.memberId(), room.id(), "held_approved", Sentence.of("notice.held_approved"));
                                published(room.id(), m.memberId(), msgId);
                                return ServerMessage.Ok.of(reqId);
                            });
                });
    }

    /**
     * How the writer appears: as when its message was held (kept with it in the store, on whichever
     * node it was held), else (held before the store kept it) as the room's shared presence seats it
     * now, else, gone from the room, as "Member".
     */
    private CompletableFuture<MemberInfo> writer(Room room, HeldMessage m) {
        if (m.writerNick() != null) {
            return CompletableFuture.completedFuture(new MemberInfo(m.memberId(), m.writerNick(),
                    m.writerRole() == null ? Role.MEMBER : m.writerRole()));
        }
        return room.queries().memberAnywhere(m.memberId()).handle((found, e) -> found != null && found.isPresent()
                ? found.get() : new MemberInfo(m.memberId(), "Member", Role.MEMBER));
    }

    public CompletableFuture<ServerMessage> reject(String roomId, String msgId, String who, String reason,
            String reqId) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<HeldMessage> h = decide(roomId, msgId, HeldStatus.REJECTED, who, reason);
            if (h.isEmpty()) {
                return notPending(reqId);
            }
            tell(h.get().memberId(), roomId, "held_rejected", reason == null || reason.isBlank()
                    ? Sentence.of("notice.held_rejected")
                    : Sentence.of("notice.held_rejected.reason", "reason", reason));
            published(roomId, h.get().memberId(), msgId);
            return ServerMessage.Ok.of(reqId);
        }, blocking);
    }

    private Optional<HeldMessage> decide(String roomId, String msgId, HeldStatus status, String who, String reason) {
        Optional<HeldMessage> found = store.find(msgId);
        if (found.isEmpty() || !found.get().room().equals(roomId)) {
            return Optional.empty();
        }
        Optional<HeldMessage> decided = store.decide(msgId, status, who, clock.getAsLong());
        decided.ifPresent(h -> audit.record(who, status == HeldStatus.APPROVED ? AuditAction.APPROVE
                : AuditAction.REJECT, msgId, roomId, reason));
        return decided;
    }

    /** Tells the sender of a held message what became of it, in the sender's language (put into words at delivery). */
    private void tell(String memberId, String room, String code, Sentence text) {
        sessions.byMember(memberId).ifPresent(s -> s.deliver(text.notice(room, code)));
    }

    /** Tells the other nodes a decision was made here, when the writer is not connected here. */
    private void published(String room, String memberId, String msgId) {
        ClusterEvents e = events;
        if (e != null && e.reachesOtherNodes() && sessions.byMember(memberId).isEmpty()) {
            e.publish(StaffChange.held(room, memberId, msgId, e.nodeId()));
        }
    }

    /**
     * Another node decided on a held message: its writer, if connected here, is told what became
     * of it (read from the store off the events' thread).
     */
    private void decidedElsewhere(String room, String memberId, String msgId) {
        if (sessions.byMember(memberId).isEmpty()) {
            return;
        }
        try {
            blocking.execute(() -> {
                try {
                    store.find(msgId).filter(h -> h.room().equals(room) && h.memberId().equals(memberId))
                            .ifPresent(h -> {
                                if (h.status() == HeldStatus.APPROVED) {
                                    tell(memberId, room, "held_approved", Sentence.of("notice.held_approved"));
                                } else if (h.status() == HeldStatus.REJECTED) {
                                    String reason = rejectionReason(msgId);
                                    tell(memberId, room, "held_rejected", reason == null || reason.isBlank()
                                            ? Sentence.of("notice.held_rejected")
                                            : Sentence.of("notice.held_rejected.reason", "reason", reason));
                                }
                            });
                } catch (RuntimeException e) {
                    LOG.warn("held message's decision not told error={}", e.getClass().getSimpleName());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("held message's decision not told: shutting down");
        }
    }

    /** The reason the audit log gives for the held message's rejection, or null. Blocks on the store. */
    private String rejectionReason(String msgId) {
        AuditStore a = auditStore;
        if (a == null) {
            return null;
        }
        for (AuditEntry e : a.forTarget(msgId, REASON_LOOKBACK)) { // newest first
            if (AuditAction.REJECT.id().equals(e.action())) {
                return e.reason();
            }
        }
        return null;
    }

    private static ServerMessage notPending(String reqId) {
        return ModeratorRequests.notFound(reqId, "error.not_held");
    }
}
