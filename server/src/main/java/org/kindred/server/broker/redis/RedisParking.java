package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions' records, left in Redis so that another node can take a session over, each of which at
 * most one node ever takes. Three keys per resume token hash {@code <h>} (values are opaque here and
 * never logged):
 * <ul>
 *   <li>{@code park:<h>}: the record of a session whose connection dropped, for the resume window;</li>
 *   <li>{@code kept:<h>}: events a dropped session kept for its resume (notices, presence changes
 *       …, never messages; the values opaque here), oldest first, for the resume window;</li>
 *   <li>{@code live:<h>}: {@code "<node>|<record>"} for a session still connected to {@code <node>},
 *       rewritten when the session's rooms change and refreshed now and then (a few minutes'
 *       TTL), or a marker: {@code taken} (another node has the session; nothing may bring the
 *       record back) or {@code parked} (it dropped: only {@code park:<h>} counts).</li>
 * </ul>
 * A node's heartbeat leaves the Redis time of its last refresh under {@code nodeseen:<node>}
 * ({@link RedisPresence}); {@link #take} hands it out with a live record, and refuses the record of
 * a node that has not been seen for longer than the resume window. Every call is one script
 * (atomic) and none waits. Thread-safe.
 */
public final class RedisParking {
    private static final Logger LOG = LoggerFactory.getLogger(RedisParking.class);
    /** KEYS: live. ARGV: value, ttl ms. Writes unless taken or parked. */
    private static final Script PUT = Script.of("""
            local v = redis.call('GET', KEYS[1])
            if v == 'taken' or v == 'parked' then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            return 1
            """);
    /** KEYS: park, live. ARGV: value, window ms. Parks unless taken. */
    private static final Script PARK = Script.of("""
            if redis.call('GET', KEYS[2]) == 'taken' then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
            redis.call('SET', KEYS[2], 'parked', 'PX', ARGV[2])
            return 1
            """);
    /**
     * KEYS: park, live, kept. ARGV: node key prefix, seen key prefix, window ms, marker ttl ms. A
     * parked record comes with the events kept for it (and they go).
     */
    private static final Script TAKE = Script.of("""
            local v = redis.call('GET', KEYS[1])
            if v then
              redis.call('DEL', KEYS[1])
              redis.call('SET', KEYS[2], 'taken', 'PX', ARGV[4])
              local out = {'parked', v}
              local kept = redis.call('LRANGE', KEYS[3], 0, -1)
              redis.call('DEL', KEYS[3])
              for i = 1, #kept do out[#out + 1] = kept[i] end
              return out
            end
            v = redis.call('GET', KEYS[2])
            if not v or v == 'parked' then return {} end
            if v == 'taken' then return {'taken'} end
            local node, rec = string.match(v, '^([^|]*)|(.*)$')
            if not node then return {} end
            local seen = redis.call('GET', ARGV[2] .. node)
            if redis.call('EXISTS', ARGV[1] .. node) == 0 then
              local t = redis.call('TIME')
              local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
              if not seen or now - tonumber(seen) > tonumber(ARGV[3]) then
                redis.call('DEL', KEYS[2])
                return {}
              end
            end
            redis.call('SET', KEYS[2], 'taken', 'PX', ARGV[4])
            return {'live', rec, seen or '', node}
            """);
    /** KEYS: park, live, kept. Removes them, but never a taken marker. */
    private static final Script FORGET = Script.of("""
            redis.call('DEL', KEYS[1], KEYS[3])
            if redis.call('GET', KEYS[2]) ~= 'taken' then redis.call('DEL', KEYS[2]) end
            return 1
            """);
    /** KEYS: kept. ARGV: event, most kept, ttl ms. Appends, keeping the newest, and expires with the window. */
    private static final Script KEEP = Script.of("""
            redis.call('RPUSH', KEYS[1], ARGV[1])
            redis.call('LTRIM', KEYS[1], -tonumber(ARGV[2]), -1)
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1
            """);
    /** KEYS: kept. Everything kept, oldest first; it goes. */
    private static final Script DRAIN = Script.of("""
            local kept = redis.call('LRANGE', KEYS[1], 0, -1)
            redis.call('DEL', KEYS[1])
            return kept
            """);
    private static final Script IS_TAKEN = Script.of("""
            return redis.call('GET', KEYS[1]) == 'taken' and 1 or 0
            """);
    /** KEYS: a room's history stream. ARGV: Redis time ms. The seq of its last entry added by then, or 0. */
    private static final Script SEQ_AT = Script.of("""
            local e = redis.call('XREVRANGE', KEYS[1], ARGV[1], '-', 'COUNT', 1)
            if #e == 0 then return 0 end
            local f = e[1][2]
            for i = 1, #f, 2 do
              if f[i] == 'seq' then return tonumber(f[i + 1]) end
            end
            return 0
            """);

    /** What {@link #take} found. */
    public enum Found {
        /** A dropped session's record ({@link Taken#value()}). */
        PARKED,
        /** A connected session's record, of node {@link Taken#node()}, last seen at {@link Taken#seenAt()}. */
        LIVE,
        /** Another node took the session over: it is not to be resumed here. */
        TAKEN,
        /** Nothing (never recorded, ended, expired, or lost with Redis's data). */
        NONE
    }

    /**
     * What a {@link #take} got.
     *
     * @param found  which kind of record
     * @param value  the record (for {@link Found#PARKED} and {@link Found#LIVE}), else null
     * @param node   the node that held a live record, else null
     * @param seenAt the Redis time (epoch ms) of that node's last heartbeat; 0 when unknown or not live
     * @param kept   the events kept for a parked record ({@link #keep}), oldest first; else empty
     */
    public record Taken(Found found, String value, String node, long seenAt, List<String> kept) {
        static final Taken NONE = new Taken(Found.NONE, null, null, 0, List.of());

        public Taken {
            kept = kept == null ? List.of() : List.copyOf(kept);
        }
    }

    private final RedisLink link;
    private final RedisKeys keys;
    private final String park;
    private final String live;
    private final String kept;
    private final long markerTtlMillis;

    /**
     * @param link the node's connections
     * @param prefix the keys' prefix (the same on every node)
     * @param markerTtlMillis how long a {@code taken} marker stays, ms ({@code > 0}; longer than any
     *     record it replaces may still be written by a node that has not heard of the takeover)
     */
    RedisParking(RedisLink link, String prefix, long markerTtlMillis) {
        if (markerTtlMillis <= 0) {
            throw new IllegalArgumentException("markerTtlMillis: " + markerTtlMillis + " (expected: > 0)");
        }
        this.link = link;
        this.keys = new RedisKeys(prefix);
        this.park = prefix + "park:";
        this.live = prefix + "live:";
        this.kept = prefix + "kept:";
        this.markerTtlMillis = markerTtlMillis;
        for (Script s : List.of(PUT, PARK, TAKE, FORGET, KEEP, DRAIN, IS_TAKEN, SEQ_AT)) {
            link.preload(s);
        }
    }

    private String[] pair(String key) {
        return new String[] {park + key, live + key};
    }

    private String[] all(String key) {
        return new String[] {park + key, live + key, kept + key};
    }

    private void later(Script s, String[] k, String... args) {
        link.<Long>runAsync(s, ScriptOutputType.INTEGER, k, args).exceptionally(e -> {
            LOG.debug("a session record was not written: {}", e.getClass().getSimpleName());
            return null;
        });
    }

    /**
     * Records {@code value} of a connected session of this node {@code node} under {@code key} for
     * {@code ttlMillis} (replacing the last), unless the session was taken over or parked meanwhile.
     * Best effort, in the order of the calls.
     */
    public void putLive(String key, String node, String value, long ttlMillis) {
        later(PUT, new String[] {live + key}, node + "|" + value, String.valueOf(ttlMillis));
    }

    /**
     * Parks {@code value} under {@code key} for {@code ttlMillis} (its connection dropped), unless
     * another node took the session over. Best effort.
     */
    public void park(String key, String value, long ttlMillis) {
        later(PARK, pair(key), value, String.valueOf(ttlMillis));
    }

    /** Removes what is recorded under {@code key} (the session ended); a {@code taken} marker stays. Best effort. */
    public void forget(String key) {
        later(FORGET, all(key));
    }

    /**
     * Takes the record under {@code key}: of several takers (on any nodes) at most one gets it,
     * after which it is marked taken. A live record of a node neither alive nor seen within
     * {@code windowMillis} is dropped (NONE). Completes on a Lettuce thread, exceptionally when
     * Redis is unreachable.
     */
    public CompletionStage<Taken> take(String key, long windowMillis) {
        CompletableFuture<List<Object>> got = link.runAsync(TAKE, ScriptOutputType.MULTI, all(key),
                keys.nodePrefix(), seenPrefix(), String.valueOf(windowMillis), String.valueOf(markerTtlMillis));
        return got.thenApply(r -> {
            if (r == null || r.isEmpty()) {
                return Taken.NONE;
            }
            return switch (String.valueOf(r.get(0))) {
                case "parked" -> new Taken(Found.PARKED, (String) r.get(1), null, 0, strings(r.subList(2, r.size())));
                case "live" -> new Taken(Found.LIVE, (String) r.get(1), (String) r.get(3),
                        ((String) r.get(2)).isEmpty() ? 0 : Long.parseLong((String) r.get(2)), List.of());
                case "taken" -> new Taken(Found.TAKEN, null, null, 0, List.of());
                default -> Taken.NONE;
            };
        });
    }

    private static List<String> strings(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    /**
     * Keeps {@code event} (an opaque value) for the dropped session recorded under {@code key}, after
     * those kept before, at most {@code most} (the oldest go), for {@code ttlMillis} from now; a
     * {@link #take} of the parked record hands them out. Best effort, in the order of the calls.
     */
    public void keep(String key, String event, int most, long ttlMillis) {
        later(KEEP, new String[] {kept + key}, event, String.valueOf(most), String.valueOf(ttlMillis));
    }

    /**
     * The events kept under {@code key} since the last {@link #take} or drain, oldest first (they
     * go). Completes on a Lettuce thread, exceptionally when Redis is unreachable.
     */
    public CompletionStage<List<String>> drain(String key) {
        CompletableFuture<List<Object>> got = link.runAsync(DRAIN, ScriptOutputType.MULTI, new String[] {kept + key});
        return got.thenApply(r -> r == null ? List.of() : strings(r));
    }

    /**
     * Whether the session recorded under {@code key} was taken over by another node. Completes on
     * a Lettuce thread, exceptionally when Redis is unreachable.
     */
    public CompletionStage<Boolean> isTaken(String key) {
        CompletableFuture<Long> got = link.runAsync(IS_TAKEN, ScriptOutputType.INTEGER, new String[] {live + key});
        return got.thenApply(v -> v != null && v == 1);
    }

    /**
     * The {@code seq} of the last message of {@code room} kept in its history that Redis added at
     * or before {@code redisMillis} (Redis time, epoch ms), or 0 when none is kept. Completes on a
     * Lettuce thread, exceptionally when Redis is unreachable.
     */
    public CompletionStage<Long> seqAt(String room, long redisMillis) {
        CompletableFuture<Long> got = link.runAsync(SEQ_AT, ScriptOutputType.INTEGER,
                new String[] {keys.history(room)}, String.valueOf(redisMillis));
        return got.thenApply(v -> v == null ? 0L : v);
    }

    /**
     * Which connection to Redis this node has now: a different number after every reconnect (when
     * Redis may have restarted empty, and the records must be written again).
     */
    public long connection() {
        return link.generation();
    }

    private String seenPrefix() {
        return keys.seenPrefix();
    }
}
