package org.kindred.server.broker.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.Restrictions;
import org.kindred.server.broker.Restrictions.Hold;
import org.kindred.server.broker.Restrictions.Kind;
import org.kindred.server.broker.Restrictions.Modes;
import org.kindred.server.broker.RestrictionsContract;
import org.kindred.server.testing.RedisServer;

/** The {@link Restrictions} contract over a real Redis, and what sharing it between nodes adds. */
class RedisRestrictionsTest extends RestrictionsContract {
    private RedisNodes nodes;
    private String prefix;
    private final long t = System.currentTimeMillis();

    @BeforeEach
    void start() {
        nodes = new RedisNodes(RedisServer.shared());
        prefix = RedisNodes.freshPrefix();
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    @Override
    protected Restrictions restrictions() {
        return new RedisRestrictions(nodes.link(), prefix);
    }

    private static Hold post(Restrictions r, String member, long now) {
        return r.post("calm", member, now).toCompletableFuture().join();
    }

    @Test
    void whatOneNodeSetsHoldsOnAnother() {
        Restrictions a = restrictions();
        Restrictions b = restrictions();
        a.slow("calm", 30);
        assertNull(post(a, "u_1", t));
        assertEquals(new Hold(Kind.SLOW, 29_000), post(b, "u_1", t + 1_000), "the member's last post on A counts on B");
        assertEquals(new Modes(false, 30), b.knownModes("calm"), "B learnt the setting from its refusal");
        assertTrue(b.peekPost("calm", "u_2", t) == null);

        a.mute("calm", "u_2", t + 10_000);
        assertEquals(new Hold(Kind.MUTED, 9_000), post(b, "u_2", t + 1_000));
        assertEquals(new Hold(Kind.MUTED, 9_000), b.peekPost("calm", "u_2", t + 1_000),
                "B learnt the mute from its refusal: refused before anything is spent on a message");
        assertTrue(b.unmute("calm", "u_2", t + 2_000), "lifted through B");
        assertNull(b.peekPost("calm", "u_2", t + 2_000));
        assertNull(post(a, "u_2", t + 2_000), "and so on A");

        a.coolOff("calm", "u_3", t + 60_000);
        assertEquals(Kind.COOLING_OFF, b.join("calm", "u_3", t + 1_000).kind());

        a.lock("calm", true);
        assertNull(b.peekPost("calm", "u_4", t), "B has not heard yet: its peek cannot know");
        assertEquals(Kind.LOCKED, post(b, "u_4", t).kind(), "but its decision does");
        assertEquals(Kind.LOCKED, b.peekPost("calm", "u_4", t).kind(), "and now B knows");
        a.lock("calm", false);
        assertNull(post(b, "u_4", t), "an allowed post tells B the lock was lifted");
        assertEquals(false, b.knownModes("calm").locked());
    }

    @Test
    void aMuteMadeAnywhereIsKnownToEveryNodeThatHearsOfItAndAMissedLiftCorrectsItself() throws Exception {
        Restrictions a = restrictions();
        Restrictions b = restrictions();
        a.mute("calm", "u_1", t + 60_000);
        assertEquals(Kind.MUTED, a.peekPost("calm", "u_1", t).kind(), "the node that muted knows");
        b.mute("calm", "u_1", t + 60_000); // what a node does with the staff event of a mute made elsewhere
        assertEquals(Kind.MUTED, b.peekPost("calm", "u_1", t).kind());
        a.unmute("calm", "u_1", t); // B misses the lift's event
        assertNull(a.peekPost("calm", "u_1", t));
        // not heard yet: refused once more, unless the re-read the peek above started (never waited
        // for) reached Redis after the lift and corrected B already
        Hold stale = b.peekPost("calm", "u_1", t);
        assertTrue(stale == null || stale.kind() == Kind.MUTED, String.valueOf(stale));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (b.peekPost("calm", "u_1", t) != null) {
            assertTrue(System.nanoTime() < deadline, "the refusal had the mute read again");
            Thread.sleep(10);
        }
        assertNull(post(b, "u_1", t), "and the post goes through");
        a.mute("calm", "u_2", t + 60_000);
        assertEquals(Kind.MUTED, post(b, "u_2", t).kind());
        a.mute("calm", "u_2", t + 90_000); // lengthened elsewhere, event missed
        b.peekPost("calm", "u_2", t);
        deadline = System.nanoTime() + 5_000_000_000L;
        while (b.peekPost("calm", "u_2", t).waitMs() != 90_000) {
            assertTrue(System.nanoTime() < deadline, "the end read again");
            Thread.sleep(10);
        }
    }

    @Test
    void modesLostByRedisAreWrittenBackFromWhatANodeKnew() throws Exception {
        Restrictions a = restrictions();
        a.lock("calm", true);
        a.slow("calm", 15);
        nodes.link().sync().del(prefix + "{calm}:modes"); // as after a Redis restart without persistence
        assertEquals(Modes.OPEN, restrictions().knownModes("calm"));
        assertEquals(new Modes(true, 15), a.modes("calm"), "A writes back what it knew");
        Restrictions fresh = restrictions();
        assertEquals(new Modes(true, 15), fresh.modes("calm"), "a node that knew nothing reads it");
        assertEquals(Kind.LOCKED, post(fresh, "u_1", t).kind());
    }

    @Test
    void everyPerMemberKeyExpiresByItself() {
        Restrictions r = restrictions();
        r.slow("calm", 20);
        assertNull(post(r, "u_1", t));
        r.mute("calm", "u_2", System.currentTimeMillis() + 30_000);
        r.coolOff("calm", "u_3", System.currentTimeMillis() + 40_000);
        var redis = nodes.link().sync();
        for (String k : redis.keys(prefix + "*")) {
            long ttl = redis.pttl(k);
            if (k.endsWith(":modes")) {
                assertEquals(-1, ttl, "the modes stand until changed");
            } else {
                assertTrue(ttl > 0 && ttl <= 40_000, k + " expires by itself, not " + ttl);
            }
        }
        assertEquals(4, redis.keys(prefix + "*").size(), redis.keys(prefix + "*").toString());
    }

    @Test
    void withRedisUnreachableAPostFailsAtOnceAndChangesThrow() {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort(); // closed again: nothing listens there
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        RedisLink down = new RedisLink("redis://127.0.0.1:" + port, RedisNodes.TIMEOUT);
        try {
            Restrictions r = new RedisRestrictions(down, prefix);
            CompletableFuture<Hold> f = r.post("calm", "u_1", t).toCompletableFuture();
            assertTrue(f.isCompletedExceptionally(), "failed without waiting");
            assertThrows(RuntimeException.class, () -> r.lock("calm", true));
            assertThrows(RuntimeException.class, () -> r.join("calm", "u_1", t));
            assertEquals(Modes.OPEN, r.knownModes("calm"), "nothing half-done");
        } finally {
            down.close();
        }
    }
}
