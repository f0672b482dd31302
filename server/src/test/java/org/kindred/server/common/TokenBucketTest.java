package org.kindred.server.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void burstThenRefillAtTheRate() {
        TokenBucket b = new TokenBucket(3, 2);
        assertEquals(0, b.tryTake(0));
        assertEquals(0, b.tryTake(0));
        assertEquals(0, b.tryTake(0));
        assertEquals(500, b.tryTake(0), "one token every 500 ms");
        assertTrue(b.tryTake(499) > 0);
        assertEquals(0, b.tryTake(500));
        for (int i = 0; i < 3; i++) {
            assertEquals(0, b.tryTake(10_000));
        }
        assertTrue(b.tryTake(10_000) > 0, "never more than the capacity");
    }
}
