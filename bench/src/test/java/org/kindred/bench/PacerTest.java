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

    @Test
    void aBurstIsReleasedWholeAtItsGroupsDueTime() {
        Pacer p = new Pacer(10 * S, 1000, 1_000_000, 10); // groups of 10 every 10 ms
        assertEquals(0, p.dueBy(10 * S - 1));
        assertEquals(10, p.dueBy(10 * S));
        assertEquals(10, p.dueBy(10 * S + 9_999_999));
        assertEquals(20, p.dueBy(10 * S + 10_000_000));
        assertEquals(1010, p.dueBy(11 * S), "the same average rate as smooth pacing: 100 groups per second");
        for (long i = 0; i < 10; i++) {
            assertEquals(i, p.next(10 * S));
        }
        assertEquals(-1, p.next(10 * S + 9_999_999), "the next group is not due yet");
        assertEquals(10, p.next(10 * S + 10_000_000));
    }

    @Test
    void everyMessageOfAGroupIsStampedWithTheGroupsDueTime() {
        Pacer p = new Pacer(5 * S, 600, 6000, 10); // groups every 1/60 s
        for (long i = 0; i < 10; i++) {
            assertEquals(5 * S, p.intendedNanos(i));
        }
        assertEquals(5 * S + 16_666_666, p.intendedNanos(10));
        assertEquals(5 * S + 16_666_666, p.intendedNanos(19));
        assertEquals(5 * S + S, p.intendedNanos(600));
        assertEquals(5 * S + S, p.intendedNanos(609));
        for (long i = 0; i < 6000; i++) {
            assertTrue(p.dueBy(p.intendedNanos(i)) > i, "message " + i + " is due at its intended time");
            assertTrue(p.dueBy(p.intendedNanos(i) - 1) <= i - i % 10, "message " + i + " not due before its group");
        }
    }

    @Test
    void aBurstOfOneIsTheSmoothSchedule() {
        Pacer smooth = new Pacer(3 * S, 777, 5000);
        Pacer one = new Pacer(3 * S, 777, 5000, 1);
        for (long i = 0; i < 5000; i++) {
            assertEquals(smooth.intendedNanos(i), one.intendedNanos(i));
        }
        for (long t = 3 * S - 5; t < 10 * S; t += 123_457) {
            assertEquals(smooth.dueBy(t), one.dueBy(t));
        }
    }

    @Test
    void aShortLastGroupStopsAtTheTotal() {
        Pacer p = new Pacer(0, 100, 25, 10);
        assertEquals(20, p.dueBy(100_000_000));
        assertEquals(25, p.dueBy(200_000_000));
        assertEquals(25, p.dueBy(100 * S));
    }

    @Test
    void rejectsEmptyBursts() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(0, 100, 1, 0));
    }
}
