package org.kindred.server.broker.redis;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.ProtocolCodec;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.BrokerException;
import org.kindred.server.broker.RequestDigest;
import org.kindred.server.common.SerialExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Broker} over Redis, for several nodes serving the same rooms. A publish is one Lua
 * script, atomic in Redis: it takes the room's next {@code seq}, appends the message to the
 * room's stream (see {@link RedisHistory}) and {@code PUBLISH}es it on the room's channel. Redis
 * runs scripts one at a time, so the channel carries a room's messages in {@code seq} order to
 * every node. Each node subscribes to the channels of its rooms; Lettuce's I/O thread only hands
 * a payload to the room's {@linkplain SerialExecutor serial executor}, where it is decoded and
 * delivered, one at a time. A node fills a gap in {@code seq} from the stream, drops what it has
 * delivered already, and after its pub/sub connection comes back catches up from the stream.
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
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final RedisLink link;
    private final RedisHistory history;
    private final RedisKeys keys;
    private final String nodeId;
    private final ProtocolCodec codec = new ProtocolCodec();
    private final ExecutorService pool;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, Long> floors = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final long acceptWaitMs;
    private final Publisher publisher;
    private volatile FloorMirror mirror;

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
     * @param link the node's connections (its pub/sub messages are routed here)
     * @param history where published messages are kept; its prefix, size and age are used
     * @param nodeId this node's id, unique among the nodes (e.g. random)
     * @param deliveryThreads threads delivering rooms' events, {@code >= 1}
     */
    public RedisBroker(RedisLink link, RedisHistory history, String nodeId, int deliveryThreads) {
        if (deliveryThreads < 1) {
            throw new IllegalArgumentException("deliveryThreads: " + deliveryThreads + " (expected: >= 1)");
        }
        this.link = link;
        this.history = history;
        this.keys = history.keys();
        this.nodeId = nodeId;
        this.acceptWaitMs = 5_000;
        int n = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(deliveryThreads, r -> {
            Thread t = new Thread(r, "kindred-redis-deliver-" + n + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.publisher = new Publisher(link, history, room -> floors.getOrDefault(room, 0L));
        link.listen(this::received);
        link.onResubscribed(this::catchUpAll);
    }

    @Override
    public void subscribe(String room, Subscriber subscriber) {
        java.util.Objects.requireNonNull(subscriber, "subscriber");
        Feed f = feeds.get(room);
        if (f != null) {
            f.subscriber = subscriber;
            return;
        }
        long last;
        try {
            String s = link.sync().get(keys.seq(room));
            last = Math.max(s == null ? 0 : Long.parseLong(s), floors.getOrDefault(room, 0L));
        } catch (RuntimeException e) {
            last = floors.getOrDefault(room, 0L); // Redis down: catch up from the stream when it is back
        }
        feeds.put(room, new Feed(room, subscriber, last));
        link.subscribe(keys.channel(room));
    }

    @Override
    public void unsubscribe(String room) {
        Feed f = feeds.remove(room);
        if (f != null) {
            f.subscriber = null;
            link.unsubscribe(keys.channel(room));
        }
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

    @Override
    public CompletionStage<ServerMessage.Message> publish(String room, MemberInfo from, String msgId, String text,
            long ts, Consumer<ServerMessage.Message> accepted) {
        return publish(room, from, msgId, text, ts, null, accepted);
    }

    @Override
    public CompletionStage<ServerMessage.Message> publish(String room, MemberInfo from, String msgId, String text,
            long ts, String requestKey, Consumer<ServerMessage.Message> accepted) {
        long token = tokens.incrementAndGet();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        pending.put(token, gate);
        CompletableFuture<Publisher.Outcome> sent;
        try {
            String json = new String(codec.encode(new ServerMessage.Message(room, msgId, 0, from, text, ts)),
                    StandardCharsets.UTF_8);
            sent = publisher.publish(new Publisher.Attempt(room, msgId,
                    requestKey == null ? null : RequestDigest.of(requestKey, text), ts, nodeId + ":" + token, json));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ServerMessage.Message> out = new CompletableFuture<>();
        sent.whenComplete((o, err) -> {
            try {
                if (err != null || o == null) {
                    out.completeExceptionally(new BrokerException("a message of room " + room + " was not published",
                            err));
                    return;
                }
                if (!o.duplicate()) {
                    floors.merge(room, o.seq(), Math::max);
                }
                ServerMessage.Message msg = new ServerMessage.Message(room, o.msgId(), o.seq(), from, text, ts);
                try {
                    accepted.accept(msg);
                } catch (RuntimeException e) {
                    LOG.warn("a publisher's accepted step failed: {}", e.getClass().getSimpleName());
                }
                out.complete(msg);
            } finally {
                gate.complete(null);
                if (!feeds.containsKey(room) || (o != null && o.duplicate())) {
                    pending.remove(token); // nothing of this token will be delivered
                }
            }
        });
        return out;
    }

    @Override
    public void broadcast(String room, ServerMessage event, String exceptMember) {
        String json = new String(codec.encode(event), StandardCharsets.UTF_8);
        link.publishLater(keys.channel(room), "e\n" + (exceptMember == null ? "" : exceptMember) + "\n" + json);
    }

    @Override
    public void close(String room) {
        unsubscribe(room);
        floors.remove(room);
        publisher.forget(room);
        try {
            link.sync().del(keys.seq(room), keys.history(room), keys.ceiling(room), keys.epoch(room));
        } catch (RuntimeException e) {
            throw new BrokerException("room " + room + " could not be forgotten", e);
        }
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
        floors.merge(f.room, seq, Math::max);
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
    @Override
    public void close() {
        FloorMirror m = mirror;
        if (m != null) {
            m.close();
        }
        feeds.clear();
        pool.shutdownNow();
    }
}
