package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimits} guarantees. An implementation's test extends this and makes fresh
 * limits: a member may send {@value #MEMBER_BURST} at once, then one every 10 s; a network
 * fingerprint {@value #NETWORK_BURST} at once, then one every 2 s. Times are offsets from the real
 * clock (an implementation may let keys expire by it), passed explicitly: nothing here waits.
 */
public abstract class RateLimitsContract {
    protected static final int MEMBER_BURST = 5;
    protected static final double MEMBER_RATE = 0.1;
    protected static final int NETWORK_BURST = 20;
    protected static final double NETWORK_RATE = 0.5;
    protected final long t = System.currentTimeMillis();

    /** Fresh limits with the numbers above, sharing nothing with earlier ones. */
    protected abstract RateLimits limits();

    private static long take(RateLimits r, String member, String fingerprint, long now) {
        return r.take(member, fingerprint, now).toCompletableFuture().join();
    }

    @Test
    void aMemberMaySendItsBurstAtOnceThenOneEveryInterval() {
        RateLimits r = limits();
        for (int i = 0; i < MEMBER_BURST; i++) {
            assertEquals(0, take(r, "u_1", null, t), "send " + i);
        }
        assertEquals(10_000, take(r, "u_1", null, t), "the next one in 10 s");
        assertEquals(6_000, take(r, "u_1", null, t + 4_000));
        assertEquals(0, take(r, "u_1", null, t + 10_000), "one more after the interval");
        assertEquals(10_000, take(r, "u_1", null, t + 10_000));
        assertEquals(0, take(r, "u_2", null, t), "members are apart");
    }

    @Test
    void anIdleAllowanceFillsUpToTheBurstAndNoFurther() {
        RateLimits r = limits();
        assertEquals(0, take(r, "u_1", null, t));
        long later = t + 3_600_000;
        for (int i = 0; i < MEMBER_BURST; i++) {
            assertEquals(0, take(r, "u_1", null, later), "send " + i);
        }
        assertEquals(10_000, take(r, "u_1", null, later));
    }

    @Test
    void everyoneBehindOneFingerprintSharesItsAllowance() {
        RateLimits r = limits();
        for (int i = 0; i < NETWORK_BURST; i++) {
            assertEquals(0, take(r, "u_" + i, "net", t), "member " + i);
        }
        assertEquals(2_000, take(r, "u_new", "net", t), "the network's next one in 2 s");
        assertEquals(0, take(r, "u_new", "other-net", t), "another network is apart");
        assertEquals(0, take(r, "u_other", "net", t + 2_000));
    }

    @Test
    void aRefusedSendTakesFromNeitherAllowance() {
        RateLimits r = limits();
        for (int i = 0; i < NETWORK_BURST; i++) {
            take(r, "u_" + i, "net", t);
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(2_000, take(r, "ann", "net", t), "refused by the network");
        }
        for (int i = 0; i < MEMBER_BURST; i++) {
            assertEquals(0, take(r, "ann", null, t), "Ann's own allowance is whole: send " + i);
        }
        for (int i = 0; i < MEMBER_BURST; i++) {
            take(r, "bo", null, t);
        }
        assertEquals(10_000, take(r, "bo", "net2", t), "refused by Bo's own allowance");
        for (int i = 0; i < NETWORK_BURST; i++) {
            assertEquals(0, take(r, "n_" + i, "net2", t), "net2 is whole: member " + i);
        }
    }

    @Test
    void whenBothAreSpentTheLongerWaitIsTheAnswer() {
        RateLimits r = limits();
        for (int i = 0; i < MEMBER_BURST; i++) {
            take(r, "cy", null, t);
        }
        for (int i = 0; i < NETWORK_BURST; i++) {
            take(r, "u_" + i, "net", t);
        }
        assertEquals(10_000, take(r, "cy", "net", t));
        assertEquals(2_000, take(r, "u_new", "net", t));
    }
}
