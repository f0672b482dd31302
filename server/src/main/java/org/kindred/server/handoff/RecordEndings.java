package org.kindred.server.handoff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kindred.server.events.ClusterEvents;
import org.kindred.server.events.StaffChange;
import org.kindred.server.moderator.AuditAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of a conversation's shared record ({@link Ledger}), once for all nodes: of the nodes that
 * end it, the one whose end wins audits it and tells the others ({@code REACH_DECLINED} or
 * {@code REACH_CLOSED}). An ending the ledger could not record (Redis away) is owed and recorded by
 * {@link #retryOwed()}, which the cluster's check calls. Its methods wait for Redis: they run on
 * the blocking executor. Thread-safe.
 */
final class RecordEndings {
    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);

    private final Ledger ledger;
    private final OpenConversations open;
    private final ClusterEvents events;
    /** Endings the ledger could not record yet, by room. */
    private final Map<String, Ended> owed = new ConcurrentHashMap<>();

    private record Ended(String memberId, String actor, AuditAction action, String why) {
    }

    RecordEndings(Ledger ledger, OpenConversations open, ClusterEvents events) {
        this.ledger = ledger;
        this.open = open;
        this.events = events;
    }

    /**
     * Ends the record of conversation {@code room} (with {@code memberId}); if this node's end wins,
     * audits {@code action} by {@code actor} with reason {@code why} and tells the other nodes. A
     * failure to record it is kept, to be retried.
     */
    void settle(String room, String memberId, String actor, AuditAction action, String why) {
        boolean won;
        try {
            won = ledger.end(room, memberId);
        } catch (RuntimeException e) {
            owed.put(room, new Ended(memberId, actor, action, why));
            LOG.warn("private conversation ending not recorded yet room={} error={}", room, e.getClass().getSimpleName());
            return;
        }
        owed.remove(room);
        if (won) {
            open.audited(actor, action, memberId, room, why);
            events.publish(StaffChange.handOff(action == AuditAction.REACH_DECLINED ? StaffChange.Kind.REACH_DECLINED
                    : StaffChange.Kind.REACH_CLOSED, room, memberId, events.nodeId()));
        }
    }

    /** Records again every ending still owed. */
    void retryOwed() {
        owed.forEach((room, e) -> settle(room, e.memberId(), e.actor(), e.action(), e.why()));
    }
}
