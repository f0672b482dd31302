package org.kindred.server.crisis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.function.LongSupplier;

/**
 * The current year (UTC) of a clock, for the bare-year past marker ({@link PastYear#of}):
 * read on every call, so a server running across New Year takes the year just ended as the past from
 * the first message of the new one (twentieth round; the year used to be read once at start-up).
 * A call reads the clock once and compares it with the bounds of the year last seen: no allocation
 * unless the year changed (or the clock went back before it). Thread-safe.
 */
final class YearClock {
    /** One year's bounds in epoch milliseconds, {@code [start, end)}. Immutable. */
    private record Span(int year, long start, long end) {
        static Span of(long epochMillis) {
            int year = Instant.ofEpochMilli(epochMillis).atZone(ZoneOffset.UTC).getYear();
            long start = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
            long end = ZonedDateTime.of(year + 1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
            return new Span(year, start, end);
        }
    }

    private final LongSupplier clock;
    private volatile Span span;

    /** @param clock epoch milliseconds (the server's clock; {@code System::currentTimeMillis}) */
    YearClock(LongSupplier clock) {
        this.clock = clock;
        this.span = Span.of(clock.getAsLong());
    }

    /** A clock that always gives {@code year} (tests, training). */
    static YearClock fixed(int year) {
        long mid = ZonedDateTime.of(year, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant().toEpochMilli();
        return new YearClock(() -> mid);
    }

    /** The clock's year now (UTC). */
    int year() {
        long now = clock.getAsLong();
        Span s = span;
        if (now < s.start() || now >= s.end()) {
            s = Span.of(now);
            span = s;
        }
        return s.year();
    }
}
