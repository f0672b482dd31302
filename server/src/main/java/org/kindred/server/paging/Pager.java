package org.kindred.server.paging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * is sent, keyed by escalation, reason and target, so of several nodes deciding the same page only
 * one stores it and sends it. With no webhooks configured nothing is stored or sent.
 *
 * <p>Shared by several nodes: after {@link #start}, every node polls the store every
 * {@link #POLL_MS} ms for escalations past the unclaimed deadline and for pending deliveries that
 * are due ({@link PagingStore#claimDue}: a delivery whose node died mid-way falls due again when
 * its lease ends). Each attempt is started through a compare-and-set on its number
 * ({@link PagingStore#attempting}), so it is sent by one node only, and a node dying does not stop
 * paging: any other node carries on within a poll. Methods may block on the store: call them from
 * the blocking executor.
 */
public final class Pager implements AutoCloseable {
    /** Reason: an imminent escalation stayed unclaimed. */
    public static final String UNCLAIMED = "unclaimed";
    /** Reason: an escalation opened while no moderator was watching. */
    public static final String NOBODY_WATCHING = "nobody_watching";
    /** How often each node looks for due pages and deliveries, ms. */
    public static final long POLL_MS = 1_000;
    private static final int CLAIM_BATCH = 20;
    private static final Logger LOG = LoggerFactory.getLogger(Pager.class);

    private final PagingConfig config;
    private final PagingStore store;
    private final EscalationStore escalations;
    private final ModeratorHub hub;
    private final PageSender sender;
    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    private final LongSupplier clock;
    /** Escalations this node has already decided an unclaimed page for (the store keeps it once anyway). */
    private final Set<String> pagedUnclaimed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean polling = new AtomicBoolean();
    private volatile boolean pollFailing;
    private volatile ScheduledFuture<?> poller;

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

    /** {@link #start(long)} polling every {@link #POLL_MS} ms. */
    public int start() {
        return start(POLL_MS);
    }

    /**
     * After a (re)start: polls once at once (resuming every due delivery and paging escalations past
     * their deadline), then every {@code pollMs} ms until {@link #close}. Returns the number of
     * deliveries the first poll resumed.
     *
     * @param pollMs ms between two polls, &gt; 0
     */
    public int start(long pollMs) {
        if (pollMs <= 0) {
            throw new IllegalArgumentException("pollMs: " + pollMs + " (expected: > 0)");
        }
        if (!enabled()) {
            return 0;
        }
        int resumed = poll();
        if (resumed > 0) {
            LOG.info("paging resumed pending deliveries count={}", resumed);
        }
        if (poller == null) {
            try {
                poller = scheduler.scheduleWithFixedDelay(() -> {
                    if (polling.compareAndSet(false, true)) { // one poll at a time, however slow the store
                        try {
                            blocking.execute(this::pollQuietly);
                        } catch (RejectedExecutionException e) {
                            polling.set(false);
                        }
                    }
                }, pollMs, pollMs, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.info("paging poll not scheduled: shutting down");
            }
        }
        return resumed;
    }

    private void pollQuietly() {
        try {
            poll();
            pollFailing = false;
        } catch (RuntimeException ex) {
            if (!pollFailing) { // once per outage, not once a second
                LOG.warn("paging poll failed, retried every poll error={}", ex.getClass().getSimpleName());
            }
            pollFailing = true;
        } finally {
            polling.set(false);
        }
    }

    /**
     * One poll: pages (as {@value #UNCLAIMED}) every imminent escalation still open past its deadline,
     * then claims the due deliveries and starts their next attempts. Blocks on the store.
     *
     * @return the number of deliveries claimed and started
     */
    public int poll() {
        long now = clock.getAsLong();
        for (Escalation e : escalations.listUnresolved()) {
            if (isWaiting(e) && now >= deadline(e) && !pagedUnclaimed.contains(e.id())) {
                page(e, UNCLAIMED);
                pagedUnclaimed.add(e.id());
            }
        }
        int claimed = 0;
        List<PageDelivery> batch;
        do {
            long at = clock.getAsLong();
            batch = store.claimDue(at, at + lease(), CLAIM_BATCH);
            batch.forEach(sender::deliverNow);
            claimed += batch.size();
        } while (batch.size() == CLAIM_BATCH);
        pagedUnclaimed.removeIf(id -> escalations.find(id).map(e -> !isWaiting(e)).orElse(true));
        return claimed;
    }

    /** How long a claimed delivery stays with its node before others may take it: one attempt and then some. */
    private long lease() {
        return config.timeout().toMillis() + 30_000;
    }

    /** Stops this node's polling (deliveries already started finish); other nodes carry on. */
    @Override
    public void close() {
        ScheduledFuture<?> p = poller;
        if (p != null) {
            p.cancel(false);
        }
    }

    /** Called when an escalation was opened (after moderators were told): pages it if nobody watches. */
    public void opened(Escalation e) {
        if (!enabled() || !e.level().escalates()) {
            return;
        }
        if (!hub.isWatched(e.room())) {
            page(e, NOBODY_WATCHING);
        }
    }

    /** Pages {@code id} as {@value #UNCLAIMED} if it is an imminent escalation still open past the deadline. */
    public void checkUnclaimed(String id) {
        escalations.find(id).ifPresent(e -> {
            if (isWaiting(e) && clock.getAsLong() >= deadline(e)) {
                page(e, UNCLAIMED);
            }
        });
    }

    private long deadline(Escalation e) {
        return e.createdAt() + config.after().toMillis();
    }

    private static boolean isWaiting(Escalation e) {
        return e.level() == RiskLevel.IMMINENT && e.status() == EscalationStatus.OPEN;
    }

    private void page(Escalation e, String reason) {
        if (!enabled()) {
            return;
        }
        long now = clock.getAsLong();
        for (Webhook hook : config.webhooks()) {
            PageDelivery d = PageDelivery.pending(e.id(), reason, hook.key(), e.level(), e.room(), now);
            if (store.add(d)) { // false: another node (or an earlier poll) decided this page already
                LOG.info("paging escalation={} level={} reason={} target={}", e.id(), e.level(), reason, hook.key());
                sender.deliver(d);
            }
        }
    }
}
