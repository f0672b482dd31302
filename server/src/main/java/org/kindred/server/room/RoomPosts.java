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
 * One room's posting path: a member's message checked against the room's {@link RoomPolicy} and
 * handed to the {@link Broker} to be numbered, kept and delivered; a held message approved by a
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
     * See {@link Room#post}; on the room's thread. The policy decides where the rules are kept:
     * in memory at once, so the message is published in this same step; over the network the
     * decision comes back to the room's thread, which then publishes (or replies {@code internal}
     * when the rules could not be read: nothing was sent).
     */
    void post(Session s, String reqId, String text, Consumer<Result<String>> then) {
        boolean staff = s.role().canModerate();
        CompletableFuture<Refusal> decided = room.policy().post(room.seats().member(s.memberId()).isPresent(), staff,
                s.memberId(), room.now());
        if (decided.isDone()) {
            decided(s, reqId, text, decided, then);
        } else {
            decided.whenComplete((r, err) -> room.execute(() -> decided(s, reqId, text, decided, then)));
        }
    }

    /** The policy decided: publish or refuse; on the room's thread. */
    private void decided(Session s, String reqId, String text, CompletableFuture<Refusal> decision,
            Consumer<Result<String>> then) {
        Refusal refused;
        try {
            refused = decision.join();
        } catch (RuntimeException e) {
            LOG.warn("a post could not be checked room={} error={}", room.id(), e.getClass().getSimpleName());
            then.accept(Result.refused(Refusal.POST_FAILED));
            return;
        }
        Optional<MemberInfo> from = room.seats().member(s.memberId()); // it may have left meanwhile
        if (refused == null && from.isEmpty()) {
            refused = Refusal.NOT_IN_ROOM;
        }
        if (refused != null) {
            then.accept(Result.refused(refused));
            return;
        }
        String request = reqId == null ? null : s.memberId() + "\n" + reqId; // a retry is caught by the broker
        publish(from.get(), Ids.of("m_"), text, request, m -> then.accept(Result.ok(m.msg())))
                .whenComplete((m, err) -> {
                    if (err != null) {
                        room.execute(() -> then.accept(Result.refused(Refusal.POST_FAILED)));
                    }
                });
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
