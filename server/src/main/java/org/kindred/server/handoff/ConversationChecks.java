package org.kindred.server.handoff;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check each node runs over its conversations across nodes every {@link #CHECK_MS} ms: it
 * records the endings still owed to the ledger ({@link RecordEndings#retryOwed()}); a
 * conversation whose record is gone {@link #GONE_TICKS} ticks after a check first found it gone
 * (an ending this node missed; its event, which says declined or closed, comes first otherwise)
 * ends here as {@code closed}; one whose other side's node is gone (its liveness key expired) is
 * ended. A conversation whose reach still waits for its answer is left alone. One check at a time:
 * a tick while one is queued or running starts none, so a slow store or Redis does not pile them up.
 */
final class ConversationChecks {
    /** How often each node checks its conversations, ms. */
    static final long CHECK_MS = 1000;
    /**
     * Ticks of the checks' schedule (one per {@link #CHECK_MS}, read as a check runs) from the check
     * that first finds a record gone to one that ends its conversation here; checks run back to back
     * (queued behind busy {@code blocking}) share a tick.
     */
    static final long GONE_TICKS = 2;
    private static final Logger LOG = LoggerFactory.getLogger(HandOff.class);

    private final HandOff hand;
    private final OpenConversations open;
    private final Ledger ledger;
    private final RecordEndings endings;
    private final Predicate<String> waiting;
    /** Checks scheduled so far; and each conversation a check found gone, with the count then. */
    private final AtomicLong ticks = new AtomicLong();
    private final Map<String, Long> goneSince = new ConcurrentHashMap<>();
    /** A check is queued or running. */
    private final AtomicBoolean checking = new AtomicBoolean();

    /**
     * @param waiting whether the reach of a conversation (by room id) still waits for its answer
     */
    ConversationChecks(HandOff hand, OpenConversations open, Ledger ledger, RecordEndings endings,
            Predicate<String> waiting) {
        this.hand = hand;
        this.open = open;
        this.ledger = ledger;
        this.endings = endings;
        this.waiting = waiting;
    }

    /**
     * Schedules the checks on {@code scheduler}, which only schedules: each check is handed to
     * {@code later} (its work, and what to run when it cannot be queued), which runs it on the
     * blocking executor.
     */
    void start(ScheduledExecutorService scheduler, BiConsumer<Runnable, Runnable> later) {
        scheduler.scheduleWithFixedDelay(() -> {
            ticks.incrementAndGet();
            if (checking.compareAndSet(false, true)) {
                later.accept(() -> {
                    try {
                        check();
                    } finally {
                        checking.set(false);
                    }
                }, () -> checking.set(false));
            }
        }, CHECK_MS, CHECK_MS, TimeUnit.MILLISECONDS);
    }

    private void check() {
        endings.retryOwed();
        long tick = ticks.get();
        goneSince.keySet().retainAll(open.byRoom.keySet());
        for (Conversation conv : open.byRoom.values()) {
            if (waiting.test(conv.id) || conv.ended()) {
                continue;
            }
            Ledger.State state;
            try {
                state = ledger.check(conv.id, conv.staff != null);
            } catch (RuntimeException e) {
                return; // Redis away: next time
            }
            if (state == Ledger.State.ENDED) {
                if (tick - goneSince.computeIfAbsent(conv.id, r -> tick) >= GONE_TICKS) {
                    open.endedElsewhere(conv.id, OpenConversations.Ending.CLOSED);
                }
                continue;
            }
            goneSince.remove(conv.id);
            if (state == Ledger.State.NODE_GONE) {
                LOG.info("private conversation's other node is gone room={}", conv.id);
                hand.end(conv, "node gone");
            }
        }
    }
}
