package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.broker.Broker;
import org.kindred.server.store.SeqFloorStore;
import org.kindred.server.testing.RedisServer;

/**
 * Two races of the numbering with durable floors, each driven by hand into the interleaving that
 * once went wrong on a loaded machine (not left to luck), over a real Redis:
 * <ul>
 *   <li>two nodes beginning a new room's numbering at once, the second reading the floor just
 *       after the first raised it for the same history: it must still begin at 1, not a block up;</li>
 *   <li>a ceiling raised between two posts a node already sent, the first refused for its floor:
 *       the second must not be numbered before the first.</li>
 * </ul>
 */
class RedisNumberingRacesTest {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);
    private final ExecutorService storeA = Executors.newFixedThreadPool(2);
    private final ExecutorService storeB = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        storeA.shutdownNow();
        storeB.shutdownNow();
    }

    private static CompletableFuture<ServerMessage.Message> publish(Broker b, String id) {
        return b.publish("calm", ANN, id, "text " + id, System.currentTimeMillis(), null, m -> { })
                .toCompletableFuture();
    }

    /**
     * A node's view of the shared store that, the first time the node raises the room's floor,
     * raises it and then stops until released: the node has read and raised the floor for the
     * room's new history but not yet begun it.
     */
    private static final class StopsAfterRaising implements SeqFloorStore {
        final RedisNumberingTest.Floors shared;
        final CountDownLatch raised = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean once = new AtomicBoolean();

        StopsAfterRaising(RedisNumberingTest.Floors shared) {
            this.shared = shared;
        }

        @Override
        public long floor(String room) {
            return shared.floor(room);
        }

        @Override
        public Map<String, Long> all() {
            return shared.all();
        }

        @Override
        public void raise(Map<String, Long> floors) {
            shared.raise(floors);
            if (floors.containsKey("calm") && once.compareAndSet(false, true)) {
                raised.countDown();
                try {
                    release.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void twoNodesBeginningANewRoomAtOnceBothBeginAtOneEvenWhenOneReadsTheFloorTheOtherRaised() throws Exception {
        RedisNumberingTest.Floors floors = new RedisNumberingTest.Floors();
        StopsAfterRaising viewOfA = new StopsAfterRaising(floors);
        String prefix = RedisNodes.freshPrefix();
        try (RedisNodes nodes = new RedisNodes(RedisServer.shared())) {
            RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
            RedisNodes.Node b = nodes.node(prefix, 50, 60_000);
            a.broker().useFloors(viewOfA, storeA, Publisher.BLOCK);
            b.broker().useFloors(floors, storeB, Publisher.BLOCK);
            RedisNodesTest.Seen onB = new RedisNodesTest.Seen();
            b.broker().subscribe("calm", onB);

            CompletableFuture<ServerMessage.Message> fromA = publish(a.broker(), "m_a");
            assertTrue(viewOfA.raised.await(10, TimeUnit.SECONDS), "node A read the floor and raised it");
            assertTrue(floors.floor("calm") >= Publisher.BLOCK, "the store holds A's block: " + floors.floors);

            ServerMessage.Message first = publish(b.broker(), "m_b").get(10, TimeUnit.SECONDS);
            assertEquals(1, first.seq(), "B read the floor A raised for this same new history, yet the room begins"
                    + " at 1, not " + first.seq());

            viewOfA.release.countDown();
            assertEquals(2, fromA.get(10, TimeUnit.SECONDS).seq(), "A's goes on after it, without a gap");
            assertEquals(List.of(1L, 2L), onB.await(2).stream().map(ServerMessage.Message::seq).toList());
        } finally {
            viewOfA.release.countDown();
        }
    }

    /** The shared store, each raise of the room's floor taking longer than a floor read may be old. */
    private static final class SlowRaises implements SeqFloorStore {
        final RedisNumberingTest.Floors shared;

        SlowRaises(RedisNumberingTest.Floors shared) {
            this.shared = shared;
        }

        @Override
        public long floor(String room) {
            return shared.floor(room);
        }

        @Override
        public Map<String, Long> all() {
            return shared.all();
        }

        @Override
        public void raise(Map<String, Long> floors) {
            if (floors.containsKey("calm")) {
                try {
                    Thread.sleep(Publisher.FRESH_MS + 300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            shared.raise(floors);
        }
    }

    @Test
    void aStoreSlowerThanAFreshReadAfterTheFloorWasClaimedStillBeginsTheRoom() throws Exception {
        RedisNumberingTest.Floors floors = new RedisNumberingTest.Floors();
        String prefix = RedisNodes.freshPrefix();
        try (RedisNodes nodes = new RedisNodes(RedisServer.shared())) {
            RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
            a.broker().useFloors(new SlowRaises(floors), storeA, Publisher.BLOCK);
            CompletableFuture<ServerMessage.Message> first = publish(a.broker(), "m_1");
            CompletableFuture<ServerMessage.Message> second = publish(a.broker(), "m_2");
            assertEquals(List.of(1L, 2L), List.of(first.get(20, TimeUnit.SECONDS).seq(),
                    second.get(20, TimeUnit.SECONDS).seq()), "the posts queued for the beginning go through");
        }
    }

    @Test
    void aCeilingRaisedBetweenTwoPostsInFlightDoesNotLetTheLaterOneThroughFirst() throws Exception {
        RedisNumberingTest.Floors floors = new RedisNumberingTest.Floors();
        String prefix = RedisNodes.freshPrefix();
        RedisKeys keys = new RedisKeys(prefix);
        try (RedisServer own = RedisServer.start(); RedisNodes nodes = new RedisNodes(own)) {
            RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
            a.broker().useFloors(floors, storeA, Publisher.BLOCK);
            assertEquals(1, publish(a.broker(), "m_1").get(10, TimeUnit.SECONDS).seq());
            long reserved = floors.floor("calm");
            assertTrue(reserved > 2, "a block is reserved: " + reserved);
            // the ceiling as it was just before the background raise of a block reached Redis
            own.command("SET", keys.ceiling("calm"), "1");

            // Redis holds every command until all three are written, in this order, on the node's one
            // connection: m_2 (refused: above the ceiling), the background raise's command, m_3
            own.command("CLIENT", "PAUSE", "700", "ALL");
            long t0 = System.nanoTime();
            CompletableFuture<ServerMessage.Message> second = publish(a.broker(), "m_2");
            CompletableFuture<Object> raise = a.link().runAsync(FloorWriter.RAISE_CEILING, ScriptOutputType.INTEGER,
                    new String[] {keys.ceiling("calm")}, String.valueOf(reserved));
            CompletableFuture<ServerMessage.Message> third = publish(a.broker(), "m_3");
            long sentMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(sentMs < 400, "all three were written while Redis was paused: " + sentMs + " ms");

            raise.get(10, TimeUnit.SECONDS);
            long s2 = second.get(10, TimeUnit.SECONDS).seq();
            long s3 = third.get(10, TimeUnit.SECONDS).seq();
            assertEquals(List.of(2L, 3L), List.of(s2, s3), "numbered in the order sent (m_2, then m_3)");
        }
    }
}
