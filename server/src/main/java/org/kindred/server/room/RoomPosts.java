package org.kindred.server.room;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.common.Ids;
import org.kindred.server.metrics.Metrics;
import org.kindred.server.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One room's posting path: a member's message handed to the {@link Broker}, which checks it
 * against the room's rules (the {@link RoomPolicy}'s restrictions) and numbers, keeps and
 * delivers it in one step; a held message approved by a
 * moderator; and {@code typing}. Each step starts on the room's thread.
 */
final class RoomPosts {
    private static final Logger LOG = LoggerFactory.getLogger(RoomPosts.class);
    private final Room room;
    private final Broker broker;
    private final Metrics metrics;

    RoomPosts(Room room, RoomParts parts) {
        this.room = room;
        this.broker = parts.broker();
        this.metrics = parts.metrics();
    }

    /**
     * See {@link Room#post}; on the room's thread. One call of the broker checks the room's rules
     * (not for staff) and the shared allowance, numbers and delivers, in one step where the rules
     * are kept; a retry of a delivered request gets its first answer whatever they say now. A
     * refusal comes back to the room's thread, as does {@code internal} when the engines could not
     * answer (nothing was sent); {@code sent} goes out from the completing thread.
     */
    void post(Session s, String reqId, String text, Consumer<Result<String>> then) {
        Optional<MemberInfo> from = room.seats().member(s.memberId());
        if (from.isEmpty()) {
            then.accept(Result.refused(Refusal.NOT_IN_ROOM));
            return;
        }
        String request = reqId == null ? null : s.memberId() + "\n" + reqId; // a retry is caught by the broker
        Broker.Admission who = new Broker.Admission(s.memberId(), !s.role().canModerate(), s.fingerprint());
        CompletionStage<Broker.Posted> stage;
        try {
            stage = broker.post(room.id(), from.get(), Ids.of("m_"), text, room.now(), request, who, m -> {
                metrics.messageIn(); // counted before anyone hears of it, so a reader of metrics after `sent` sees it
                then.accept(Result.ok(m.msg()));
            });
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((p, err) -> {
            if (err != null) {
                LOG.warn("a message was not published room={} error={}", room.id(), err.getClass().getSimpleName());
                room.execute(() -> then.accept(Result.refused(Refusal.POST_FAILED)));
            } else if (p.held() != null) {
                room.execute(() -> then.accept(Result.refused(room.policy().refusal(p.held()))));
            }
        });
    }

    /**
     * The msg id the request {@code reqId} of {@code s} with {@code text} was delivered as lately, or
     * empty; never waits, any thread. See {@link Room#earlier}.
     */
    CompletionStage<Optional<String>> earlier(Session s, String reqId, String text) {
        try {
            return broker.earlier(room.id(), s.memberId() + "\n" + reqId, text, room.now());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** See {@link Room#typing}; on the room's thread. */
    void typing(Session s, Consumer<Refusal> then) {
        Optional<MemberInfo> m = room.seats().member(s.memberId());
        if (m.isEmpty()) {
            then.accept(Refusal.NOT_IN_ROOM);
            return;
        }
        broker.broadcast(room.id(), new ServerMessage.Typing(room.id(), new MemberInfo(m.get().id(), m.get().nick(),
                null)), s.memberId());
    }

    /**
     * Numbers, keeps and delivers a message, started on the room's thread (so a room's messages
     * are numbered in the order the room accepted them); completes when the broker has.
     */
    CompletableFuture<ServerMessage.Message> publish(MemberInfo from, String msgId, String text,
            String requestKey, Consumer<ServerMessage.Message> accepted) {
        CompletionStage<ServerMessage.Message> stage;
        try {
            stage = broker.publish(room.id(), from, msgId, text, room.now(), requestKey, m -> {
                metrics.messageIn(); // counted before anyone hears of it, so a reader of metrics after `sent` sees it
                accepted.accept(m);
            });
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        return stage.toCompletableFuture().whenComplete((m, err) -> {
            if (err != null) {
                LOG.warn("a message was not published room={} error={}", room.id(), err.getClass().getSimpleName());
            }
        });
    }
}
