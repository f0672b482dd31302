package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdleMapTest {
    @Test
    void keepsKeysInUseAndForgetsIdleOnes() {
        IdleMap<String, Object> map = new IdleMap<>(1000, 10_000);
        Object busy = map.get("busy", 0, k -> new Object());
        Object idle = map.get("idle", 0, k -> new Object());
        for (long t = 3_000; t <= 30_000; t += 3_000) {
            assertSame(busy, map.get("busy", t, k -> new Object()), "used every 3 s, kept at " + t);
            map.get("newcomer-" + t, t, k -> new Object()); // new keys let sweeps run
        }
        assertNotSame(idle, map.get("idle", 30_000, k -> new Object()), "idle for 30 s: forgotten, made afresh");
    }

    @Test
    void staysBoundedForgettingTheLeastRecentlyUsedFirst() {
        IdleMap<Integer, Object> map = new IdleMap<>(100, 3_600_000);
        Object oldest = map.get(-1, 0, k -> new Object());
        Object recent = map.get(-2, 0, k -> new Object());
        for (int i = 0; i < 1_000; i++) {
            map.get(i, 1 + i, k -> new Object());
            map.get(-2, 1 + i, k -> recent); // keeps being used
            assertTrue(map.size() <= 101, "size " + map.size() + " after " + i);
        }
        assertSame(recent, map.get(-2, 2_000, k -> new Object()));
        assertNotSame(oldest, map.get(-1, 2_000, k -> new Object()));
    }

    @Test
    void concurrentCallersShareOneValuePerKey() throws Exception {
        IdleMap<Integer, AtomicInteger> map = new IdleMap<>(10_000, 60_000);
        AtomicInteger created = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 20_000; i++) {
                    map.get(i % 500, i, k -> {
                        created.incrementAndGet();
                        return new AtomicInteger();
                    }).incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertEquals(500, created.get());
        int total = 0;
        for (int k = 0; k < 500; k++) {
            total += map.get(k, 20_000, x -> new AtomicInteger()).get();
        }
        assertEquals(80_000, total, "no update went to a lost copy");
    }

    @Test
    void refusesNonsenseBounds() {
        assertThrows(IllegalArgumentException.class, () -> new IdleMap<>(0, 1000));
        assertThrows(IllegalArgumentException.class, () -> new IdleMap<>(10, 0));
    }
}
