package org.kindred.server.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.testing.RedisServer;

/**
 * Staff events over a real Redis: the contract, with three nodes on one channel; and what a Redis
 * outage does (every node resyncs when it is back, and events flow again without a restart).
 */
class RedisClusterEventsTest extends ClusterEventsContract {
    private final String channel = "kindred:test-staff-" + System.nanoTime(); // tests do not hear one another

    @Override
    protected ClusterEvents newNode() {
        return RedisClusterEvents.connect(RedisURI.create(RedisServer.shared().uri()), channel, Duration.ofSeconds(2));
    }

    @Override
    protected int maxNodes() {
        return 3;
    }

    @Test
    void afterARedisRestartEveryNodeResyncsAndEventsFlowAgain() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            List<ClusterEvents> nodes = new ArrayList<>();
            List<Heard> heard = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    ClusterEvents e = RedisClusterEvents.connect(RedisURI.create(redis.uri()), channel,
                            Duration.ofSeconds(1));
                    nodes.add(e);
                    awaitUp(e);
                    Heard h = new Heard();
                    e.subscribe(h);
                    heard.add(h);
                }
                ClusterEvents a = nodes.get(0);
                ClusterEvents b = nodes.get(1);
                a.publish(StaffChange.unban("ban_before", a.nodeId()));
                assertEquals(1, heard.get(1).await(1).size());
                int resyncsBefore = heard.get(1).resyncs;

                redis.stopServer();
                long end = System.currentTimeMillis() + 10_000;
                while ((a.isUp() || b.isUp()) && System.currentTimeMillis() < end) {
                    Thread.sleep(10);
                }
                assertFalse(a.isUp(), "the outage is seen");
                b.publish(StaffChange.ban("ban_lost", "u_1", b.nodeId())); // cannot reach anyone: a resync is owed
                redis.startServer();
                awaitUp(a);
                awaitUp(b);
                for (Heard h : heard) {
                    assertTrue(h.awaitResyncs(resyncsBefore + 1) > resyncsBefore, "told to reload after the outage");
                }
                a.publish(StaffChange.unban("ban_after", a.nodeId()));
                List<StaffChange> got = heard.get(1).await(2);
                assertEquals(List.of("ban_before", "ban_after"), got.stream().map(StaffChange::banId).toList(),
                        "events flow again; the lost one is not replayed (the resync covers it)");
            } finally {
                nodes.forEach(ClusterEvents::close);
            }
        }
    }

    @Test
    void aHeldMessagesDecisionCrossesWithItsRoomWriterAndMessage() throws Exception {
        ClusterEvents a = newNode();
        ClusterEvents b = newNode();
        try {
            awaitUp(a);
            awaitUp(b);
            Heard heard = new Heard();
            b.subscribe(heard);
            a.publish(StaffChange.held("general", "u_writer", "m_held", a.nodeId()));
            StaffChange got = heard.await(1).get(0);
            assertEquals(StaffChange.Kind.HELD, got.kind());
            assertEquals("general", got.room());
            assertEquals("u_writer", got.memberId());
            assertEquals("m_held", got.heldMsg());
            assertEquals(a.nodeId(), got.origin());
        } finally {
            a.close();
            b.close();
        }
    }
}
