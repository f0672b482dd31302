package org.kindred.server.store;

import java.util.Objects;
import org.kindred.protocol.RiskLevel;

/**
 * One page of one escalation to one webhook target, and how far its delivery got. Holds no
 * message text, excerpt, member id or nickname.
 *
 * @param escalationId  the escalation paged about
 * @param reason        why it was paged, e.g. {@code "unclaimed"} or {@code "nobody_watching"}
 * @param target        a stable key of the webhook target (a digest, never its URL)
 * @param level         the escalation's level
 * @param room          the escalation's room, or null
 * @param status        pending until delivered, or given up
 * @param attempts      HTTP attempts made so far
 * @param nextAttemptAt epoch ms when the next attempt is due (while pending)
 * @param createdAt     epoch ms when the page was decided
 */
public record PageDelivery(String escalationId, String reason, String target, RiskLevel level, String room,
                           Status status, int attempts, long nextAttemptAt, long createdAt) {
    /** Where a delivery stands. */
    public enum Status { PENDING, DELIVERED, FAILED }

    public PageDelivery {
        Objects.requireNonNull(escalationId, "escalationId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(status, "status");
    }

    /** A new pending delivery, due at once. */
    public static PageDelivery pending(String escalationId, String reason, String target, RiskLevel level,
                                       String room, long now) {
        return new PageDelivery(escalationId, reason, target, level, room, Status.PENDING, 0, now, now);
    }
}
