package org.kindred.server.store;

import java.util.Objects;

/**
 * One line of the append-only audit log: who did what, when, to whom and why. Never holds
 * message text, addresses, passwords or tokens.
 *
 * @param id     increasing, assigned by the store (0 before it is stored)
 * @param ts     epoch ms
 * @param actor  moderator name, or {@code "system"} for automatic actions
 * @param action what was done, e.g. {@code "ban"} (see the moderator package's AuditAction)
 * @param target what it was done to (member id, ban id, account name…), or null
 * @param room   the room, or null
 * @param reason why, or other short details, or null
 */
public record AuditEntry(long id, long ts, String actor, String action, String target,
                         String room, String reason) {
    /** Longest reason kept; longer ones are cut. */
    public static final int MAX_REASON = 500;

    public AuditEntry {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        if (reason != null && reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
    }

    /** An entry not stored yet. */
    public static AuditEntry of(long ts, String actor, String action, String target, String room,
                                String reason) {
        return new AuditEntry(0, ts, actor, action, target, room, reason);
    }
}
