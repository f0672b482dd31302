package org.kindred.server.broker.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kindred.server.broker.Presence;
import org.kindred.server.broker.PresenceContract;
import org.kindred.server.testing.RedisServer;

/** The {@link Presence} contract over a real Redis. */
class RedisPresenceTest extends PresenceContract {
    private RedisNodes nodes;

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected Presence presence() {
        return nodes.presence(RedisNodes.freshPrefix(), "n_a", 10_000);
    }
}
