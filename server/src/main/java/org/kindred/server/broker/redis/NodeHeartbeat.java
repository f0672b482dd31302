package org.kindred.server.broker.redis;

import io.lettuce.core.ScriptOutputType;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Proves to the other nodes that this node lives: every third of {@code ttlMillis}, on the link's
 * scheduler, sets the key {@code node:<id>} to expire after {@code ttlMillis} and leaves the Redis time of
 * the refresh under {@code nodeseen:<id>} (kept {@link #SEEN_TTL_MS}, read by {@link RedisParking}). When
 * the refreshes stop (the node died, or {@link #stop}), the node's presence entries vanish for every node
 * within the TTL ({@link RedisPresence}'s scripts drop them). A refresh that fails (Redis unreachable) is
 * logged at debug and tried again at the next tick. Thread-safe.
 */
final class NodeHeartbeat {
    /** How long the time of a node's last heartbeat is kept, ms. */
    static final long SEEN_TTL_MS = 24 * 3600_000L;
    private static final Logger LOG = LoggerFactory.getLogger(NodeHeartbeat.class);
    /** KEYS: node, nodeseen. ARGV: ttl ms, seen ttl ms. The liveness key, and the Redis time it was refreshed at. */
    private static final Script HEARTBEAT = Script.of("""
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
            local t = redis.call('TIME')
            redis.call('SET', KEYS[2], string.format('%.0f', tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)),
                'PX', ARGV[2])
            return 1
            """);

    private final RedisLink link;
    private final String[] keys;
    private final long ttlMillis;
    private final ScheduledFuture<?> schedule;

    /**
     * Refreshes now and then every {@code ttlMillis / 3}.
     *
     * @param link the node's connections (its scheduler runs the refreshes)
     * @param keys the keys' names
     * @param nodeId this node's id
     * @param ttlMillis how long the node counts as alive after a refresh, ms, {@code >= 3}
     */
    NodeHeartbeat(RedisLink link, RedisKeys keys, String nodeId, long ttlMillis) {
        this.link = link;
        this.keys = new String[] {keys.nodePrefix() + nodeId, keys.seenPrefix() + nodeId};
        this.ttlMillis = ttlMillis;
        this.schedule = link.scheduler().scheduleWithFixedDelay(this::refresh, 0, ttlMillis / 3,
                TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            link.run(HEARTBEAT, ScriptOutputType.INTEGER, keys, String.valueOf(ttlMillis),
                    String.valueOf(SEEN_TTL_MS));
        } catch (RuntimeException e) {
            LOG.debug("node liveness not refreshed: {}", e.getClass().getSimpleName());
        }
    }

    /** Stops the refreshes (one running finishes); the link stays open. */
    void stop() {
        schedule.cancel(false);
    }
}
