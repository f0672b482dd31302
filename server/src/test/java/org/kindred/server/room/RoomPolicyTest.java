package org.kindred.server.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.ErrorCode;
import org.kindred.server.broker.MemoryRestrictions;

/** The room's own posting and joining rules: membership, lock, mutes, slow mode, cool-off. */
class RoomPolicyTest {
    private final MemoryRestrictions rules = new MemoryRestrictions();
    private final RoomPolicy policy = new RoomPolicy("r", rules);

    @Test
    void onlyMembersMayPostAndStaffAreNeverHeldBack() {
        assertEquals(ErrorCode.NOT_IN_ROOM, policy.mayPost(false, false, "u", 0).code());
        assertEquals(ErrorCode.NOT_IN_ROOM, policy.mayPost(false, true, "mod", 0).code(), "staff too must be in");
        policy.lock(true);
        policy.mute("mod", 10_000);
        policy.slow(30);
        assertNull(policy.mayPost(true, true, "mod", 1));
    }

    @Test
    void aLockedRoomTakesNoPosts() {
        policy.lock(true);
        assertEquals(ErrorCode.ROOM_LOCKED, policy.mayPost(true, false, "u", 0).code());
        assertEquals(ErrorCode.ROOM_LOCKED, policy.mayJoin("u", false, 0, 0, 10).code());
        policy.lock(false);
        assertNull(policy.mayPost(true, false, "u", 0));
    }

    @Test
    void aMuteHoldsUntilItEndsOrIsLifted() {
        policy.mute("u", 5_000);
        Refusal r = policy.mayPost(true, false, "u", 1_000);
        assertEquals(ErrorCode.MUTED, r.code());
        assertEquals(4_000L, r.retryAfterMs());
        assertNull(policy.mayPost(true, false, "u", 5_000), "over at its end");
        policy.mute("u", 9_000);
        assertTrue(policy.unmute("u", 6_000));
        assertFalse(policy.unmute("u", 6_000), "lifted once");
        assertNull(policy.mayPost(true, false, "u", 6_000));
    }

    @Test
    void slowModeCountsFromTheLastPostOnlyAndRestartsWhenChanged() {
        policy.slow(10);
        assertNull(policy.mayPost(true, false, "u", 0), "a check alone records nothing");
        assertNull(policy.mayPost(true, false, "u", 0));
        assertNull(rules.postNow("r", "u", 1_000), "a post is decided and recorded");
        Refusal r = policy.mayPost(true, false, "u", 4_000);
        assertEquals(ErrorCode.SLOW_MODE, r.code());
        assertEquals(7_000L, r.retryAfterMs());
        assertTrue(r.sentence().english().contains("10 seconds"));
        assertNull(policy.mayPost(true, false, "other", 4_000), "per member");
        assertNull(policy.mayPost(true, false, "u", 11_000));
        policy.slow(20);
        assertNull(policy.mayPost(true, false, "u", 4_000), "a new setting starts everyone afresh");
        policy.slow(0);
        assertNull(rules.postNow("r", "u", 5_000));
        assertNull(policy.mayPost(true, false, "u", 5_001), "off");
    }

    @Test
    void joiningWaitsOutACoolOffAndNeedsASeat() {
        policy.coolOff("u", 60_000);
        Refusal r = policy.mayJoin("u", false, 20_000, 0, 10);
        assertEquals(ErrorCode.FORBIDDEN, r.code());
        assertEquals(40_000L, r.retryAfterMs());
        assertNull(policy.mayJoin("u", false, 60_000, 0, 10));
        assertEquals(ErrorCode.ROOM_FULL, policy.mayJoin("v", false, 0, 10, 10).code());
        assertNull(policy.mayJoin("mod", true, 0, 10, 10), "staff may always enter");
    }
}
