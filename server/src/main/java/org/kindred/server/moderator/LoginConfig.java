package org.kindred.server.moderator;

import java.time.Duration;
import java.util.Objects;

/**
 * Login settings.
 *
 * @param tokenTtl              how long a login token is valid
 * @param maxFailuresPerAccount failed logins for one account within {@code failureWindow}
 *                              that lock it out
 * @param maxFailuresPerAddress failed logins from one network fingerprint (any account)
 *                              within {@code failureWindow} that lock it out
 * @param failureWindow         the sliding window failures are counted in
 * @param lockout               how long a lock-out lasts
 */
public record LoginConfig(Duration tokenTtl, int maxFailuresPerAccount, int maxFailuresPerAddress,
                          Duration failureWindow, Duration lockout) {
    public LoginConfig {
        Objects.requireNonNull(tokenTtl, "tokenTtl");
        Objects.requireNonNull(failureWindow, "failureWindow");
        Objects.requireNonNull(lockout, "lockout");
        if (tokenTtl.isNegative() || tokenTtl.isZero() || failureWindow.isNegative()
                || failureWindow.isZero() || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
        if (maxFailuresPerAccount < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1");
        }
    }

    /** Tokens valid 12 h; 5 failures per account or 10 per address in 15 min lock it for 15 min. */
    public static LoginConfig defaults() {
        return new LoginConfig(Duration.ofHours(12), 5, 10, Duration.ofMinutes(15),
                Duration.ofMinutes(15));
    }
}
