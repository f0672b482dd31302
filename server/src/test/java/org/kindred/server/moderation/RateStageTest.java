package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.kindred.protocol.Role;

class RateStageTest {
    private final ModerationConfig config = ModerationConfig.defaults();
    private final RateStage stage = new RateStage(config);
    private int counter;

    /** Applies the stage to a distinct text (so flood detection stays out of the way). */
    private Evaluation send(String member, String fingerprint, Role role, long now, long slow) {
        return send(member, fingerprint, role, now, slow, "message number " + (counter++) + " " + "x".repeat(counter));
    }

    private Evaluation send(String member, String fingerprint, Role role, long now, long slow, String text) {
        MessageContext ctx = new MessageContext("lobby", member, role, fingerprint, Fixtures.LONG_AGO, now, text);
        Evaluation e = Fixtures.evaluation(ctx, config);
        stage.apply(e);
        return e;
    }

    @Test
    void memberBucketAllowsABurstThenOnePerSecond() {
        long t = Fixtures.NOW;
        for (int i = 0; i < 5; i++) {
            assertFalse(send("a", null, Role.MEMBER, t, 0).isFinished(), "message " + i);
        }
        Evaluation limited = send("a", null, Role.MEMBER, t, 0);
        assertEquals(Outcome.RATE_LIMITED, limited.finished().outcome());
        assertEquals(1000, limited.finished().retryAfterMs());
        assertTrue(limited.finished().reason().english().contains("too quickly"));
        Evaluation stillLimited = send("a", null, Role.MEMBER, t + 400, 0);
        assertEquals(600, stillLimited.finished().retryAfterMs());
        assertFalse(send("a", null, Role.MEMBER, t + 1000, 0).isFinished());
        assertTrue(send("a", null, Role.MEMBER, t + 1000, 0).isFinished());
        assertFalse(send("b", null, Role.MEMBER, t, 0).isFinished(), "other members are not affected");
    }

    @Test
    void networkBucketIsSharedByMembersBehindOneFingerprint() {
        long t = Fixtures.NOW;
        for (int i = 0; i < 20; i++) {
            assertFalse(send("member" + i, "net", Role.MEMBER, t, 0).isFinished(), "message " + i);
        }
        Evaluation limited = send("member-new", "net", Role.MEMBER, t, 0);
        assertEquals(Outcome.RATE_LIMITED, limited.finished().outcome());
        assertEquals(200, limited.finished().retryAfterMs());
        assertFalse(send("member-new", "other-net", Role.MEMBER, t, 0).isFinished());
    }

    @Test
    void floodOfNearlyIdenticalMessagesIsBlockedAsSpam() {
        long t = Fixtures.NOW;
        assertNull(send("f", null, Role.MEMBER, t, 0, "BUY cheap followers now").blockCategory());
        assertNull(send("f", null, Role.MEMBER, t + 2000, 0, "buy cheap followers now!!!").blockCategory());
        Evaluation third = send("f", null, Role.MEMBER, t + 4000, 0, "Buy ch3ap   f0llowers, nowwww");
        assertEquals(Categories.SPAM, third.blockCategory());
        assertNull(send("g", null, Role.MEMBER, t + 4000, 0, "buy cheap followers now").blockCategory(),
                "other members are tracked separately");
        assertNull(send("f", null, Role.MEMBER, t + 60_000, 0, "buy cheap followers now").blockCategory(),
                "outside the window it counts afresh");
    }

    @Test
    void differentEmojiAreNotAFloodButTheSameOneIs() {
        long t = Fixtures.NOW;
        assertNull(send("e", null, Role.MEMBER, t, 0, "\u2764\ufe0f").blockCategory());
        assertNull(send("e", null, Role.MEMBER, t + 2000, 0, "\ud83d\ude4f").blockCategory());
        assertNull(send("e", null, Role.MEMBER, t + 4000, 0, "\ud83d\udc4d").blockCategory(),
                "three different reactions are three messages");
        assertNull(send("e", null, Role.MEMBER, t + 6000, 0, "\ud83d\udc4d").blockCategory());
        assertEquals(Categories.SPAM, send("e", null, Role.MEMBER, t + 8000, 0, "\ud83d\udc4d").blockCategory(),
                "the same one a third time is a flood");
    }
}
