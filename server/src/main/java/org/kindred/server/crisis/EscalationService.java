package org.kindred.server.crisis;

import java.util.List;
import java.util.Optional;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;

/**
 * Escalations: members who may be at risk, for moderators to claim and resolve. Every change is
 * reported to the {@link EscalationListener} given at construction. Implementations are
 * thread-safe.
 *
 * <p><b>One active escalation per member and room.</b> While a member has an open or claimed
 * escalation in a room, a further {@link #open} for that member and room returns the same
 * escalation instead of a duplicate: at a higher level it is upgraded (new level and excerpt,
 * status and claim kept, {@code UPGRADED} pages moderators again), otherwise it is left as is
 * ({@code REPEATED}, audited, no page). Rationale: a person writing three worried messages needs
 * one moderator, not three pages; but moderators watch rooms ({@code mod.watch}), so a member in
 * two rooms gets one escalation per room and no watcher of either room is left out. Once
 * resolved, a new signal opens a new escalation.
 */
public interface EscalationService {

    /**
     * Opens an escalation, or upgrades / returns the member's active one in that room (see above).
     *
     * @param excerpt a short excerpt for moderators (cut to {@link #MAX_EXCERPT} characters), may be {@code null}
     * @return the escalation as it is after the call
     * @throws EscalationException {@code INVALID} when room, member, level or source is missing
     */
    Escalation open(String room, String memberId, RiskLevel level, EscalationSource source, String excerpt);

    /**
     * Marks an escalation as taken by a moderator. Claiming one already claimed by the same
     * moderator is a no-op that returns it.
     *
     * @throws EscalationException {@code NOT_FOUND}, {@code CLAIMED_BY_OTHER} (message names the
     *         claimant), {@code ALREADY_RESOLVED}, {@code INVALID}
     */
    Escalation claim(String id, String moderator);

    /**
     * Closes an escalation, open or claimed. Any moderator may resolve, not only the claimant
     * (the claimant may have gone offline; the event and the audit record who did it).
     *
     * @param note optional, cut to {@link #MAX_NOTE} characters
     * @throws EscalationException {@code NOT_FOUND}, {@code ALREADY_RESOLVED}, {@code INVALID}
     */
    Escalation resolve(String id, String moderator, ResolveOutcome outcome, String note);

    /** An escalation by id, active or recently resolved. */
    Optional<Escalation> get(String id);

    /** The member's active escalation in a room, if any. */
    Optional<Escalation> activeFor(String room, String memberId);

    /** Active (open or claimed) escalations: imminent first, then high, then concern; oldest first within a level. */
    List<Escalation> open();

    /**
     * Re-announces every escalation that is still unclaimed at {@code imminent} and was last
     * announced at least the configured interval ago. Call it periodically (see
     * {@link InMemoryEscalationService#scheduleReannouncements}).
     *
     * @return how many were re-announced
     */
    int reannounceDue();

    /** Longest excerpt kept, in characters. */
    int MAX_EXCERPT = 280;
    /** Longest resolution note kept, in characters. */
    int MAX_NOTE = 1000;
}
