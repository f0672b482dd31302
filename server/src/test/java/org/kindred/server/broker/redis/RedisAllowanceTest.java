package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.session.NewSessions;
import org.kindred.server.session.NewSessionsContract;
import org.kindred.server.testing.RedisServer;

/** The {@link NewSessions} contract over a real Redis ({@link RedisAllowance}, GCRA), and what nodes share. */
class RedisAllowanceTest extends NewSessionsContract {
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
    protected NewSessions newSessions() {
        return new RedisAllowance(nodes.link(), RedisNodes.freshPrefix(), "s", LIMITS.newBurst(),
                LIMITS.newPerMinute() / 60.0)::take;
    }

    /** One node's allowances, all nodes under {@link #prefix}. */
    private RedisAllowance node() {
        return new RedisAllowance(nodes.link(), prefix, "s", LIMITS.newBurst(), LIMITS.newPerMinute() / 60.0);
    }

    @Test
    void aNetworkOpeningSessionsOnEveryNodeInTurnHasOneAllowance() {
        NewSessions[] onNode = {node()::take, node()::take, node()::take};
        for (int i = 0; i < 3; i++) {
            assertEquals(0, take(onNode[i], "net-a", t), "session " + i + " on node " + i);
        }
        for (NewSessions n : onNode) {
            assertTrue(take(n, "net-a", t) > 0, "the burst is spent on every node");
        }
    }

    @Test
    void theKeyHoldsNoAddressAndExpiresWhenTheAllowanceIsWholeAgain() {
        take(node()::take, "0123abcd", System.currentTimeMillis());
        var redis = nodes.link().sync();
        assertEquals(Set.of(prefix + "{rate}:s:0123abcd"), new java.util.HashSet<>(redis.keys(prefix + "*")));
        long ttl = redis.pttl(prefix + "{rate}:s:0123abcd");
        assertTrue(ttl > 0 && ttl <= 1_001, "one session of a network is back in a second: " + ttl);
    }
}
