package org.kindred.server.broker.redis;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.BrokerException;
import org.kindred.server.broker.RequestDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Broker} over Redis, for several nodes serving the same rooms. A member's post is one
 * Lua script, atomic in Redis ({@link PublishScript}): it answers a retry with its first answer,
 * checks the room's rules ({@link #restrictions()}, shared by the nodes) and, when the node keeps
 * them ({@link #shareRates}), the send allowances, takes the room's next {@code seq}, appends the
 * message to the room's stream (see {@link RedisHistory}) and {@code PUBLISH}es it on the room's
 * channel. Redis runs scripts one at a time, so the channel carries a room's messages in
 * {@code seq} order to every node, and no lock or mute made in between can let a post through
 * after it. Each node subscribes to the channels of its rooms ({@link Deliveries}).
 *
 * <p>{@code seq} never goes backwards: with {@linkplain #useFloors floors in the store} (a
 * server always has them), numbers are reserved there in blocks before they are used, so after
 * Redis lost a room's keys (a restart) and every node restarted, numbering resumes above all
 * that was used; the room's history starts a new epoch ({@code {room}:epoch}), which
 * {@link RedisHistory#after} reports as lost history. Without a store, each node keeps the highest
 * {@code seq} it has seen per room and passes it to the script as a floor (enough while a node
 * serving the room lives). A publication with a request key is published once per request
 * within {@link Broker#REQUEST_WINDOW_MS}: a retry gets the first one's {@code seq} and msg id
 * (see {@link Publisher}).
 *
 * <p>{@link #publish} does not wait: its stage completes on Lettuce's I/O thread after one round
 * trip (failing after at most the link's timeout), and fails at once while Redis is unreachable;
 * when the room's numbers must be reserved first, after the store's round trip too.
 * Publications started from one thread are written on the one command connection in that order,
 * so they are numbered in that order. When the reply is lost after Redis ran the script (a
 * timeout), the stage fails although the message was numbered and delivered: the one case where a
 * failed publish is not "nothing happened". {@link #subscribe} and {@link #close(String)} wait for
 * Redis: not on an event loop.
 */
public final class RedisBroker implements Broker, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBroker.class);
    private final RedisLink link;
    private final RedisKeys keys;
    private final String nodeId;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final Deliveries deliveries;
    private final AtomicLong tokens = new AtomicLong();
    private final long acceptWaitMs = 5_000;
    private final Publisher publisher;
    private final RedisRestrictions restrictions;
    private volatile RedisRateLimits rates;
    private volatile FloorMirror mirror;

    /**
     * @param link the node's connections (its pub/sub messages are routed here)
     * @param history where published messages are kept; its prefix, size and age are used
     * @param nodeId this node's id, unique among the nodes (e.g. random)
     * @param deliveryThreads threads delivering rooms' events, {@code >= 1}
     */
    public RedisBroker(RedisLink link, RedisHistory history, String nodeId, int deliveryThreads) {
        this.link = link;
        this.keys = history.keys();
        this.nodeId = nodeId;
        this.deliveries = new Deliveries(link, history, nodeId, deliveryThreads, acceptWaitMs);
        this.publisher = new Publisher(link, history, deliveries::floor);
        this.restrictions = new RedisRestrictions(link, keys.prefix());
    }

    @Override
    public void subscribe(String room, Subscriber subscriber) {
        deliveries.subscribe(room, subscriber);
    }

    @Override
    public void unsubscribe(String room) {
        deliveries.unsubscribe(room);
    }

    /**
     * From now on, reserves each room's numbers in {@code store} before using them, on
     * {@code executor} (the store's threads): {@code seq} then never goes backwards even when
     * Redis and every node restart (see {@link Publisher} for the rule).
     */
    public void useFloors(org.kindred.server.store.SeqFloorStore store, java.util.concurrent.Executor executor) {
        useFloors(store, executor, Publisher.BLOCK);
    }

    /** {@link #useFloors(org.kindred.server.store.SeqFloorStore, java.util.concurrent.Executor)} reserving {@code block} numbers at a time (tests). */
    void useFloors(org.kindred.server.store.SeqFloorStore store, java.util.concurrent.Executor executor, long block) {
        FloorMirror m = new FloorMirror(link, keys.prefix(), store, executor);
        publisher.durable(new FloorWriter(store, executor, link, keys, acceptWaitMs, m), block);
        m.start();
        mirror = m;
    }

    /**
     * From now on, every checked {@link #post} also takes the member's and its network's send
     * allowance from {@code rates} (shared by the nodes) in its script.
     */
    public void shareRates(RedisRateLimits rates) {
        this.rates = rates;
    }

    @Override
    public RedisRestrictions restrictions() {
        return restrictions;
    }

    @Override
    public CompletionStage<Posted> post(String room, MemberInfo from, String msgId, String text, long ts,
            String requestKey, Admission admission, Consumer<ServerMessage.Message> accepted) {
        long token = tokens.incrementAndGet();
        CompletableFuture<Void> gate = deliveries.gate(token);
        CompletableFuture<Publisher.Outcome> sent;
        try {
            String json = new String(codec.encode(new ServerMessage.Message(room, msgId, 0, from, text, ts)),
                    StandardCharsets.UTF_8);
            sent = publisher.publish(new Publisher.Attempt(room, msgId,
                    requestKey == null ? null : RequestDigest.of(requestKey, text), ts, deliveries.origin(token), json,
                    checks(room, admission)));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Posted> out = new CompletableFuture<>();
        sent.whenComplete((o, err) -> {
            try {
                if (err != null || o == null) {
                    out.completeExceptionally(new BrokerException("a message of room " + room + " was not published",
                            err));
                } else {
                    out.complete(outcome(room, from, text, ts, admission, o, accepted));
                }
            } finally {
                gate.complete(null);
                if (!deliveries.serves(room) || (o != null && (o.duplicate() || o.held() != null))) {
                    deliveries.drop(token); // nothing of this token will be delivered
                }
            }
        });
        return out;
    }

    /** What a post is checked against in its script. */
    private PublishScript.Checks checks(String room, Admission admission) {
        if (admission == null) {
            return PublishScript.Checks.none(keys, room);
        }
        RedisRateLimits r = rates;
        return new PublishScript.Checks(restrictions.postKeys(room, admission.memberId()), admission.rules(),
                r == null ? new String[0] : r.keys(admission.memberId(), admission.fingerprint()),
                r == null ? new String[0] : r.args(admission.fingerprint()));
    }

    /** A post's outcome, its author's {@code accepted} run; the rules' mirror corrected. On Lettuce's thread. */
    private Posted outcome(String room, MemberInfo from, String text, long ts, Admission admission,
            Publisher.Outcome o, Consumer<ServerMessage.Message> accepted) {
        if (admission != null && admission.rules() && !o.duplicate()) {
            restrictions.learn(room, admission.memberId(), ts, o.held(), o.slowSeconds());
        }
        if (o.held() != null) {
            return new Posted(null, o.held());
        }
        if (!o.duplicate()) {
            deliveries.saw(room, o.seq());
            RedisRateLimits r = rates;
            if (admission != null && r != null) { // the script took the allowance: kept for a write-back
                r.took(admission.memberId(), admission.fingerprint(), ts);
            }
        }
        ServerMessage.Message msg = new ServerMessage.Message(room, o.msgId(), o.seq(), from, text, ts);
        try {
            accepted.accept(msg);
        } catch (RuntimeException e) {
            LOG.warn("a publisher's accepted step failed: {}", e.getClass().getSimpleName());
        }
        return new Posted(msg, null);
    }

    @Override
    public CompletionStage<Optional<String>> earlier(String room, String requestKey, String text, long now) {
        return link.getAsync(keys.request(room, RequestDigest.of(requestKey, text)))
                .thenApply(v -> v == null ? Optional.<String>empty() : Optional.of(v.substring(v.indexOf(' ') + 1)));
    }

    @Override
    public void broadcast(String room, ServerMessage event, String exceptMember) {
        String json = new String(codec.encode(event), StandardCharsets.UTF_8);
        link.publishLater(keys.channel(room), "e\n" + (exceptMember == null ? "" : exceptMember) + "\n" + json);
    }

    @Override
    public void close(String room) {
        unsubscribe(room);
        deliveries.forget(room);
        publisher.forget(room);
        try {
            link.sync().del(keys.seq(room), keys.history(room), keys.ceiling(room), keys.epoch(room), keys.first(room));
        } catch (RuntimeException e) {
            throw new BrokerException("room " + room + " could not be forgotten", e);
        }
    }

    /** Stops delivering (the link stays open). */
    @Override
    public void close() {
        FloorMirror m = mirror;
        if (m != null) {
            m.close();
        }
        deliveries.close();
    }
}
