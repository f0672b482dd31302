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
 * Raises the rooms' numbering floors in the store, then each room's ceiling in Redis to the
 * same value (never the other way round: a ceiling in Redis is always a value the store holds
 * durably). Requests made while a write is pending are merged, per room the highest, into one
 * batch: one transaction for every room in it. Writes run on the store's executor, never on an
 * event loop or a Lettuce thread. Thread-safe.
 */
final class FloorWriter {
    private static final Logger LOG = LoggerFactory.getLogger(FloorWriter.class);
    /** KEYS: ceil. ARGV: a floor the store holds. Raises the ceiling to it, never lowers it. */
    static final Script RAISE_CEILING = Script.of("""
            local c = tonumber(redis.call('GET', KEYS[1]) or '0')
            if tonumber(ARGV[1]) > c then redis.call('SET', KEYS[1], ARGV[1]) end
            return 1
            """);

    private final SeqFloorStore store;
    private final Executor executor;
    private final RedisLink link;
    private final RedisKeys keys;
    private final long waitMs;
    private Map<String, Long> wanted = new HashMap<>();
    private CompletableFuture<Void> batch = new CompletableFuture<>();
    private boolean scheduled;

    /**
     * @param store where the floors are kept
     * @param executor the store's threads (blocking work)
     * @param link the node's connections
     * @param keys the rooms' keys
     * @param waitMs how long the ceilings' Redis writes may take, ms
     */
    FloorWriter(SeqFloorStore store, Executor executor, RedisLink link, RedisKeys keys, long waitMs) {
        this.store = store;
        this.executor = executor;
        this.link = link;
        this.keys = keys;
        this.waitMs = waitMs;
        link.preload(RAISE_CEILING);
    }

    SeqFloorStore store() {
        return store;
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
            store.raise(mine);
            List<CompletableFuture<Object>> ceilings = new ArrayList<>(mine.size());
            for (Map.Entry<String, Long> e : mine.entrySet()) {
                ceilings.add(link.runAsync(RAISE_CEILING, ScriptOutputType.INTEGER,
                        new String[] {keys.ceiling(e.getKey())}, String.valueOf(e.getValue())));
            }
            CompletableFuture.allOf(ceilings.toArray(CompletableFuture[]::new)).get(waitMs, TimeUnit.MILLISECONDS);
            done.complete(null);
        } catch (Exception e) {
            LOG.warn("room numbering floors were not raised rooms={} error={}", mine.size(),
                    e.getClass().getSimpleName());
            done.completeExceptionally(e);
        }
    }
}
