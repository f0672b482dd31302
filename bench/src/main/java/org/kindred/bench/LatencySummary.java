package org.kindred.bench;

import org.HdrHistogram.Histogram;

/** End-to-end latency percentiles in milliseconds, from a histogram recorded in nanoseconds. */
public record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
    private static final double NS_PER_MS = 1e6;

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new LatencySummary(h.getTotalCount(),
                h.getValueAtPercentile(50) / NS_PER_MS,
                h.getValueAtPercentile(99) / NS_PER_MS,
                h.getValueAtPercentile(99.9) / NS_PER_MS,
                h.getMaxValue() / NS_PER_MS);
    }

    /** A histogram for nanosecond latencies up to a minute, three significant digits. */
    public static Histogram newHistogram() {
        return new Histogram(60_000_000_000L, 3);
    }
}
