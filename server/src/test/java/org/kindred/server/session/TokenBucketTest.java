package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void burstThenRefillAtTheRate() {
        TokenBucket b = new TokenBucket(3, 2, 0);
        assertTrue(b.tryTake(0));
        assertTrue(b.tryTake(0));
        assertTrue(b.tryTake(0));
        assertFalse(b.tryTake(0));
        assertEquals(500, b.millisUntilToken(0));
        assertFalse(b.tryTake(499));
        assertTrue(b.tryTake(500));
        assertTrue(b.tryTake(10_000) && b.tryTake(10_000) && b.tryTake(10_000));
        assertFalse(b.tryTake(10_000), "never more than the capacity");
    }
}
