package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.MemberInfo;
import org.kindred.protocol.Role;
import org.kindred.protocol.ServerMessage;
import org.kindred.server.store.SeqFloorStore;
import org.kindred.server.testing.RedisServer;

/**
 * A brand-new room's first message during a store outage: while the store is known down (its
 * periodic jobs failed, {@link SeqFloorStore#knownDown}) the floor is not read at all, so the
 * message does not wait for a store that hangs, and is numbered from Redis's whole copy of the
 * floors. A store that is merely slow is waited for: the room begins above the floor the store
 * answers, never in Redis-only mode because the answer took long.
 */
class KnownDownStoreNumberingTest {
    private static final MemberInfo ANN = new MemberInfo("u_1", "Ann", Role.MEMBER);

    /** Floors in memory; while {@link #hang} is set, a floor read blocks until {@link #release}. */
    static final class Floors implements SeqFloorStore {
        final Map<String, Long> floors = new ConcurrentHashMap<>();
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch entered = new CountDownLatch(1);
        final AtomicInteger reads = new AtomicInteger();
        volatile boolean hang;
        volatile boolean knownDown;

        @Override
        public long floor(String room) {
            reads.incrementAndGet();
            if (hang) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return floors.getOrDefault(room, 0L);
        }

        @Override
        public Map<String, Long> all() {
            return new HashMap<>(floors);
        }

        @Override
        public void raise(Map<String, Long> wanted) {
            wanted.forEach((room, f) -> floors.merge(room, f, Math::max));
        }

        @Override
        public boolean knownDown() {
            return knownDown;
        }
    }

    private static CompletableFuture<ServerMessage.Message> publish(RedisBroker b, String room, String id) {
        return b.publish(room, ANN, id, "text " + id, System.currentTimeMillis(), null, m -> { })
                .toCompletableFuture();
    }

    /** A node numbering with {@code floors} once Redis's copy of them is whole. */
    private static RedisNodes.Node node(RedisNodes nodes, RedisServer redis, Floors floors, ExecutorService store)
            throws Exception {
        String prefix = RedisNodes.freshPrefix();
        RedisNodes.Node a = nodes.node(prefix, 50, 60_000);
        a.broker().useFloors(floors, store, 20);
        assertEquals(1, publish(a.broker(), "calm", "m_1").get(15, TimeUnit.SECONDS).seq());
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"1".equals(redis.command("EXISTS", prefix + "{floors}:whole"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the floors were copied into redis");
            Thread.sleep(50);
        }
        return a;
    }

    @Test
    void whileTheStoreIsKnownDownABrandNewRoomDoesNotAskIt() throws Exception {
        Floors floors = new Floors();
        RedisServer redis = RedisServer.shared();
        ExecutorService store = Executors.newFixedThreadPool(4);
        try (RedisNodes nodes = new RedisNodes(redis)) {
            RedisNodes.Node a = node(nodes, redis, floors, store);
            int before = floors.reads.get();
            floors.knownDown = true;
            floors.hang = true; // were it asked, the first message would wait until released
            ServerMessage.Message first = publish(a.broker(), "fresh", "n_1").get(10, TimeUnit.SECONDS);
            assertEquals(1, first.seq(), "a brand-new room begins at 1 from Redis's whole copy");
            assertEquals(before, floors.reads.get(), "the store known down was not asked for the floor");
            assertEquals(1, floors.release.getCount(), "nothing waited for the store");
            assertEquals(2, publish(a.broker(), "fresh", "n_2").get(10, TimeUnit.SECONDS).seq());
        } finally {
            floors.hang = false;
            floors.release.countDown();
            store.shutdownNow();
        }
    }

    @Test
    void aSlowStoreIsWaitedForAndItsFloorUsed() throws Exception {
        Floors floors = new Floors();
        RedisServer redis = RedisServer.shared();
        ExecutorService store = Executors.newFixedThreadPool(4);
        try (RedisNodes nodes = new RedisNodes(redis)) {
            RedisNodes.Node a = node(nodes, redis, floors, store);
            floors.floors.put("slow", 41L); // in the store only: Redis's copy has no value for it yet
            floors.hang = true;
            CompletableFuture<ServerMessage.Message> first = publish(a.broker(), "slow", "s_1");
            assertTrue(floors.entered.await(10, TimeUnit.SECONDS), "the floor was read from the store");
            Thread.sleep(500); // longer than any cut-off a loaded machine's store could miss (no proof rests on it)
            assertFalse(first.isDone(), "the message waits for the slow store's answer");
            floors.hang = false;
            floors.release.countDown();
            long seq = first.get(10, TimeUnit.SECONDS).seq();
            assertTrue(seq > 41, "the room begins above the store's floor, not Redis-only at 1: " + seq);
        } finally {
            floors.hang = false;
            floors.release.countDown();
            store.shutdownNow();
        }
    }
}
