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
        @Override
        public Map<String, Long> all() {
            reachable();
            return new java.util.HashMap<>(floors);
        }

        final Map<String, Long> floors = new ConcurrentHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        /** While set, every call fails as an unreachable database's would. */
        volatile boolean down;

        private void reachable() {
            if (down) {
                throw new org.kindred.server.store.StoreException("the database is unreachable");
            }
        }

        @Override
        public long floor(String room) {
            reachable();
            return floors.getOrDefault(room, 0L);
        }

        @Override
        public void raise(Map<String, Long> wanted) {
            reachable();
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

    /** Waits (10 s at most) until some node copied every floor of the store into Redis. */
    private static void awaitWholeCopy(RedisServer on, String prefix) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"1".equals(on.command("EXISTS", prefix + "{floors}:whole"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the floors were copied into redis");
            Thread.sleep(50);
        }
    }

    /** Waits (10 s at most) until the store's floor of {@code room} is at least {@code atLeast}. */
    private static void awaitStored(Floors floors, String room, long atLeast) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (floors.floors.getOrDefault(room, 0L) < atLeast) {
            assertTrue(System.currentTimeMillis() < deadline, room + "'s floor was written back: "
                    + floors.floors.get(room) + " < " + atLeast);
            Thread.sleep(50);
        }
    }

    private static ServerMessage.Message publishIn(Broker b, String room, String id) {
        try {
            return b.publish(room, ANN, id, "text " + id, System.currentTimeMillis(), null, m -> { })
                    .toCompletableFuture().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withTheStoreDownANewRoomBeginsAtOneARoomUnderWayGoesOnPastItsBlockAndTheFloorsAreWrittenBack()
            throws Exception {
        Floors floors = new Floors();
        String prefix = RedisNodes.freshPrefix();
        try (RedisServer own = RedisServer.start()) {
            long last;
            try (RedisNodes before = new RedisNodes(own)) {
                RedisNodes.Node a = durableNode(before, prefix, floors);
                RedisNodes.Node b = durableNode(before, prefix, floors);
                for (int i = 1; i <= 3; i++) {
                    assertEquals(i, publishIn(a.broker(), "calm", "m_" + i).seq());
                }
                awaitWholeCopy(own, prefix);
                floors.down = true;
                int writes = floors.writes.get();
                for (int i = 4; i <= 3 + 3 * BLOCK; i++) { // three blocks: past the reserved numbers
                    assertEquals(i, publishIn(i % 2 == 0 ? a.broker() : b.broker(), "calm", "m_" + i).seq(),
                            "the room under way goes on, one number after the other");
                }
                last = 3 + 3 * BLOCK;
                for (int i = 1; i <= 3; i++) {
                    assertEquals(i, publishIn(b.broker(), "new", "n_" + i).seq(), "a brand-new room begins at 1");
                }
                assertEquals(writes, floors.writes.get(), "nothing reached the store while it was down");
                assertTrue(floors.floors.get("calm") < last, "the store's floor is behind: " + floors.floors);

                floors.down = false;
                awaitStored(floors, "calm", last);
                awaitStored(floors, "new", 3);
            }
            own.stopServer(); // every key is gone, and every node with it
            own.startServer();
            try (RedisNodes after = new RedisNodes(own)) {
                RedisNodes.Node c = durableNode(after, prefix, floors);
                assertTrue(publishIn(c.broker(), "calm", "m_again").seq() > last, "seq never goes backwards");
                assertTrue(publishIn(c.broker(), "new", "n_again").seq() > 3, "in the new room neither");
            }
        }
    }

    @Test
    void withRedisLostAndTheStoreDownARoomBeginsFromTheClockAboveEverythingAndTheHistoryIsReportedLost()
            throws Exception {
        Floors floors = new Floors();
        String prefix = RedisNodes.freshPrefix();
        try (RedisServer own = RedisServer.start()) {
            try (RedisNodes before = new RedisNodes(own)) {
                RedisNodes.Node a = durableNode(before, prefix, floors);
                for (int i = 1; i <= 3; i++) {
                    publishIn(a.broker(), "calm", "m_" + i);
                }
            }
            own.stopServer();
            floors.down = true;
            own.startServer();
            long clock = FloorWriter.clockTicks();
            long first;
            long last;
            try (RedisNodes after = new RedisNodes(own)) {
                RedisNodes.Node c = durableNode(after, prefix, floors);
                RedisNodes.Node d = durableNode(after, prefix, floors);
                RedisNodesTest.Seen onD = new RedisNodesTest.Seen();
                d.broker().subscribe("calm", onD);
                first = publishIn(c.broker(), "calm", "n_0").seq();
                assertTrue(first > clock, "begins above the clock: " + first + " <= " + clock);
                assertTrue(first < 100_000_000_000_000L, "a number Redis's scripts print exactly: " + first);
                for (int i = 1; i < 3 * BLOCK; i++) {
                    assertEquals(first + i, publishIn(i % 2 == 0 ? c.broker() : d.broker(), "calm", "n_" + i).seq(),
                            "then one after the other");
                }
                last = first + 3 * BLOCK - 1;
                assertEquals(first, onD.await(3 * (int) BLOCK).get(0).seq());
                long now = System.currentTimeMillis();
                assertFalse(d.history().after("calm", 3, now).isPresent(), "a member who saw 3 is told history was lost");
                floors.down = false;
                awaitStored(floors, "calm", last);
                assertTrue(publishIn(d.broker(), "calm", "n_more").seq() > last);
            }
            own.stopServer();
            own.startServer();
            try (RedisNodes again = new RedisNodes(own)) {
                RedisNodes.Node e = durableNode(again, prefix, floors);
                assertTrue(publishIn(e.broker(), "calm", "o_0").seq() > last + 1,
                        "the numbers used while the store was down were written back");
            }
        }
    }
}
