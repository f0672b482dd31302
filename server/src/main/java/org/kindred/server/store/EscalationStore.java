package org.kindred.server.store;

import java.util.List;
import java.util.Optional;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;

/** Escalations. Purged with their excerpts after the escalation retention period. */
public interface EscalationStore {

    /** Opens an escalation and returns it with its new id, status open. */
    Escalation add(NewEscalation escalation);

    Optional<Escalation> find(String id);

    /** Escalations not yet resolved (open or claimed), oldest first. */
    List<Escalation> listUnresolved();

    /**
     * Claims an open escalation for a moderator; false when unknown, already claimed or
     * resolved (at most one of several concurrent claims succeeds).
     */
    boolean claim(String id, String moderator, long at);

    /** Resolves an open or claimed escalation; false when unknown or already resolved. */
    boolean resolve(String id, String moderator, ResolveOutcome outcome, String note, long at);

    /**
     * Claims the re-announcements due at {@code now}: open (unclaimed) escalations of {@code level}
     * whose next announcement is due, oldest first, at most {@code limit}. An escalation is first due
     * {@code intervalMs} after it was opened, then {@code intervalMs} after each claim; claiming moves
     * its due time to {@code now + intervalMs}. Of several nodes sharing the store and claiming at
     * the same time, exactly one gets each due escalation, so it is announced once per due time; if
     * that node dies, the escalation is due again one interval later.
     *
     * @param level      the level re-announced (e.g. imminent)
     * @param now        epoch ms
     * @param intervalMs the re-announce interval, > 0
     * @param limit      the most escalations returned, > 0
     * @return the claimed escalations, oldest first; empty when none is due
     */
    List<Escalation> claimReannouncements(RiskLevel level, long now, long intervalMs, int limit);
}
