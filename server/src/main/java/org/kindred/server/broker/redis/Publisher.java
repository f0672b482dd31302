package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import org.kindred.server.broker.Broker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the publish script ({@link PublishScript}: retry, rules, allowance, numbering, publish)
 * for {@link RedisBroker}, and what a node does around it: a room without numbering in Redis
 * (new, or Redis lost its keys) starts a new history at the floor the node read from the store
 * just before; with durable floors a {@code seq} above the room's ceiling is refused with the
 * number wanted, and the node raises the ceiling and sends the post again (checked again then).
 *
 * <p><b>The floor rule.</b> A {@code seq} is used only when it is at most the room's ceiling in
 * Redis, and a ceiling is only ever set to a value the store already holds durably
 * ({@link FloorWriter}). So every {@code seq} ever used is at most the store's floor, and a new
 * history after a loss starts above everything used before. The node raises the floor
 * {@link #BLOCK} ahead once less than half a block is left (asynchronously, batched), so the
 * refusal is rare. A history is started only with a floor read on the same Redis connection,
 * at most {@link #FRESH_MS} old when it is claimed: a stale read could be below numbers another
 * node used since.
 * The first floor read for a room without numbering is claimed in Redis ({@link FloorWriter#claim})
 * before anyone raises the floor, and every node beginning that history uses the claimed value:
 * a node reading the floor just after another raised it for the same new history would otherwise
 * begin a thousand numbers up.
 *
 * <p>While a room waits for its floor, its later publications wait behind the refused ones and
 * are sent again in their order. Those already sent behind a refused one are refused too (the
 * script's halt, {@link PublishScript}): each send carries the room's round, a refusal halts its
 * round in Redis, and the publications are sent again in a new round, so nothing that changes the
 * room meanwhile (a ceiling raised in the background) lets a later one be numbered first. Without a floor store ({@link #durable} unset: tests, and a
 * node before its store opened) the node's own highest {@code seq} seen is the floor, as before.
 */
final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    /** Numbers reserved in the store at a time, per room. */
    static final long BLOCK = 1000;
    /** How old a floor read may be when it starts a history, ms. */
    static final long FRESH_MS = 2_000;
    /** How often one publication may be refused for its floor before it fails. */
    static final int MAX_ROUNDS = 3;

    /** One publication: its script arguments and its outcome. */
    static final class Attempt {
        final String room;
        final String msgId;
        final String digest;
        final long ts;
        final String origin;
        final String json;
        final PublishScript.Checks checks;
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        int rounds;
        /** The room's round it was last sent in (see the script's halt). */
        long round;

        /**
         * @param digest the request's digest, or null for a publication without a request id
         * @param checks what the post is checked against before it is numbered
         */
        Attempt(String room, String msgId, String digest, long ts, String origin, String json,
                PublishScript.Checks checks) {
            this.checks = checks;
            this.room = room;
            this.msgId = msgId;
            this.digest = digest;
            this.ts = ts;
            this.origin = origin;
            this.json = json;
        }
    }

    /**
     * A publication's outcome: the message's number and id and whether it was a retry's; or
     * {@code held} (not null: nothing happened) and, for slow mode, its seconds.
     */
    record Outcome(long seq, String msgId, boolean duplicate, org.kindred.server.broker.Restrictions.Hold held,
            long slowSeconds) {
    }

    private final RedisLink link;
    private final RedisKeys keys;
    private final int maxSize;
    private final long maxAgeMillis;
    private final ToLongFunction<String> nodeFloor;
    private final Map<String, RoomPublications> waiting = new ConcurrentHashMap<>();
    /** This publisher's name in its halt keys. */
    private final String id = java.util.UUID.randomUUID().toString().substring(0, 12);
    /** Rounds are drawn from one counter, so a room forgotten and used again never reuses one. */
    private final java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
    private volatile FloorWriter durable;
    private volatile long block = BLOCK;

    /**
     * @param nodeFloor the highest {@code seq} this node saw in a room (the floor without a store)
     */
    Publisher(RedisLink link, RedisHistory history, ToLongFunction<String> nodeFloor) {
        this.link = link;
        this.keys = history.keys();
        this.maxSize = history.maxSize();
        this.maxAgeMillis = history.maxAgeMillis();
        this.nodeFloor = nodeFloor;
        link.preload(PublishScript.SCRIPT);
    }

    /** From now on, numbers are reserved in {@code writer}'s store, {@code block} at a time, before they are used. */
    void durable(FloorWriter writer, long block) {
        if (block < 2) {
            throw new IllegalArgumentException("block: " + block + " (expected: >= 2)");
        }
        this.block = block;
        this.durable = writer;
    }

    /** Publishes {@code a} (never waits); its outcome completes on a Lettuce or store thread. */
    CompletableFuture<Outcome> publish(Attempt a) {
        if (waiting(a.room).admit(a)) { // else behind the refused ones, in order
            send(a, -1, -1);
        }
        return a.result;
    }

    private RoomPublications waiting(String room) {
        return waiting.computeIfAbsent(room, k -> new RoomPublications(rounds.incrementAndGet()));
    }

    /** Forgets a closed room's waiting state. */
    void forget(String room) {
        waiting.remove(room);
    }

    /** Sends the script; {@code floor} and {@code generation} are -1 unless starting a history. */
    private void send(Attempt a, long floor, long generation) {
        FloorWriter d = durable;
        String floorArg = String.valueOf(d == null ? nodeFloor.applyAsLong(a.room) : floor);
        CompletableFuture<List<Object>> f;
        try {
            f = link.runAsyncOn(d == null ? -1 : generation, PublishScript.SCRIPT, ScriptOutputType.MULTI,
                    PublishScript.keys(new String[] {keys.seq(a.room), keys.history(a.room),
                        keys.request(a.room, a.digest == null ? "" : a.digest), keys.ceiling(a.room),
                        keys.epoch(a.room), keys.halt(a.room, id)}, a.checks),
                    PublishScript.args(new String[] {keys.channel(a.room), floorArg, String.valueOf(maxSize),
                        String.valueOf(maxAgeMillis), a.msgId, String.valueOf(a.ts), a.origin, a.json,
                        a.digest == null ? "0" : String.valueOf(Broker.REQUEST_WINDOW_MS), d == null ? "0" : "1",
                        String.valueOf(a.round)},
                        a.checks));
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.whenComplete((r, err) -> answered(a, r, err));
    }

    /** On Lettuce's I/O thread: completes the attempt, or queues it for its floor. */
    private void answered(Attempt a, List<Object> r, Throwable err) {
        RoomPublications w = waiting(a.room);
        try {
            answered(a, w, r, err);
        } finally {
            w.answered(); // after a refused one joined the queue
        }
    }

    private void answered(Attempt a, RoomPublications w, List<Object> r, Throwable err) {
        if (err != null || r == null || r.size() < 5) {
            a.result.completeExceptionally(err != null ? err : new IllegalStateException("no answer from the script"));
            return;
        }
        long code = (Long) r.get(0);
        if (code == 3) { // held by the rules or the allowance: nothing happened
            a.result.complete(new Outcome(0, null, false, PublishScript.held(r), (Long) r.get(3)));
            return;
        }
        long seq = (Long) r.get(1);
        if (code == 1 || code == 2) {
            if ((Long) r.get(4) == 1 && seq > 1) {
                LOG.info("room history begins again room={} after seq={}", a.room, seq - 1);
            }
            a.result.complete(new Outcome(seq, (String) r.get(2), code == 2, null, 0));
            FloorWriter d = durable;
            if (code == 1 && d != null && (Long) r.get(3) - seq < block / 2) {
                d.raise(a.room, seq + block); // ahead of need, batched; a failure is logged and retried later
            }
            return;
        }
        FloorWriter d = durable;
        if (d == null || ++a.rounds > MAX_ROUNDS) {
            a.result.completeExceptionally(new IllegalStateException("no numbers could be reserved"));
            return;
        }
        if (w.refuse(a, code, seq)) {
            try {
                d.executor().execute(() -> repair(a.room, w, d));
            } catch (RuntimeException e) { // shutting down
                w.failAll(rounds.incrementAndGet(), e);
            }
        }
    }

    /**
     * On the store's executor: reads the floor (a new history) and raises it, then sends the
     * room's waiting publications again, in order.
     */
    private void repair(String room, RoomPublications w, FloorWriter d) {
        // those sent before the first refusal answer (or time out): no refusal comes later
        w.awaitAnswers(2 * RedisEngines.COMMAND_TIMEOUT.toNanos());
        for (int pass = 0; ; pass++) {
            RoomPublications.Need need = w.need();
            boolean history = need.history();
            long upTo = need.upTo();
            int queued = need.queued();
            long floor = -1;
            long generation = -1;
            try {
                if (history) {
                    // the store's floor (Redis's copy, the clock while it is down), or what this node saw if higher
                    FloorWriter.Floor read = d.floor(room);
                    generation = read.generation();
                    if (link.generation() != generation || System.nanoTime() - read.since() > FRESH_MS * 1_000_000L) {
                        if (pass < MAX_ROUNDS) {
                            continue; // too old to begin a history with (or to claim): read again
                        }
                        throw new IllegalStateException("the room's floor could not be read in time");
                    }
                    long seen = nodeFloor.applyAsLong(room);
                    // the first floor read for this history, whoever read it: not one raised since for it.
                    // Claimed, it holds for this history however long the raise below takes.
                    floor = Math.max(d.claim(room, Math.max(read.value(), seen), generation), seen);
                    upTo = Math.max(upTo, floor + 1);
                }
                d.raiseNow(room, upTo + queued + block);
                if (history && link.generation() != generation) {
                    if (pass < MAX_ROUNDS) {
                        continue; // another Redis now: read again
                    }
                    throw new IllegalStateException("the room's floor could not be read on one connection");
                }
                long f = floor;
                long g = generation;
                w.resend(rounds.incrementAndGet(), a -> send(a, f, g)); // in order, before anything started after them
                return;
            } catch (RuntimeException e) {
                LOG.warn("room numbering could not be reserved room={} error={}", room, e.getClass().getSimpleName());
                w.failAll(rounds.incrementAndGet(), e);
                return;
            }
        }
    }
}
