package org.kindred.server.paging;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.kindred.protocol.EscalationStatus;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.moderator.ModeratorHub;
import org.kindred.server.store.Escalation;
import org.kindred.server.store.EscalationStore;
import org.kindred.server.store.PageDelivery;
import org.kindred.server.store.PagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when nobody answers an escalation and pages the configured webhooks:
 * <ul>
 *   <li>{@value #NOBODY_WATCHING}: a {@code high} or {@code imminent} escalation opens while no
 *       moderator watches its room (nor all rooms);</li>
 *   <li>{@value #UNCLAIMED}: an {@code imminent} escalation is still open (not claimed, not
 *       resolved) {@link PagingConfig#after} after it opened.</li>
 * </ul>
 * Each escalation is paged at most once per reason and target: the delivery is stored before it
 * is sent, so a restart resumes pending deliveries ({@link #start}) and never repeats a finished
 * one. With no webhooks configured nothing is stored or sent. Methods may block on the store:
 * call them from the blocking executor.
 */
public final class Pager {
    /** Reason: an imminent escalation stayed unclaimed. */
    public static final String UNCLAIMED = "unclaimed";
    /** Reason: an escalation opened while no moderator was watching. */
    public static final String NOBODY_WATCHING = "nobody_watching";
    private static final Logger LOG = LoggerFactory.getLogger(Pager.class);

    private final PagingConfig config;
    private final PagingStore store;
    private final EscalationStore escalations;
    private final ModeratorHub hub;
    private final PageSender sender;
    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    private final LongSupplier clock;

    /**
     * @param scheduler runs timers only (work is handed to {@code blocking})
     * @param clock     epoch ms, the same clock escalations are stamped with
     */
    public Pager(PagingConfig config, PagingStore store, EscalationStore escalations, ModeratorHub hub,
                 PageSender sender, ScheduledExecutorService scheduler, Executor blocking, LongSupplier clock) {
        this.config = config;
        this.store = store;
        this.escalations = escalations;
        this.hub = hub;
        this.sender = sender;
        this.scheduler = scheduler;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** True when at least one webhook is configured. */
    public boolean enabled() {
        return !config.webhooks().isEmpty();
    }

    /**
     * After a (re)start: resumes every pending delivery and watches every open imminent escalation
     * for the unclaimed deadline. Returns the number of deliveries resumed.
     */
    public int start() {
        if (!enabled()) {
            return 0;
        }
        var pending = store.pending();
        pending.forEach(sender::deliver);
        for (Escalation e : escalations.listUnresolved()) {
            watchUnclaimed(e);
        }
        if (!pending.isEmpty()) {
            LOG.info("paging resumed pending deliveries count={}", pending.size());
        }
        return pending.size();
    }

    /** Called when an escalation was opened (after moderators were told): pages or starts watching it. */
    public void opened(Escalation e) {
        if (!enabled() || !e.level().escalates()) {
            return;
        }
        if (!hub.isWatched(e.room())) {
            page(e, NOBODY_WATCHING);
        }
        watchUnclaimed(e);
    }

    /** Pages {@code id} as {@value #UNCLAIMED} if it is an imminent escalation still open past the deadline. */
    public void checkUnclaimed(String id) {
        escalations.find(id).ifPresent(e -> {
            if (isWaiting(e)) {
                long due = e.createdAt() + config.after().toMillis();
                if (clock.getAsLong() >= due) {
                    page(e, UNCLAIMED);
                } else {
                    watchUnclaimed(e);
                }
            }
        });
    }

    private static boolean isWaiting(Escalation e) {
        return e.level() == RiskLevel.IMMINENT && e.status() == EscalationStatus.OPEN;
    }

    private void watchUnclaimed(Escalation e) {
        if (!isWaiting(e)) {
            return;
        }
        long delay = Math.max(0, e.createdAt() + config.after().toMillis() - clock.getAsLong());
        try {
            scheduler.schedule(() -> blocking.execute(() -> {
                try {
                    checkUnclaimed(e.id());
                } catch (RuntimeException ex) {
                    LOG.warn("unclaimed check failed escalation={} error={}", e.id(), ex.getClass().getSimpleName());
                }
            }), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ex) {
            LOG.info("unclaimed check not scheduled: shutting down escalation={}", e.id());
        }
    }

    private void page(Escalation e, String reason) {
        long now = clock.getAsLong();
        for (Webhook hook : config.webhooks()) {
            PageDelivery d = PageDelivery.pending(e.id(), reason, hook.key(), e.level(), e.room(), now);
            if (store.add(d)) {
                LOG.info("paging escalation={} level={} reason={} target={}", e.id(), e.level(), reason, hook.key());
                sender.deliver(d);
            }
        }
    }
}
