package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.moderation.RateLimits;
import org.kindred.server.moderation.RateLimitsContract;
import org.kindred.server.testing.RedisServer;

/** The {@link RateLimits} contract over a real Redis (GCRA), and what sharing it between nodes adds. */
class RedisRateLimitsTest extends RateLimitsContract {
    private RedisNodes nodes;
    private String prefix;

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
        prefix = RedisNodes.freshPrefix();
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected RateLimits limits() {
        return new RedisRateLimits(nodes.link(), prefix, MEMBER_BURST, MEMBER_RATE, NETWORK_BURST, NETWORK_RATE);
    }

    private static long take(RateLimits r, String member, String fingerprint, long now) {
        return r.take(member, fingerprint, now).toCompletableFuture().join();
    }

    @Test
    void aMemberAlternatingBetweenNodesHasOneAllowance() {
        RateLimits a = limits();
        RateLimits b = limits();
        for (int i = 0; i < MEMBER_BURST; i++) {
            assertEquals(0, take(i % 2 == 0 ? a : b, "u_1", "net", t), "send " + i);
        }
        assertEquals(10_000, take(a, "u_1", "net", t));
        assertEquals(10_000, take(b, "u_1", "net", t));
    }

    @Test
    void keysExpireWhenTheirAllowanceIsWholeAgain() {
        RateLimits r = limits();
        take(r, "u_1", "0123abcd", System.currentTimeMillis());
        var redis = nodes.link().sync();
        assertEquals(java.util.Set.of(prefix + "{rate}:m:u_1", prefix + "{rate}:n:0123abcd"),
                new java.util.HashSet<>(redis.keys(prefix + "*")));
        long member = redis.pttl(prefix + "{rate}:m:u_1");
        long network = redis.pttl(prefix + "{rate}:n:0123abcd");
        assertTrue(member > 0 && member <= 10_001, "one send of a member is back in 10 s: " + member);
        assertTrue(network > 0 && network <= 2_001, "one send of a network is back in 2 s: " + network);
    }

    @Test
    void withRedisUnreachableATakeFailsAtOnce() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        }
        RedisLink down = new RedisLink("redis://127.0.0.1:" + port, RedisNodes.TIMEOUT);
        try {
            RateLimits r = new RedisRateLimits(down, prefix, MEMBER_BURST, MEMBER_RATE, NETWORK_BURST, NETWORK_RATE);
            CompletableFuture<Long> f = r.take("u_1", null, t).toCompletableFuture();
            assertTrue(f.isCompletedExceptionally(), "failed without waiting");
        } finally {
            down.close();
        }
    }
}
