package org.kindred.server.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kindred.server.broker.Restrictions.Hold;
import org.kindred.server.broker.Restrictions.Kind;
import org.kindred.server.broker.Restrictions.Modes;

/**
 * What every {@link Restrictions} guarantees. An implementation's test extends this and makes a
 * fresh, empty instance. Times are offsets from the real clock (an implementation may let keys
 * expire by it), passed explicitly, so nothing here waits for time to pass.
 */
public abstract class RestrictionsContract {
    private final long t = System.currentTimeMillis();

    /** A new instance with no room changed. */
    protected abstract Restrictions restrictions();

    private static Hold post(Restrictions r, String room, String member, long now) {
        return r.post(room, member, now).toCompletableFuture().join();
    }

    @Test
    void aRoomNobodyChangedHoldsNobodyBack() {
        Restrictions r = restrictions();
        assertNull(post(r, "calm", "u_1", t));
        assertNull(r.peekPost("calm", "u_1", t));
        assertNull(r.join("calm", "u_1", t));
        assertEquals(Modes.OPEN, r.modes("calm"));
        assertEquals(Modes.OPEN, r.knownModes("calm"));
    }

    @Test
    void aLockHoldsBackPostsAndJoinsUntilLifted() {
        Restrictions r = restrictions();
        r.lock("calm", true);
        assertEquals(new Hold(Kind.LOCKED, 0), post(r, "calm", "u_1", t));
        assertEquals(new Hold(Kind.LOCKED, 0), r.peekPost("calm", "u_1", t));
        assertEquals(new Hold(Kind.LOCKED, 0), r.join("calm", "u_1", t));
        assertEquals(new Modes(true, 0), r.modes("calm"));
        assertEquals(new Modes(true, 0), r.knownModes("calm"));
        assertNull(post(r, "other", "u_1", t), "rooms are apart");
        r.lock("calm", false);
        assertNull(post(r, "calm", "u_1", t));
        assertNull(r.join("calm", "u_1", t));
        assertEquals(Modes.OPEN, r.modes("calm"));
    }

    @Test
    void aMuteHoldsItsMemberUntilItEndsOrIsLiftedOnce() {
        Restrictions r = restrictions();
        r.mute("calm", "u_1", t + 5_000);
        assertEquals(new Hold(Kind.MUTED, 4_000), post(r, "calm", "u_1", t + 1_000));
        Hold peek = r.peekPost("calm", "u_1", t + 1_000);
        assertTrue(peek == null || peek.equals(new Hold(Kind.MUTED, 4_000)), "a peek may miss, never differ: " + peek);
        assertNull(post(r, "calm", "u_2", t + 1_000), "only its member");
        assertNull(r.join("calm", "u_1", t + 1_000), "a muted member may still be in the room");
        assertNull(post(r, "calm", "u_1", t + 5_000), "over at its end");
        r.mute("calm", "u_1", t + 9_000);
        assertTrue(r.unmute("calm", "u_1", t + 6_000));
        assertFalse(r.unmute("calm", "u_1", t + 6_000), "lifted once");
        assertNull(post(r, "calm", "u_1", t + 6_000));
        r.mute("calm", "u_1", t + 7_000);
        assertFalse(r.unmute("calm", "u_1", t + 8_000), "an ended mute was not in force");
    }

    @Test
    void theLockComesBeforeAMuteAndAMuteBeforeSlowMode() {
        Restrictions r = restrictions();
        r.slow("calm", 30);
        assertNull(post(r, "calm", "u_1", t));
        r.mute("calm", "u_1", t + 5_000);
        assertEquals(Kind.MUTED, post(r, "calm", "u_1", t + 1_000).kind());
        r.lock("calm", true);
        assertEquals(Kind.LOCKED, post(r, "calm", "u_1", t + 1_000).kind());
        assertEquals(new Modes(true, 30), r.modes("calm"));
    }

    @Test
    void slowModeCountsFromTheLastAllowedPostOfEachMember() {
        Restrictions r = restrictions();
        r.slow("calm", 10);
        assertNull(r.peekPost("calm", "u_1", t), "a peek records nothing");
        assertNull(r.peekPost("calm", "u_1", t));
        assertNull(post(r, "calm", "u_1", t + 1_000));
        assertEquals(new Hold(Kind.SLOW, 7_000), post(r, "calm", "u_1", t + 4_000));
        assertEquals(new Hold(Kind.SLOW, 7_000), r.peekPost("calm", "u_1", t + 4_000));
        assertNull(post(r, "calm", "u_2", t + 4_000), "per member");
        assertNull(post(r, "calm", "u_1", t + 11_000), "counted from the allowed post, not the refused one");
        assertEquals(Kind.SLOW, post(r, "calm", "u_1", t + 12_000).kind());
        assertEquals(new Modes(false, 10), r.modes("calm"));
    }

    @Test
    void changingSlowModeStartsEveryoneAfreshAndZeroTurnsItOff() {
        Restrictions r = restrictions();
        r.slow("calm", 10);
        assertNull(post(r, "calm", "u_1", t));
        r.slow("calm", 20);
        assertNull(post(r, "calm", "u_1", t + 1_000), "a new setting starts everyone afresh");
        assertEquals(new Hold(Kind.SLOW, 19_000), post(r, "calm", "u_1", t + 2_000));
        r.slow("calm", 0);
        assertNull(post(r, "calm", "u_1", t + 2_000), "off");
        assertNull(post(r, "calm", "u_1", t + 2_001));
        assertEquals(Modes.OPEN, r.modes("calm"));
    }

    @Test
    void aCoolOffKeepsItsMemberOutBeforeTheLockAndEndsByItself() {
        Restrictions r = restrictions();
        r.coolOff("calm", "u_1", t + 60_000);
        r.lock("calm", true);
        assertEquals(new Hold(Kind.COOLING_OFF, 40_000), r.join("calm", "u_1", t + 20_000));
        assertEquals(Kind.LOCKED, r.join("calm", "u_2", t + 20_000).kind(), "only its member");
        r.lock("calm", false);
        assertNull(r.join("calm", "u_1", t + 60_000), "over at its end");
        assertNull(r.join("other", "u_1", t + 20_000), "rooms are apart");
    }

    @Test
    void aForgottenRoomIsOpenAgain() {
        Restrictions r = restrictions();
        r.lock("calm", true);
        r.slow("calm", 10);
        r.forget("calm");
        assertEquals(Modes.OPEN, r.modes("calm"));
        assertNull(post(r, "calm", "u_1", t));
    }

    @Test
    void ofManyPostsRacingUnderSlowModeOneIsAllowed() throws Exception {
        Restrictions r = restrictions();
        r.slow("calm", 60);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<CompletableFuture<Hold>>> tries = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                int n = i;
                tries.add(pool.submit(() -> {
                    go.await();
                    return r.post("calm", "u_1", t + n).toCompletableFuture();
                }));
            }
            go.countDown();
            int allowed = 0;
            for (Future<CompletableFuture<Hold>> f : tries) {
                Hold h = f.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
                if (h == null) {
                    allowed++;
                } else {
                    assertEquals(Kind.SLOW, h.kind());
                }
            }
            assertEquals(1, allowed);
        } finally {
            pool.shutdownNow();
        }
    }
}
