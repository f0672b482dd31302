package org.kindred.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    @Test
    void percentilesAreInMilliseconds() {
        Histogram h = LatencySummary.newHistogram();
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 1_000_000L); // 1 .. 1000 ms
        }
        LatencySummary s = LatencySummary.of(h);
        assertEquals(1000, s.count());
        assertEquals(500, s.p50Ms(), 1);
        assertEquals(990, s.p99Ms(), 1);
        assertEquals(999, s.p999Ms(), 1);
        assertEquals(1000, s.maxMs(), 1);
    }

    @Test
    void anEmptyHistogramHasNoPercentiles() {
        LatencySummary s = LatencySummary.of(LatencySummary.newHistogram());
        assertEquals(0, s.count());
        assertTrue(Double.isNaN(s.p99Ms()));
    }
}
