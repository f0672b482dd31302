package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One kind of allowance shared by the nodes, per opaque key (e.g. new sessions per network
 * fingerprint): GCRA as in {@link RedisRateLimits}, one Lua script per take, the key
 * {@code <prefix>{rate}:<kind>:<key>} holding the theoretical arrival time of the next take (epoch
 * ms) and expiring when the bucket would be full again. A key is a keyed hash or an id, never an
 * address. {@link #take} never waits. Thread-safe.
 */
public final class RedisAllowance {
    /** {@link RedisRateLimits#TAKE} with one key. KEYS: the key. ARGV: now, the ms between takes, the burst tolerance (ms). */
    private static final Script TAKE = RedisRateLimits.TAKE;

    private final RedisLink link;
    private final String prefix;
    private final String every;
    private final String tolerance;

    /**
     * @param link the node's connections
     * @param prefix the keys' prefix (the same on every node)
     * @param kind what is counted, a short word without braces or colons (e.g. {@code s})
     * @param burst takes a key may make at once, {@code >= 1}
     * @param perSecond a key's refill, takes per second, {@code > 0}
     */
    RedisAllowance(RedisLink link, String prefix, String kind, int burst, double perSecond) {
        if (burst < 1 || !(perSecond > 0) || kind.isEmpty() || kind.matches(".*[{}:].*")) {
            throw new IllegalArgumentException("kind " + kind + ", burst " + burst + ", rate " + perSecond
                    + " (expected: a kind without braces or colons, burst >= 1, rate > 0)");
        }
        this.link = link;
        this.prefix = prefix + "{rate}:" + kind + ":";
        double ms = 1000.0 / perSecond;
        this.every = String.valueOf(ms);
        this.tolerance = String.valueOf(ms * (burst - 1));
        link.preload(TAKE);
    }

    /**
     * Takes one from {@code key}'s allowance at {@code nowMillis} (epoch ms, the caller's clock). A
     * null key (unknown) is never limited.
     *
     * @return completes with 0 when allowed (taken), else with the ms to wait ({@code >= 1}, nothing
     *     taken); exceptionally when Redis could not answer (at once while it is known to be down)
     */
    public CompletionStage<Long> take(String key, long nowMillis) {
        if (key == null) {
            return CompletableFuture.completedFuture(0L);
        }
        return link.runAsync(TAKE, ScriptOutputType.INTEGER, new String[] {prefix + key},
                String.valueOf(nowMillis), every, tolerance);
    }
}
