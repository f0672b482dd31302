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
     * this one not finish (e.g. the process dies); false when the delivery is not pending.
     */
    boolean attempting(String escalationId, String reason, String target, int attempts, long nextAttemptAt);

    /** Moves a pending delivery to {@code status}; false when it is not pending. */
    boolean finish(String escalationId, String reason, String target, PageDelivery.Status status);
}
