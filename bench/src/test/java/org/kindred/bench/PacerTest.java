package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long S = 1_000_000_000L;

    @Test
    void messagesAreDueAtTheFixedRate() {
        Pacer p = new Pacer(10 * S, 1000, 1_000_000);
        assertEquals(0, p.dueBy(10 * S - 1));
        assertEquals(1, p.dueBy(10 * S));
        assertEquals(1, p.dueBy(10 * S + 999_999));
        assertEquals(2, p.dueBy(10 * S + 1_000_000));
        assertEquals(1001, p.dueBy(11 * S));
    }

    @Test
    void intendedTimesAreEvenlySpaced() {
        Pacer p = new Pacer(5 * S, 300, 100);
        assertEquals(5 * S, p.intendedNanos(0));
        assertEquals(5 * S + S, p.intendedNanos(300));
        assertEquals(5 * S + 3_333_333, p.intendedNanos(1));
    }

    @Test
    void aLateCallerCatchesUpAndNeverExceedsTheTotal() {
        Pacer p = new Pacer(0, 100, 50);
        long issued = 0;
        while (p.next(10 * S) >= 0) {
            issued++;
        }
        assertEquals(50, issued);
        assertTrue(p.done());
        assertEquals(-1, p.next(20 * S));
    }

    @Test
    void nextHandsOutEachIndexOnce() {
        Pacer p = new Pacer(0, 1000, 10);
        assertEquals(0, p.next(0));
        assertEquals(-1, p.next(0));
        assertEquals(1, p.next(1_000_000));
        assertEquals(2, p.issued());
    }

    @Test
    void rejectsNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(0, 0, 1));
    }
}
