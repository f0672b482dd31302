package org.kindred.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class NamedThreadsTest {

    @Test
    void aNamedFactoryGivesEveryThreadTheSameNameAndMakesDaemons() {
        ThreadFactory f = NamedThreads.daemon("kindred-redis-keeper");
        Thread a = f.newThread(() -> { });
        Thread b = f.newThread(() -> { });
        assertEquals("kindred-redis-keeper", a.getName());
        assertEquals("kindred-redis-keeper", b.getName());
        assertTrue(a.isDaemon() && b.isDaemon());
        assertFalse(a.isAlive(), "made, not started");
    }

    @Test
    void aNumberedFactoryCountsFromOnePerFactory() {
        ThreadFactory store = NamedThreads.numbered("kindred-store");
        assertEquals("kindred-store-1", store.newThread(() -> { }).getName());
        assertEquals("kindred-store-2", store.newThread(() -> { }).getName());
        assertEquals("kindred-redis-deliver-3-1",
                NamedThreads.numbered("kindred-redis-deliver-3").newThread(() -> { }).getName());
        assertTrue(store.newThread(() -> { }).isDaemon());
    }

    @Test
    void theThreadRunsTheTaskItWasGiven() throws InterruptedException {
        AtomicBoolean ran = new AtomicBoolean();
        Thread t = NamedThreads.daemon("kindred-reporting").newThread(() -> ran.set(true));
        t.start();
        t.join(5_000);
        assertTrue(ran.get());
    }
}
