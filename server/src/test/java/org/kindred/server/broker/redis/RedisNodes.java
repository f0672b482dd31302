package org.kindred.server.broker.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kindred.server.testing.RedisServer;

/**
 * Test nodes on one Redis: each {@link #node} has its own link and broker, all share the key
 * prefix given (so they serve the same rooms); {@link #close} ends them all.
 */
final class RedisNodes implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** One node's parts. */
    record Node(RedisLink link, RedisHistory history, RedisBroker broker) {
    }

    private final RedisServer redis;
    private final List<AutoCloseable> open = new ArrayList<>();

    RedisNodes(RedisServer redis) {
        this.redis = redis;
    }

    /** A prefix no other test uses. */
    static String freshPrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }

    RedisLink link() {
        RedisLink l = new RedisLink(redis.uri(), TIMEOUT);
        open.add(l);
        return l;
    }

    Node node(String prefix, int historySize, long historyAgeMs) {
        RedisLink l = link();
        RedisHistory h = new RedisHistory(l, prefix, historySize, historyAgeMs);
        RedisBroker b = new RedisBroker(l, h, "n_" + UUID.randomUUID().toString().substring(0, 8), 2);
        open.add(0, b);
        return new Node(l, h, b);
    }

    /** A node's presence ({@link RedisPresence#close} stops its heartbeat, as a node's death would). */
    RedisPresence presence(String prefix, String nodeId, long ttlMillis) {
        RedisPresence p = new RedisPresence(link(), prefix, nodeId, ttlMillis);
        open.add(0, p);
        return p;
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
        open.clear();
    }
}
