package org.kindred.server.broker.redis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.kindred.server.broker.History;
import org.kindred.server.broker.HistoryContract;
import org.kindred.server.testing.RedisServer;

/** The {@link History} contract over a real Redis stream. */
class RedisHistoryTest extends HistoryContract {
    private RedisNodes nodes;
    private RedisLink link;

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
        link = nodes.link();
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected History history() {
        return new RedisHistory(link, RedisNodes.freshPrefix(), SIZE, AGE_MS);
    }

    @Override
    protected History keepingNothing() {
        return new RedisHistory(link, RedisNodes.freshPrefix(), 0, AGE_MS);
    }
}
