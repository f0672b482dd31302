package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.broker.BrokerException;
import org.kindred.server.broker.RequestDigest;
import org.kindred.server.store.SeqFloorStore;
import org.kindred.server.testing.RedisServer;

/**
 * Publishing that never delivers twice and never numbers backwards, over real Redis: a retried
 * request (lost reply, or through another node) is delivered once; with floors in a store,
 * numbering goes on above everything used after Redis and every node restarted, numbers are
 * reserved in the store before use, in batches; a history lost with Redis's keys is reported lost.
 */
class RedisNumberingTest {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private RedisServer redis;
    private RedisNodes nodes;
    private final ExecutorService storeThreads = Executors.newFixedThreadPool(2);

    /** A store's floors, shared by the nodes (as PostgreSQL is), counting its writes. */
    static final class Floors implements SeqFloorStore {
        final Map<String, Long> floors = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();

        @Override
        public long floor(String room) {
            return floors.getOrDefault(room, 0L);
        }

        @Override
        public void raise(Map<String, Long> wanted) {
            writes.incrementAndGet();
            wanted.forEach((room, f) -> floors.merge(room, f, Math::max));
        }
    }

    @BeforeEach
    void start() {
        redis = RedisServer.shared();
        nodes = new RedisNodes(redis);
    }

    @AfterEach
    void stop() {
        nodes.close();
        storeThreads.shutdownNow();
    }

    private static ServerMessage.Message publish(Broker b, String id, String text, String request) {
        try {
            return b.publish("calm", ANN, id, text, System.currentTimeMillis(), request, m -> { })
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A node reserving {@link #BLOCK} numbers at a time in {@code floors}. */
    private RedisNodes.Node durableNode(RedisNodes on, String prefix, Floors floors) {
        RedisNodes.Node n = on.node(prefix, 50, 60_000);
        n.broker().useFloors(floors, storeThreads, BLOCK);
        return n;
    }

    /** A small block, so that a test crosses many reservations with few messages. */
    private static final long BLOCK = 20;

    @Test
    void aRetryThroughAnotherNodeIsDeliveredOnceWithTheFirstAnswer() throws Exception {
        String prefix = RedisNodes.freshPrefix();
        RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
        RedisNodes.Node b = nodes.node(prefix, 50, 60_000);
        RedisNodesTest.Seen onA = new RedisNodesTest.Seen();
        RedisNodesTest.Seen onB = new RedisNodesTest.Seen();
        a.broker().subscribe("calm", onA);
        b.broker().subscribe("calm", onB);
        ServerMessage.Message first = publish(a.broker(), "m_1", "hello", "u_1\ns7");
        ServerMessage.Message retry = publish(b.broker(), "m_other", "hello", "u_1\ns7");
        assertEquals(first.seq(), retry.seq());
        assertEquals("m_1", retry.msg());
        assertEquals(2, publish(b.broker(), "m_2", "next", "u_1\ns8").seq(), "the retry used no number");
        assertEquals(List.of("m_1", "m_2"), onA.await(2).stream().map(ServerMessage.Message::msg).toList());
        assertEquals(List.of("m_1", "m_2"), onB.await(2).stream().map(ServerMessage.Message::msg).toList());
        Thread.sleep(200);
        assertTrue(onA.got.isEmpty() && onB.got.isEmpty(), "delivered once on each node");
        long ttl = Long.parseLong(redis.command("PTTL", new RedisKeys(prefix).request("calm",
                RequestDigest.of("u_1\ns7", "hello"))));
        assertTrue(ttl > 0 && ttl <= Broker.REQUEST_WINDOW_MS, "the request is remembered for a while only: " + ttl);
    }

    @Test
    void aRetryAfterALostReplyIsDeliveredOnce() throws Exception {
        try (RedisServer own = RedisServer.start(); RedisNodes here = new RedisNodes(own)) {
            RedisNodes.Node a = here.node(RedisNodes.freshPrefix(), 50, 60_000);
            RedisNodesTest.Seen onA = new RedisNodesTest.Seen();
            a.broker().subscribe("calm", onA);
            own.command("CLIENT", "PAUSE", "4000", "WRITE"); // the script runs, but after the caller gave up (2 s)
            assertThrows(BrokerException.class, () -> publish(a.broker(), "m_1", "hello", "u_1\ns1"),
                    "no reply within the command timeout");
            assertEquals("m_1", onA.await(1).get(0).msg(), "yet it was numbered and delivered");
            ServerMessage.Message retry = publish(a.broker(), "m_1b", "hello", "u_1\ns1");
            assertEquals(1, retry.seq());
            assertEquals("m_1", retry.msg(), "the client's retry gets the sent it lost");
            Thread.sleep(300);
            assertTrue(onA.got.isEmpty(), "and nobody gets it twice");
        }
    }

    @Test
    void numbersAreReservedInTheStoreInBatchesBeforeTheyAreUsedAndOrderHoldsAcrossReservations()
            throws Exception {
        Floors floors = new Floors();
        String prefix = RedisNodes.freshPrefix();
        RedisNodes.Node a = durableNode(nodes, prefix, floors);
        RedisNodesTest.Seen onA = new RedisNodesTest.Seen();
        a.broker().subscribe("calm", onA);
        int n = 300; // fifteen blocks
        List<CompletableFuture<ServerMessage.Message>> stages = new ArrayList<>();
        List<String> unreserved = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int i = 0; i < n; i++) {
            stages.add(a.broker().publish("calm", ANN, "m_" + i, "text " + i, 1000 + i, null, m -> {
                if (m.seq() > floors.floor("calm")) {
                    unreserved.add(m.seq() + " > " + floors.floor("calm"));
                }
            }).toCompletableFuture());
        }
        for (int i = 0; i < n; i++) {
            ServerMessage.Message m = stages.get(i).get(20, TimeUnit.SECONDS);
            assertEquals("m_" + i, m.msg());
            assertEquals(i + 1, m.seq(), "started " + i + "th: numbered in the order started, no gap");
        }
        assertEquals(List.of(), unreserved, "every number was in the store before it was used");
        List<ServerMessage.Message> seen = onA.await(n);
        for (int i = 0; i < n; i++) {
            assertEquals(i + 1, seen.get(i).seq());
        }
        assertTrue(floors.writes.get() <= 2 * n / BLOCK + 2, "a write per half block at most, never per message: "
                + floors.writes.get());
        assertTrue(floors.floor("calm") >= n);
    }

    @Test
    void afterRedisAndEveryNodeRestartedNumberingGoesOnAboveAndTheLostHistoryIsReported() throws Exception {
        Floors floors = new Floors();
        String prefix = RedisNodes.freshPrefix();
        try (RedisServer own = RedisServer.start()) {
            long last;
            try (RedisNodes before = new RedisNodes(own)) {
                RedisNodes.Node a = durableNode(before, prefix, floors);
                RedisNodes.Node b = durableNode(before, prefix, floors);
                publish(a.broker(), "m_1", "one", null);
                publish(b.broker(), "m_2", "two", null);
                last = publish(a.broker(), "m_3", "three", "u_1\ns3").seq();
                assertEquals(3, last);
                assertEquals(Optional.of(List.of()), a.history().after("calm", last, System.currentTimeMillis()),
                        "nothing missed after the last one");
            }
            own.stopServer(); // memory only: every key is gone
            own.startServer();
            try (RedisNodes after = new RedisNodes(own)) {
                RedisNodes.Node c = durableNode(after, prefix, floors); // new nodes: they saw nothing
                RedisNodes.Node d = durableNode(after, prefix, floors);
                RedisNodesTest.Seen onD = new RedisNodesTest.Seen();
                d.broker().subscribe("calm", onD);
                List<CompletableFuture<ServerMessage.Message>> stages = new ArrayList<>();
                for (int i = 0; i < 20; i++) { // all at once, while the room's history is begun
                    stages.add(c.broker().publish("calm", ANN, "n_" + i, "again " + i, System.currentTimeMillis(), null, m -> { })
                            .toCompletableFuture());
                }
                long first = stages.get(0).get(10, TimeUnit.SECONDS).seq();
                assertTrue(first > last, "seq never goes backwards: " + first + " after " + last);
                for (int i = 0; i < 20; i++) {
                    assertEquals(first + i, stages.get(i).get(10, TimeUnit.SECONDS).seq(), "in the order started");
                }
                assertEquals(first, onD.await(20).get(0).seq());
                long now = System.currentTimeMillis();
                assertFalse(d.history().after("calm", last, now).isPresent(),
                        "a member who saw " + last + " is told history was lost, not handed a silent gap");
                assertEquals(20, d.history().after("calm", first - 1, now).orElseThrow().size(),
                        "the new history is whole from its start");
                assertEquals(first + 20, publish(d.broker(), "m_3x", "three", "u_1\ns3").seq(),
                        "requests are forgotten with Redis: a retry now is a new message");
            }
        }
    }

    @Test
    void aMemberWhoSawMessagesIsToldHistoryWasLostWhenRedisLostTheRoomsKeysAndNothingCameSince()
            throws Exception {
        String prefix = RedisNodes.freshPrefix();
        RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
        publish(a.broker(), "m_1", "one", null);
        publish(a.broker(), "m_2", "two", null);
        RedisKeys keys = new RedisKeys(prefix);
        redis.command("DEL", keys.seq("calm"), keys.history("calm"));
        long now = System.currentTimeMillis();
        assertFalse(a.history().after("calm", 1, now).isPresent(), "message 2 is gone: not recovered");
        assertEquals(Optional.of(List.of()), a.history().after("calm", 0, now), "a member who saw nothing missed nothing");
    }
}
