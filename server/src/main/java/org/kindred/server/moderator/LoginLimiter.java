package org.kindred.server.moderator;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Counts failed logins per key (an account or a network fingerprint) in a sliding window and
 * locks a key out for a while when it reaches its limit. In memory: a restart forgets it.
 * Bounded in size, so a flood of made-up keys cannot exhaust memory. Thread-safe.
 */
final class LoginLimiter {
    private static final long MAX_KEYS = 100_000;

    private final Cache<String, Window> windows;
    private final long windowMs;
    private final long lockoutMs;
    private final Clock clock;

    LoginLimiter(long windowMs, long lockoutMs, Clock clock) {
        this.windowMs = windowMs;
        this.lockoutMs = lockoutMs;
        this.clock = clock;
        this.windows = Caffeine.newBuilder()
                .maximumSize(MAX_KEYS)
                .expireAfterAccess(windowMs + lockoutMs, TimeUnit.MILLISECONDS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** Milliseconds until the key may try again; 0 when it is not locked out. */
    long retryAfterMs(String key) {
        Window w = windows.getIfPresent(key);
        return w == null ? 0 : w.retryAfter(clock.millis());
    }

    /** Counts a failure; true when this failure locked the key out. */
    boolean recordFailure(String key, int limit) {
        return windows.get(key, k -> new Window()).fail(clock.millis(), limit, windowMs, lockoutMs);
    }

    void reset(String key) {
        windows.invalidate(key);
    }

    private static final class Window {
        private final ArrayDeque<Long> failures = new ArrayDeque<>();
        private long lockedUntil;

        synchronized long retryAfter(long now) {
            return Math.max(0, lockedUntil - now);
        }

        synchronized boolean fail(long now, int limit, long windowMs, long lockoutMs) {
            while (!failures.isEmpty() && failures.peekFirst() <= now - windowMs) {
                failures.pollFirst();
            }
            failures.addLast(now);
            if (failures.size() >= limit) {
                failures.clear();
                lockedUntil = now + lockoutMs;
                return true;
            }
            return false;
        }
    }
}
