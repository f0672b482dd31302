package org.kindred.server.moderator;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.i18n.Sentence;
import org.kindred.server.room.Room;
import org.kindred.server.session.SessionRegistry;
import org.kindred.server.store.HeldMessage;
import org.kindred.server.store.HeldStatus;
import org.kindred.server.store.HeldStore;

/**
 * Messages held for review: stored durably (the text only until a moderator decides), shown to
 * watching moderators as {@code mod.held}, and delivered to the room on approval. The sender
 * gets a {@code notice} either way.
 */
public final class ReviewQueue {
    private final HeldStore store;
    private final AuditLog audit;
    private final ModeratorHub hub;
    private final SessionRegistry sessions;
    private final Executor blocking;
    private final LongSupplier clock;
    /** How the sender appeared when the message was held (the store keeps only its id). */
    private final Map<String, MemberInfo> senders = new ConcurrentHashMap<>();

    public ReviewQueue(HeldStore store, AuditLog audit, ModeratorHub hub, SessionRegistry sessions,
            Executor blocking, LongSupplier clock) {
        this.store = store;
        this.audit = audit;
        this.hub = hub;
        this.sessions = sessions;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Holds a message: durable and audited first, then announced. Blocks on the store. */
    public void hold(String room, String msgId, MemberInfo from, String text, List<String> categories) {
        long now = clock.getAsLong();
        store.add(HeldMessage.pending(msgId, room, from.id(), text, categories, now));
        senders.put(msgId, from);
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
                    MemberInfo from = Optional.ofNullable(senders.remove(msgId))
                            .orElse(new MemberInfo(m.memberId(), "Member", org.kindred.protocol.Role.MEMBER));
                    return room.deliverApproved(from, msgId, m.text()).thenApply(delivered -> {
                        tell(m.memberId(), room.id(), "held_approved", Sentence.of("notice.held_approved"));
                        return ServerMessage.Ok.of(reqId);
                    });
                });
    }

    public CompletableFuture<ServerMessage> reject(String roomId, String msgId, String who, String reason,
            String reqId) {
        return CompletableFuture.supplyAsync(() -> {
            Optional<HeldMessage> h = decide(roomId, msgId, HeldStatus.REJECTED, who, reason);
            if (h.isEmpty()) {
                return notPending(reqId);
            }
            senders.remove(msgId);
            tell(h.get().memberId(), roomId, "held_rejected", reason == null || reason.isBlank()
                    ? Sentence.of("notice.held_rejected")
                    : Sentence.of("notice.held_rejected.reason", "reason", reason));
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

    private static ServerMessage notPending(String reqId) {
        return ModeratorRequests.notFound(reqId, "error.not_held");
    }
}
