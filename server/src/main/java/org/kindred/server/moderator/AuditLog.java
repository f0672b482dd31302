package org.kindred.server.moderator;

import java.time.Clock;
import java.util.Objects;
import org.kindred.server.store.AuditEntry;
import org.kindred.server.store.AuditStore;

/**
 * Writes the audit log: who did what, when, to what and why. The entry is durable when
 * {@link #record} returns. Never pass message text, addresses, passwords or tokens: the
 * target is an id (member, ban, escalation, account) and the reason a moderator's words or
 * a category name.
 */
public final class AuditLog {
    /** The actor of automatic actions. */
    public static final String SYSTEM = "system";

    private final AuditStore store;
    private final Clock clock;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Appends one entry stamped with the clock's current time.
     *
     * @param actor  moderator name, or {@link #SYSTEM}
     * @param target member id, ban id, escalation id, account name…, or null
     * @param room   room, or null
     * @param reason why, or null
     */
    public AuditEntry record(String actor, AuditAction action, String target, String room,
                             String reason) {
        Objects.requireNonNull(action, "action");
        return store.append(AuditEntry.of(clock.millis(), actor, action.id(), target, room, reason));
    }
}
