package org.kindred.server.moderator;

import java.time.Duration;
import java.util.Objects;

/**
 * Sign-in settings. Failed sign-ins are throttled per (account, network fingerprint) with a
 * growing delay, never by locking an account for everyone: someone guessing from another
 * network cannot keep the real moderator out. A coarse limit per network fingerprint (any
 * account) stops one network from trying many names.
 *
 * @param tokenTtl              how long a login token is valid (positive)
 * @param freeFailures          failures for one account from one network before delays start
 *                              (at least 1)
 * @param firstDelay            the first delay; each further failure doubles it (positive)
 * @param maxDelay              the longest delay (at least {@code firstDelay})
 * @param maxFailuresPerNetwork failures from one network, any account, within
 *                              {@code networkWindow} that throttle the network (at least 1)
 * @param networkWindow         the sliding window those are counted in (positive)
 * @param networkLockout        how long a throttled network waits (positive)
 * @throws IllegalArgumentException naming the field and what was expected
 */
public record LoginConfig(Duration tokenTtl, int freeFailures, Duration firstDelay, Duration maxDelay,
                          int maxFailuresPerNetwork, Duration networkWindow, Duration networkLockout) {
    public LoginConfig {
        positive("tokenTtl", tokenTtl);
        positive("firstDelay", firstDelay);
        positive("maxDelay", maxDelay);
        positive("networkWindow", networkWindow);
        positive("networkLockout", networkLockout);
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay: " + maxDelay + " (expected: >= firstDelay " + firstDelay + ")");
        }
        if (freeFailures < 1) {
            throw new IllegalArgumentException("freeFailures: " + freeFailures + " (expected: >= 1)");
        }
        if (maxFailuresPerNetwork < 1) {
            throw new IllegalArgumentException("maxFailuresPerNetwork: " + maxFailuresPerNetwork + " (expected: >= 1)");
        }
    }

    /**
     * Tokens valid 12 h; 3 free failures per account and network, then 1 s, 2 s, 4 s … up to
     * 15 min; 30 failures from one network in 15 min throttle that network for 15 min.
     */
    public static LoginConfig defaults() {
        return new LoginConfig(Duration.ofHours(12), 3, Duration.ofSeconds(1), Duration.ofMinutes(15),
                30, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: > 0)");
        }
    }
}
