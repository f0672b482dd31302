package org.kindred.server.broker.redis;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Values a node leaves in Redis for whichever node comes for them first, each for a limited
 * time: a dropped member's session, parked so that the member may resume on any node. Neither
 * call waits. Keys are {@code <prefix>park:<key>}; values are opaque here and never logged.
 */
public final class RedisParking {
    private final RedisLink link;
    private final String prefix;

    RedisParking(RedisLink link, String prefix) {
        this.link = link;
        this.prefix = prefix + "park:";
    }

    /** Leaves {@code value} under {@code key} for {@code ttlMillis} (replacing any); best effort. */
    public void park(String key, String value, long ttlMillis) {
        link.setLater(prefix + key, value, ttlMillis);
    }

    /**
     * Takes the value under {@code key}: of several takers at most one gets it, after which it is
     * gone. Completes with empty when there is none, exceptionally when Redis is unreachable.
     */
    public CompletionStage<Optional<String>> take(String key) {
        return link.takeAsync(prefix + key).thenApply(Optional::ofNullable);
    }
}
