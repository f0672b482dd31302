package org.kindred.server.store;

import java.util.Objects;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.EscalationStatus;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;

/**
 * A risk escalation and its life cycle: open → claimed → resolved (or open → resolved).
 *
 * @param room       the room, or null when opened by {@code help} outside a room
 * @param excerpt    a short {@link Excerpt excerpt}, or null (e.g. for {@code help})
 * @param claimedBy  moderator, or null while open
 * @param outcome    set when resolved
 * @param note       the resolving moderator's note, or null
 * @param resolvedBy moderator, or null
 */
public record Escalation(String id, String room, String memberId, RiskLevel level,
                         EscalationSource source, String excerpt, EscalationStatus status,
                         String claimedBy, Long claimedAt, ResolveOutcome outcome, String note,
                         String resolvedBy, Long resolvedAt, long createdAt) {
    public Escalation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(memberId, "memberId");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
    }
}
