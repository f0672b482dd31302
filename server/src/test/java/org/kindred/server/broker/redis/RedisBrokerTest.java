package org.kindred.server.broker.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.BrokerContract;
import org.kindred.server.broker.History;
import org.kindred.server.testing.RedisServer;

/** The {@link Broker} contract over a real Redis (skipped without redis-server, failing with CI=true). */
class RedisBrokerTest extends BrokerContract {
    private RedisServer redis;
    private RedisNodes nodes;
    private History history;

    @BeforeEach
    void start() {
        redis = RedisServer.shared();
        nodes = new RedisNodes(redis);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected Broker broker() {
        RedisNodes.Node n = nodes.node(RedisNodes.freshPrefix(), 1000, 60_000);
        history = n.history();
        return n.broker();
    }

    @Override
    protected History history() {
        return history;
    }

    /** The room's stream key holds a string, so the script's XADD fails (WRONGTYPE). */
    @Override
    protected Broker brokerWhoseStoreFails() {
        String prefix = RedisNodes.freshPrefix();
        try {
            redis.command("SET", prefix + "{calm}:hist", "not a stream");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return nodes.node(prefix, 1000, 60_000).broker();
    }
}
