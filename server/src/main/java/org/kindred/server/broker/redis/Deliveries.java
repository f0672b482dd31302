package org.kindred.server.broker.redis;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker.Subscriber;
import org.kindred.server.common.NamedThreads;
import org.kindred.server.common.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivering half of {@link RedisBroker}: the node's subscribed rooms and what it has seen of
 * each. Lettuce's I/O thread only hands a payload to the room's {@linkplain SerialExecutor serial
 * executor} ({@code kindred-redis-deliver-*}), where it is decoded and delivered, one at a time.
 * A room drops a {@code seq} it has delivered, fills a gap from the stream, and catches up from
 * the stream after the pub/sub connection comes back. A message this node published is delivered
 * only after its publisher's {@code accepted} step ran: each publish holds a gate
 * ({@link #gate}) that the delivery waits for, at most {@code acceptWaitMs}. Per room it keeps
 * the highest {@code seq} this node saw ({@link #floor}). Thread-safe.
 */
final class Deliveries {
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final RedisLink link;
    private final RedisHistory history;
    private final RedisKeys keys;
    private final String nodeId;
    private final long acceptWaitMs;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ExecutorService pool;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, Long> floors = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

    /** One subscribed room on this node; {@code last} is touched on its serial executor only. */
    private final class Feed {
        final String room;
        final SerialExecutor serial = new SerialExecutor(pool);
        volatile Subscriber subscriber;
        long last;

        Feed(String room, Subscriber subscriber, long last) {
            this.room = room;
            this.subscriber = subscriber;
            this.last = last;
        }
    }

    /**
     * @param nodeId this node's id: a payload's origin {@code nodeId:token} names a publish of this node
     * @param deliveryThreads threads delivering rooms' events, {@code >= 1}
     * @param acceptWaitMs how long a delivery waits for its publisher's {@code accepted} step, ms
     */
    Deliveries(RedisLink link, RedisHistory history, String nodeId, int deliveryThreads, long acceptWaitMs) {
        if (deliveryThreads < 1) {
            throw new IllegalArgumentException("deliveryThreads: " + deliveryThreads + " (expected: >= 1)");
        }
        this.link = link;
        this.history = history;
        this.keys = history.keys();
        this.nodeId = nodeId;
        this.acceptWaitMs = acceptWaitMs;
        int n = POOLS.incrementAndGet();
        this.pool = Executors.newFixedThreadPool(deliveryThreads,
                NamedThreads.numbered("kindred-redis-deliver-" + n));
        link.listen(this::received);
        link.onResubscribed(this::catchUpAll);
    }

    /** See {@link RedisBroker#subscribe}; waits for Redis. */
    void subscribe(String room, Subscriber subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        Feed f = feeds.get(room);
        if (f != null) {
            f.subscriber = subscriber;
            return;
        }
        long last;
        try {
            String s = link.sync().get(keys.seq(room));
            last = Math.max(s == null ? 0 : Long.parseLong(s), floor(room));
        } catch (RuntimeException e) {
            last = floor(room); // Redis down: catch up from the stream when it is back
        }
        feeds.put(room, new Feed(room, subscriber, last));
        link.subscribe(keys.channel(room));
    }

    void unsubscribe(String room) {
        Feed f = feeds.remove(room);
        if (f != null) {
            f.subscriber = null;
            link.unsubscribe(keys.channel(room));
        }
    }

    /** Whether this node delivers {@code room}'s events. */
    boolean serves(String room) {
        return feeds.containsKey(room);
    }

    /** The highest {@code seq} this node saw in {@code room} (0: none). */
    long floor(String room) {
        return floors.getOrDefault(room, 0L);
    }

    /** This node saw {@code seq} in {@code room}. */
    void saw(String room, long seq) {
        floors.merge(room, seq, Math::max);
    }

    /** Forgets what this node saw of a closed room. */
    void forget(String room) {
        floors.remove(room);
    }

    /** The origin of this node's publish {@code token}, as its payload carries it. */
    String origin(long token) {
        return nodeId + ":" + token;
    }

    /** Registers the gate the delivery of publish {@code token} waits for; complete it after {@code accepted}. */
    CompletableFuture<Void> gate(long token) {
        CompletableFuture<Void> gate = new CompletableFuture<>();
        pending.put(token, gate);
        return gate;
    }

    /** Drops the gate of a publish that will not be delivered (a retry, a hold, a room not served). */
    void drop(long token) {
        pending.remove(token);
    }

    /** On Lettuce's I/O thread: hand the payload to its room's serial executor. */
    private void received(String channel, String payload) {
        if (!channel.startsWith(keys.channelPrefix())) {
            return;
        }
        Feed f = feeds.get(channel.substring(keys.channelPrefix().length()));
        if (f != null) {
            f.serial.execute(() -> handle(f, payload));
        }
    }

    /** On the room's serial executor. */
    private void handle(Feed f, String payload) {
        int a = payload.indexOf('\n');
        int b = payload.indexOf('\n', a + 1);
        if (payload.startsWith("m\n")) {
            int c = payload.indexOf('\n', b + 1);
            long seq = Long.parseLong(payload.substring(a + 1, b));
            if (seq <= f.last) {
                gateOf(payload.substring(b + 1, c)); // its gate is not needed any more
                return; // delivered already (or numbered below what this node has seen)
            }
            if (seq > f.last + 1) {
                fill(f, seq);
            }
            deliver(f, seq, payload.substring(b + 1, c), history.decode(payload.substring(c + 1), seq));
        } else if (payload.startsWith("e\n")) {
            String except = payload.substring(a + 1, b);
            ServerMessage event;
            try {
                event = codec.decodeServer(payload.substring(b + 1));
            } catch (java.io.IOException e) {
                LOG.warn("a room event could not be read");
                return;
            }
            Subscriber s = f.subscriber;
            if (s != null && feeds.get(f.room) == f) {
                s.deliver(f.room, event, except.isEmpty() ? null : except);
            }
        }
    }

    /** Delivers the kept messages between what was delivered and {@code upTo} (exclusive). */
    private void fill(Feed f, long upTo) {
        try {
            for (RedisHistory.Entry e : history.entries(f.room)) {
                if (e.seq() > f.last && e.seq() < upTo) {
                    deliver(f, e.seq(), e.origin(), e.message());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("a gap in room numbering could not be filled: {}", e.getClass().getSimpleName());
        }
    }

    private void deliver(Feed f, long seq, String origin, ServerMessage.Message m) {
        awaitAccepted(origin);
        f.last = seq;
        saw(f.room, seq);
        Subscriber s = f.subscriber;
        if (s != null && feeds.get(f.room) == f) {
            s.deliver(f.room, m, null);
        }
    }

    /** A message this node published is delivered only after its {@code accepted} ran. */
    private void awaitAccepted(String origin) {
        CompletableFuture<Void> gate = gateOf(origin);
        if (gate != null) {
            try {
                gate.get(acceptWaitMs, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warn("delivered a message whose publisher did not finish in time");
            }
        }
    }

    /** Takes the gate of a publish of this node ({@code origin} is {@code nodeId:token}), or null. */
    private CompletableFuture<Void> gateOf(String origin) {
        if (!origin.startsWith(nodeId + ":")) {
            return null;
        }
        return pending.remove(Long.parseLong(origin.substring(nodeId.length() + 1)));
    }

    /** After a new pub/sub connection: each room delivers what it missed, from its stream. */
    private void catchUpAll() {
        for (Feed f : feeds.values()) {
            f.serial.execute(() -> fill(f, Long.MAX_VALUE));
        }
    }

    /** Stops delivering (the link stays open). */
    void close() {
        feeds.clear();
        pool.shutdownNow();
    }
}
