package org.kindred.server.store;

import java.time.Duration;
import java.util.Objects;

/**
 * Retention periods of the store.
 *
 * @param reportRetention     how long a report (and its excerpt) is kept after it was made
 * @param escalationRetention how long an escalation (and its excerpt) is kept after it was opened
 * @param heldRetention       how long a held message is kept after it was held; its text is
 *                            already erased when a moderator decides it
 * @param auditRetention      how long audit entries are kept; also how long an ended ban is kept
 */
public record StoreConfig(Duration reportRetention, Duration escalationRetention,
                          Duration heldRetention, Duration auditRetention) {

    public static final Duration DEFAULT_REPORT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_ESCALATION_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_HELD_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_AUDIT_RETENTION = Duration.ofDays(365);

    public StoreConfig {
        requirePositive(reportRetention, "reportRetention");
        requirePositive(escalationRetention, "escalationRetention");
        requirePositive(heldRetention, "heldRetention");
        requirePositive(auditRetention, "auditRetention");
    }

    /** 30 days for reports, escalations and held messages; 365 days for the audit log. */
    public static StoreConfig defaults() {
        return new StoreConfig(DEFAULT_REPORT_RETENTION, DEFAULT_ESCALATION_RETENTION,
                DEFAULT_HELD_RETENTION, DEFAULT_AUDIT_RETENTION);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
