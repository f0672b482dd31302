package org.kindred.server.store;

import java.util.List;
import java.util.Optional;
import org.kindred.protocol.ResolveOutcome;

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
}
