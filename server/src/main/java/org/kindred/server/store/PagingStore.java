package org.kindred.server.store;

import java.util.List;

/**
 * Deliveries of pages to webhook targets. Purged with escalations after the escalation
 * retention period. Each delivery is keyed by escalation, reason and target.
 */
public interface PagingStore {

    /**
     * Records a new delivery unless one with the same escalation, reason and target exists.
     *
     * @return true when stored, false when it already existed (whatever its status)
     */
    boolean add(PageDelivery delivery);

    /** Every delivery still pending, oldest first. */
    List<PageDelivery> pending();

    /** Every delivery of one escalation, oldest first. */
    List<PageDelivery> forEscalation(String escalationId);

    /**
     * Notes that attempt number {@code attempts} is starting and when the next one is due should
     * this one not finish (e.g. the process dies). A compare-and-set: it succeeds only while the
     * delivery is pending with {@code attempts - 1} attempts made, so of several nodes starting the
     * same attempt exactly one gets true and sends it.
     *
     * @return false when the delivery is not pending, or that attempt was started already (here or
     *         on another node)
     */
    boolean attempting(String escalationId, String reason, String target, int attempts, long nextAttemptAt);

    /** Moves a pending delivery to {@code status}; false when it is not pending. */
    boolean finish(String escalationId, String reason, String target, PageDelivery.Status status);

    /**
     * Claims the pending deliveries due at {@code now} (next attempt at or before it), earliest due
     * first, at most {@code limit}, moving each one's next attempt to {@code leaseUntil}. Of several
     * nodes sharing the store and claiming at the same time, exactly one gets each due delivery; if
     * that node dies before {@link #attempting} or {@link #finish}, the delivery is due again at
     * {@code leaseUntil}.
     *
     * @param now        epoch ms
     * @param leaseUntil epoch ms, after {@code now}: when an unfinished claim falls due again
     * @param limit      the most deliveries returned, > 0
     * @return the claimed deliveries with {@code nextAttemptAt == leaseUntil}; empty when none is due
     */
    List<PageDelivery> claimDue(long now, long leaseUntil, int limit);
}
