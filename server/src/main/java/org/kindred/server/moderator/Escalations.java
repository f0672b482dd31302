package org.kindred.server.moderator;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.function.LongSupplier;
import org.kindred.protocol.EscalationSource;
import org.kindred.protocol.ModEvent;
import org.kindred.protocol.ResolveOutcome;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.EscalationStore;
import org.kindred.server.store.Excerpt;
import org.kindred.server.store.NewEscalation;
import org.kindred.server.store.StoreJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Risk escalations: opened durably and audited, announced at once to watching moderators,
 * claimed and resolved by one moderator each, and, while an {@code imminent} one stays
 * unclaimed, announced again every re-announce interval. Methods block on the store: call
 * them from the blocking executor, never from an event loop.
 */
public final class Escalations {
    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
    /** Queue order: imminent first, then high, then concern; oldest first within a level. */
    public static final Comparator<Escalation> QUEUE_ORDER = Comparator
            .comparing((Escalation e) -> e.level().ordinal(), Comparator.reverseOrder())
            .thenComparingLong(Escalation::createdAt);

    /** How often, at most, each node looks for due re-announcements, ms. */
    public static final long REANNOUNCE_TICK_MS = 1_000;
    private static final int REANNOUNCE_BATCH = 20;

    private final EscalationStore store;
    private final AuditLog audit;
    private final ModeratorHub hub;
    private final LongSupplier clock;
    private volatile java.util.function.Consumer<Escalation> onOpened = e -> { };

    public Escalations(EscalationStore store, AuditLog audit, ModeratorHub hub, LongSupplier clock) {
        this.store = store;
        this.audit = audit;
        this.hub = hub;
        this.clock = clock;
    }

    /**
     * Opens an escalation. When the member already has an unresolved one at least as severe,
     * returns that one instead (one person in crisis, one escalation); a more severe signal
     * opens a new escalation at the higher level. {@code high} and {@code imminent} are announced
     * to watching moderators at once; {@code concern} waits in the queue without paging anyone.
     */
    public Escalation open(String room, String memberId, RiskLevel level, EscalationSource source, String excerpt) {
        Optional<Escalation> existing = store.listUnresolved().stream()
                .filter(e -> e.memberId().equals(memberId)).findFirst();
        if (existing.isPresent() && existing.get().level().compareTo(level) >= 0) {
            return existing.get();
        }
        Escalation e = store.add(new NewEscalation(room, memberId, level, source,
                excerpt == null ? null : Excerpt.of(excerpt), clock.getAsLong()));
        audit.record(AuditLog.SYSTEM, AuditAction.ESCALATION_OPENED, e.id(), room,
                level.name().toLowerCase(java.util.Locale.ROOT) + " via " + source.name().toLowerCase(java.util.Locale.ROOT));
        LOG.info("escalation opened escalation={} level={} source={}", e.id(), level, source);
        if (level.escalates()) {
            hub.publish(room, event(e)); // concern: in the queue for moderators, never paged
        }
        try {
            onOpened.accept(e);
        } catch (RuntimeException ex) {
            LOG.warn("escalation listener failed escalation={} error={}", e.id(), ex.getClass().getSimpleName());
        }
        return e;
    }

    /** Sets who hears of each newly opened escalation (e.g. the pager), on the opening thread. */
    public void onOpened(java.util.function.Consumer<Escalation> listener) {
        this.onOpened = java.util.Objects.requireNonNull(listener, "listener");
    }

    /** Claims an open escalation; empty when unknown, already claimed or resolved. */
    public Optional<Escalation> claim(String id, String moderator) {
        if (!store.claim(id, moderator, clock.getAsLong())) {
            return Optional.empty();
        }
        audit.record(moderator, AuditAction.CLAIM, id, null, null);
        Escalation e = store.find(id).orElseThrow();
        hub.publish(e.room(), event(e));
        return Optional.of(e);
    }

    /** Resolves an open or claimed escalation; empty when unknown or already resolved. */
    public Optional<Escalation> resolve(String id, String moderator, ResolveOutcome outcome, String note) {
        if (!store.resolve(id, moderator, outcome, note, clock.getAsLong())) {
            return Optional.empty();
        }
        audit.record(moderator, AuditAction.RESOLVE, id, null,
                outcome.name().toLowerCase(java.util.Locale.ROOT) + (note == null ? "" : ": " + note));
        Escalation e = store.find(id).orElseThrow();
        hub.publish(e.room(), event(e));
        return Optional.of(e);
    }

    public Optional<Escalation> find(String id) {
        return store.find(id);
    }

    /** Open and claimed escalations in queue order. */
    public List<Escalation> unresolved() {
        return store.listUnresolved().stream().sorted(QUEUE_ORDER).toList();
    }

    /**
     * Announces again every imminent escalation whose next announcement is due: first
     * {@code intervalMs} after it opened, then every {@code intervalMs} while nobody claims it.
     * Each due announcement is claimed in the store first ({@link EscalationStore#claimReannouncements}),
     * so of several nodes sharing the store exactly one announces it; a node that dies after its claim
     * loses that one announcement, and the next one is due (to any node) one interval later.
     *
     * @param intervalMs the re-announce interval, ms, &gt; 0
     * @return how many escalations this call announced
     */
    public int reannounceUnclaimed(long intervalMs) {
        long now = clock.getAsLong();
        int n = 0;
        List<Escalation> batch;
        do {
            batch = store.claimReannouncements(RiskLevel.IMMINENT, now, intervalMs, REANNOUNCE_BATCH);
            for (Escalation e : batch) {
                hub.publish(e.room(), event(e));
                n++;
            }
        } while (batch.size() == REANNOUNCE_BATCH);
        return n;
    }

    /**
     * Schedules {@link #reannounceUnclaimed} every {@code min(intervalMs, }{@value #REANNOUNCE_TICK_MS}{@code )}
     * ms as a periodic store job ({@link StoreJobs}: the timer only schedules, the store's claims run on
     * the jobs' thread, one run at a time), so a due announcement goes out at most one tick late while
     * the store answers. Every node of a cluster runs this; the store's claims make each announcement
     * happen once.
     *
     * @return the scheduled job; cancelling it stops this node's re-announcements (others go on)
     */
    public ScheduledFuture<?> scheduleReannounce(StoreJobs jobs, long intervalMs) {
        return scheduleReannounce(jobs, intervalMs, Math.min(intervalMs, REANNOUNCE_TICK_MS));
    }

    /** As {@link #scheduleReannounce(StoreJobs, long)}, checking every {@code tickMs} ms. */
    public ScheduledFuture<?> scheduleReannounce(StoreJobs jobs, long intervalMs, long tickMs) {
        if (intervalMs <= 0 || tickMs <= 0) {
            throw new IllegalArgumentException("intervalMs: " + intervalMs + ", tickMs: " + tickMs + " (expected: > 0)");
        }
        return jobs.every("re-announce", tickMs, tickMs, () -> { // a failure is logged by the jobs, once per outage
            int n = reannounceUnclaimed(intervalMs);
            if (n > 0) {
                LOG.info("re-announced unclaimed imminent escalations count={}", n);
            }
        });
    }

    public static ModEvent.Escalation event(Escalation e) {
        return new ModEvent.Escalation(e.id(), e.room(), e.memberId(), e.level(), e.source(), e.excerpt(),
                e.status(), e.claimedBy(), e.createdAt());
    }
}
