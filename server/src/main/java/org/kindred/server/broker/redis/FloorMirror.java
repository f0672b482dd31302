package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kindred.server.store.SeqFloorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy in Redis of every room's numbering floor, so that a room can begin its numbering while
 * the store is unreachable. Keys (no expiry, one hash slot): {@code {floors}:all}, a hash of room
 * id to a value at or above every {@code seq} the room used while this Redis lives, and
 * {@code {floors}:whole}, present once a node copied the whole store into the hash on this Redis
 * (so a room missing from the hash has floor 0: a brand-new room starts at 1).
 *
 * <p>Every ceiling is set only after the hash holds at least its value ({@link FloorWriter}
 * raises the hash first), so a value in the hash is a floor for this Redis's life. Values raised
 * in Redis alone while the store was down ({@linkplain FloorWriter provisional} ones) are written
 * back to the store by {@link #reconcile}, which also copies the store into the hash: within a
 * second when the copy is not whole or the store failed lately (3 s after a failed copy: the
 * store's threads are few), every 30 s otherwise, on the store's threads. Thread-safe.
 */
final class FloorMirror implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FloorMirror.class);
    /** How often a node copies floors both ways when nothing failed, ms. */
    static final long FULL_EVERY_MS = 30_000;
    /** How often it checks the copy is whole, ms. */
    static final long TICK_MS = 1_000;
    /** How long after a failed copy the next is tried (the store's threads are few), ms. */
    static final long RETRY_MS = 3_000;
    private static final int PAIRS_PER_CALL = 200;

    /** KEYS: hash. ARGV: room, value pairs. Raises each room's value to at least the one given. */
    static final Script MERGE = Script.of("""
            for i = 1, #ARGV, 2 do
              local c = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '-1')
              if tonumber(ARGV[i + 1]) > c then redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            end
            return 1
            """);

    /** KEYS: hash, whole. ARGV: room. Returns {whole (1 or 0), the room's value or -1}. */
    static final Script READ = Script.of("""
            local v = redis.call('HGET', KEYS[1], ARGV[1])
            return {redis.call('EXISTS', KEYS[2]), tonumber(v or '-1')}
            """);

    /** KEYS: whole. Marks the copy whole. */
    static final Script MARK = Script.of("""
            redis.call('SET', KEYS[1], '1')
            return 1
            """);

    private final RedisLink link;
    private final String hash;
    private final String whole;
    private final SeqFloorStore store;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean storeDown;
    private volatile long nextFull;
    private volatile long retryAt;
    private volatile ScheduledFuture<?> ticks;

    /**
     * @param link the node's connections
     * @param prefix the keys' prefix shared by the nodes
     * @param store the floors' durable home
     * @param executor the store's threads, where the copying runs
     */
    FloorMirror(RedisLink link, String prefix, SeqFloorStore store, Executor executor) {
        this.link = link;
        this.hash = prefix + "{floors}:all";
        this.whole = prefix + "{floors}:whole";
        this.store = store;
        this.executor = executor;
        link.preload(MERGE);
        link.preload(READ);
        link.preload(MARK);
    }

    /** Begins the periodic copying (on the link's scheduler, handing the work to the store's threads). */
    void start() {
        ticks = link.scheduler().scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Whether the store failed lately (until a copy succeeded again): callers then skip it. */
    boolean storeDown() {
        return storeDown;
    }

    /** Notes that the store failed: callers skip it, and the copying retries every second. */
    void storeFailed() {
        storeDown = true;
    }

    /**
     * Raises the given rooms' values in the hash (never lowers one); completes on Lettuce's thread.
     *
     * @param floors room id to a value, each {@code >= 0}
     */
    CompletableFuture<Void> raise(Map<String, Long> floors) {
        List<CompletableFuture<Object>> calls = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, Long> e : floors.entrySet()) {
            args.add(e.getKey());
            args.add(String.valueOf(e.getValue()));
            if (args.size() >= 2 * PAIRS_PER_CALL) {
                calls.add(link.runAsync(MERGE, ScriptOutputType.INTEGER, new String[] {hash}, args.toArray(String[]::new)));
                args.clear();
            }
        }
        if (!args.isEmpty()) {
            calls.add(link.runAsync(MERGE, ScriptOutputType.INTEGER, new String[] {hash}, args.toArray(String[]::new)));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    /**
     * What the copy says of one room.
     *
     * @param whole whether the copy holds every room's floor (a room missing from it has floor 0)
     * @param value the room's value in the copy, -1 when it has none
     */
    record Copy(boolean whole, long value) {
    }

    /**
     * The room's floor as Redis knows it (waits: not on an event loop or a Lettuce thread).
     *
     * @throws RuntimeException when Redis does not answer
     */
    Copy read(String room) {
        List<Object> r = link.run(READ, ScriptOutputType.MULTI, new String[] {hash, whole}, room);
        return new Copy((Long) r.get(0) == 1, (Long) r.get(1));
    }

    /** On the link's scheduler: hands a due copy to the store's threads, one at a time. */
    private void tick() {
        if (!link.isUp() || System.currentTimeMillis() < retryAt || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    if (storeDown || System.currentTimeMillis() >= nextFull || link.sync().exists(whole) == 0) {
                        reconcile();
                    }
                } catch (RuntimeException e) {
                    retryAt = System.currentTimeMillis() + RETRY_MS;
                    LOG.debug("room numbering floors were not copied: {}", e.getClass().getSimpleName());
                } finally {
                    running.set(false);
                }
            });
        } catch (RuntimeException e) { // shutting down
            running.set(false);
        }
    }

    /**
     * Copies both ways (waits for the store and Redis): values Redis holds above the store's are
     * written to the store, the store's values above Redis's into the hash, and the copy is
     * marked whole when all of it ran on one Redis connection.
     *
     * @throws RuntimeException when the store or Redis failed (nothing is marked whole)
     */
    void reconcile() {
        long generation = link.generation();
        Map<String, Long> stored;
        try {
            stored = store.all();
        } catch (RuntimeException e) {
            storeDown = true;
            throw e;
        }
        Map<String, Long> back = new HashMap<>();
        for (Map.Entry<String, String> e : link.sync().hgetall(hash).entrySet()) {
            long v = Long.parseLong(e.getValue());
            if (v > stored.getOrDefault(e.getKey(), 0L)) {
                back.put(e.getKey(), v);
            }
        }
        if (!back.isEmpty()) {
            try {
                store.raise(back);
            } catch (RuntimeException e) {
                storeDown = true;
                throw e;
            }
            LOG.info("room numbering floors kept in redis were written to the store rooms={}", back.size());
        }
        storeDown = false;
        try {
            raise(stored).get(RedisEngines.COMMAND_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the floors could not be copied to redis", e);
        }
        try { // only on the connection the store was read after: this Redis lacks no floor
            link.runAsyncOn(generation, MARK, ScriptOutputType.INTEGER, new String[] {whole})
                    .get(RedisEngines.COMMAND_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the copy of the floors was not marked whole", e);
        }
        nextFull = System.currentTimeMillis() + FULL_EVERY_MS;
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = ticks;
        if (t != null) {
            t.cancel(false);
        }
    }
}
