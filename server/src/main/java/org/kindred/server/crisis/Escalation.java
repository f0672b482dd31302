package org.kindred.server.crisis;

import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.EscalationStatus;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;

/**
 * An immutable snapshot of an escalation: a member of a room who may be at risk, waiting for or
 * in the hands of a moderator. Times are epoch milliseconds.
 *
 * @param id opaque identifier
 * @param createdAt when it was opened; the queue's "oldest first" and the wire {@code ts}
 * @param updatedAt last change of level, status or excerpt
 * @param lastAnnouncedAt when moderators were last paged for it (opening, upgrade, re-announcement)
 * @param claimedBy the moderator who claimed it, {@code null} while open
 * @param resolvedBy the moderator who resolved it, {@code null} until resolved
 * @param outcome how it was resolved, {@code null} until resolved
 * @param note the resolving moderator's note, may be {@code null}
 */
public record Escalation(String id, String room, String member, RiskLevel level, EscalationSource source,
        String excerpt, EscalationStatus status, String claimedBy, long createdAt, long updatedAt,
        long lastAnnouncedAt, String resolvedBy, ResolveOutcome outcome, String note) {

    /** Whether it still needs a moderator (open or claimed). */
    public boolean active() {
        return status != EscalationStatus.RESOLVED;
    }

    /** The {@code mod.escalation} event for watching moderators. */
    public ModEvent.Escalation toEvent() {
        return new ModEvent.Escalation(id, room, member, level, source, excerpt, status, claimedBy, createdAt);
    }

    Escalation withLevel(RiskLevel newLevel, String newExcerpt, long now, boolean announced) {
        return new Escalation(id, room, member, newLevel, source, newExcerpt, status, claimedBy, createdAt, now,
                announced ? now : lastAnnouncedAt, resolvedBy, outcome, note);
    }

    Escalation claimed(String moderator, long now) {
        return new Escalation(id, room, member, level, source, excerpt, EscalationStatus.CLAIMED, moderator,
                createdAt, now, lastAnnouncedAt, null, null, null);
    }

    Escalation resolved(String moderator, ResolveOutcome how, String why, long now) {
        return new Escalation(id, room, member, level, source, excerpt, EscalationStatus.RESOLVED, claimedBy,
                createdAt, now, lastAnnouncedAt, moderator, how, why);
    }

    Escalation announced(long now) {
        return new Escalation(id, room, member, level, source, excerpt, status, claimedBy, createdAt, updatedAt,
                now, resolvedBy, outcome, note);
    }
}
