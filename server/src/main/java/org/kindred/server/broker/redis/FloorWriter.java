package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.kindred.server.store.SeqFloorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raises the rooms' numbering floors in the store, then in Redis's copy of them
 * ({@link FloorMirror}), then each room's ceiling in Redis to the same value (never the other way
 * round: a ceiling in Redis is always a value the store, or while the store is down Redis's copy,
 * holds). Requests made while a write is pending are merged, per room the highest, into one
 * batch: one transaction for every room in it. Writes run on the store's executor, never on an
 * event loop or a Lettuce thread. Thread-safe.
 *
 * <p><b>While the store is unreachable</b> chat goes on: a batch is raised in Redis alone
 * (provisionally), each value capped at the clock ({@link #clockTicks}, tenths of a millisecond),
 * and written to the store when it is back ({@link FloorMirror#reconcile}). A room whose
 * numbering Redis lost begins at Redis's copy of its floor, or, when Redis lost that too, at the
 * clock: above every provisional value ever set, and above every durable one as long as the
 * nodes' clocks agree to well within the time Redis takes to restart and no room was given ten
 * thousand numbers a second (a room numbered from the clock gets at most that many).
 */
final class FloorWriter {
    private static final Logger LOG = LoggerFactory.getLogger(FloorWriter.class);
    /** KEYS: ceil. ARGV: a floor the store (or, while it is down, Redis's copy) holds. Raises the ceiling to it, never lowers it. */
    static final Script RAISE_CEILING = Script.of("""
            local c = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > c then redis.call('SET', KEYS[1], ARGV[1]) end
            return 1
            """);

    /**
     * KEYS: seq, first. ARGV: a floor read for the room, how long the claim lasts (ms). Returns -1
     * when the room has numbering (the floor is not needed); else the room's claimed first floor,
     * claiming the one given when there is none.
     */
    static final Script CLAIM = Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then return -1 end
            local first = redis.call('GET', KEYS[2])
            if first then return tonumber(first) end
            redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
            return tonumber(ARGV[1])
            """);
    /** How long a claimed first floor lasts, ms: longer than any beginning takes. */
    static final long CLAIM_MS = 60_000;

    private final SeqFloorStore store;
    private final FloorMirror mirror;
    private final Executor executor;
    private final RedisLink link;
    private final RedisKeys keys;
    private final long waitMs;
    private Map<String, Long> wanted = new HashMap<>();
    private CompletableFuture<Void> batch = new CompletableFuture<>();
    private boolean scheduled;
    private volatile boolean provisional;

    /**
     * @param store where the floors are kept
     * @param executor the store's threads (blocking work)
     * @param link the node's connections
     * @param keys the rooms' keys
     * @param waitMs how long the ceilings' Redis writes may take, ms
     * @param mirror Redis's copy of the floors, over the same store and executor
     */
    FloorWriter(SeqFloorStore store, Executor executor, RedisLink link, RedisKeys keys, long waitMs,
            FloorMirror mirror) {
        this.store = store;
        this.mirror = mirror;
        this.executor = executor;
        this.link = link;
        this.keys = keys;
        this.waitMs = waitMs;
        link.preload(RAISE_CEILING);
        link.preload(CLAIM);
    }

    /**
     * A floor read to begin a history with.
     *
     * @param value the floor
     * @param generation the Redis connection ({@link RedisLink#generation}) it holds for
     * @param since when ({@link System#nanoTime}) the reads it rests on began
     */
    record Floor(long value, long generation, long since) {
    }

    /**
     * The floor a room's new history begins above (waits: the store's threads only): the
     * store's, or Redis's copy when higher; while the store is unreachable Redis's copy when it
     * is whole, else the clock (see the class comment). The store is not asked at all while it
     * is known down ({@link SeqFloorStore#knownDown}, or a copy or write here failed lately); a
     * store that is merely slow is waited for. A failed store read does not count in
     * {@link Floor#since}: only Redis's copy is used then.
     *
     * @throws RuntimeException when Redis does not answer
     */
    Floor floor(String room) {
        long generation = link.generation();
        long since = System.nanoTime();
        long stored = -1;
        if (!mirror.storeDown() && store.knownDown()) {
            mirror.storeFailed(); // known down (its periodic jobs failed): no wait for the pool's timeout
        }
        if (!mirror.storeDown()) {
            try {
                stored = store.floor(room);
            } catch (RuntimeException e) {
                mirror.storeFailed();
                generation = link.generation();
                since = System.nanoTime();
            }
        }
        FloorMirror.Copy copy = mirror.read(room);
        if (stored >= 0) {
            return new Floor(Math.max(stored, copy.value()), generation, since);
        }
        if (copy.whole()) {
            return new Floor(Math.max(copy.value(), 0), generation, since);
        }
        LOG.warn("room numbering begins from the clock, the store and redis's copy of its floor are both missing"
                + " room={}", room);
        return new Floor(Math.max(copy.value(), clockTicks()), generation, since);
    }

    /**
     * The floor a room's next history begins at, the same for every node (waits: the store's
     * threads only): the first value claimed since the room lost its numbering, {@code floor}
     * when this is the first claim (or the room has numbering again, where no floor is used). A
     * node claims right after reading the floor and before raising it, so a node reading the
     * floor after another raised it for the same new history still begins where that one does,
     * not a block up. A claim stays valid while the room has no numbering on this Redis: numbers
     * are used only once it has. Made on connection {@code generation} only; when another
     * connection replaced it, {@code floor} comes back and the caller, seeing the new
     * generation, reads again.
     *
     * @param floor the floor this node read, {@code >= 0}
     * @throws RuntimeException when Redis does not answer
     */
    long claim(String room, long floor, long generation) {
        try {
            Long first = link.<Long>runAsyncOn(generation, CLAIM, ScriptOutputType.INTEGER,
                    new String[] {keys.seq(room), keys.first(room)}, String.valueOf(floor), String.valueOf(CLAIM_MS))
                    .get(waitMs, TimeUnit.MILLISECONDS);
            return first < 0 ? floor : first;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while claiming the room's first floor", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            if (link.generation() != generation) {
                return floor; // the caller reads again on the new connection
            }
            throw new IllegalStateException("the room's first floor could not be claimed", e);
        }
    }

    /**
     * Tenths of a millisecond since 1970 by this node's clock: about 1.8e13 in 2027, so below
     * 1e14 until the 2280s (Redis's scripts print numbers of up to 14 digits exactly).
     */
    static long clockTicks() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 10_000L + now.getNano() / 100_000;
    }

    Executor executor() {
        return executor;
    }

    /**
     * Asks for {@code room}'s floor to be at least {@code upTo} soon, without waiting: the
     * returned stage completes when a batch holding it is durable and its ceiling set.
     */
    CompletableFuture<Void> raise(String room, long upTo) {
        CompletableFuture<Void> f;
        boolean start;
        synchronized (this) {
            wanted.merge(room, upTo, Math::max);
            f = batch;
            start = !scheduled;
            scheduled = true;
        }
        if (start) {
            try {
                executor.execute(this::flush);
            } catch (RejectedExecutionException e) { // shutting down
                synchronized (this) {
                    scheduled = false;
                }
                f.completeExceptionally(e);
            }
        }
        return f;
    }

    /**
     * Raises {@code room}'s floor to at least {@code upTo} now, with whatever else is pending,
     * on the calling thread (it waits for the store and Redis: never an event loop).
     *
     * @throws RuntimeException when the store or Redis failed (the floor may or may not be raised)
     */
    void raiseNow(String room, long upTo) {
        CompletableFuture<Void> f;
        synchronized (this) {
            wanted.merge(room, upTo, Math::max);
            f = batch;
        }
        flush();
        f.join();
    }

    private void flush() {
        Map<String, Long> mine;
        CompletableFuture<Void> done;
        synchronized (this) {
            if (wanted.isEmpty()) {
                scheduled = false;
                return;
            }
            mine = wanted;
            done = batch;
            wanted = new HashMap<>();
            batch = new CompletableFuture<>();
            scheduled = false;
        }
        try {
            Map<String, Long> values = durably(mine) ? mine : capped(mine);
            mirror.raise(values).get(waitMs, TimeUnit.MILLISECONDS); // before any ceiling: the copy is at or above them
            List<CompletableFuture<Object>> ceilings = new ArrayList<>(values.size());
            for (Map.Entry<String, Long> e : values.entrySet()) {
                ceilings.add(link.runAsync(RAISE_CEILING, ScriptOutputType.INTEGER,
                        new String[] {keys.ceiling(e.getKey())}, String.valueOf(e.getValue())));
            }
            CompletableFuture.allOf(ceilings.toArray(CompletableFuture[]::new)).get(waitMs, TimeUnit.MILLISECONDS);
            done.complete(null);
        } catch (Exception e) {
            LOG.warn("room numbering ceilings were not raised rooms={} error={}", mine.size(),
                    e.getClass().getSimpleName());
            done.completeExceptionally(e);
        }
    }

    /** Writes {@code floors} to the store unless it is known down; false when it is (or now failed). */
    private boolean durably(Map<String, Long> floors) {
        if (!mirror.storeDown()) {
            try {
                store.raise(floors);
                if (provisional) {
                    provisional = false;
                    LOG.info("room numbering floors are kept in the store again");
                }
                return true;
            } catch (RuntimeException e) {
                mirror.storeFailed();
            }
        }
        if (!provisional) {
            provisional = true;
            LOG.warn("store unreachable: room numbering floors are kept in redis until it is back");
        }
        return false;
    }

    /** Values usable without the store: at most the clock, so a clock floor is above them. */
    private static Map<String, Long> capped(Map<String, Long> wanted) {
        long cap = clockTicks();
        Map<String, Long> out = new HashMap<>(wanted.size());
        wanted.forEach((room, v) -> out.put(room, Math.min(v, cap)));
        return out;
    }
}
