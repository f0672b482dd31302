package org.kindred.server.moderator;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.kindred.protocol.ModEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How console events get their {@code current} (where the member is now) before they reach staff:
 * at once from what this node knows ({@link #now}), later from what every node knows for live events
 * on several nodes ({@link #inOrder}: never waits, hands the events on in the order they came), and
 * for the whole {@code queue} reply in one go ({@link #queue}, may wait). Thread-safe.
 */
final class ConsoleEnrichment {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEnrichment.class);
    /** How long a live event's lookup may take, ms, before it goes on as published (the lookup's own limit is lower). */
    static final long LIMIT_MS = 5_000;

    private final long limitMs;

    private volatile BiFunction<ModEvent, String, ModEvent> now = (e, room) -> e;
    private volatile BiFunction<ModEvent, String, CompletionStage<ModEvent>> later;
    private volatile UnaryOperator<List<ModEvent>> queue;
    /** Completes once the last event handed to {@link #inOrder} was handed on; guarded by {@code this}. */
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

    ConsoleEnrichment() {
        this(LIMIT_MS);
    }

    /** With a lookup that may take at most {@code limitMs} ms (&gt; 0) before its event goes on as published. */
    ConsoleEnrichment(long limitMs) {
        if (limitMs <= 0) {
            throw new IllegalArgumentException("limitMs: " + limitMs + " (expected: > 0)");
        }
        this.limitMs = limitMs;
    }

    void now(BiFunction<ModEvent, String, ModEvent> f) {
        this.now = Objects.requireNonNull(f, "f");
    }

    void later(BiFunction<ModEvent, String, CompletionStage<ModEvent>> f) {
        this.later = Objects.requireNonNull(f, "f");
    }

    void queue(UnaryOperator<List<ModEvent>> f) {
        this.queue = Objects.requireNonNull(f, "f");
    }

    /** {@code event} (about {@code room}, may be null) as this node alone knows it; never waits. */
    ModEvent now(ModEvent event, String room) {
        return now.apply(event, room);
    }

    /**
     * Enriches {@code event} (with the {@link #later} function when {@code lookElsewhere} and one is
     * set, else {@link #now}) and hands it to {@code then} once every event handed in before it was
     * handed on: in the caller's thread when nothing is pending, else on the thread that completes the
     * lookup. Never waits. An event whose lookup fails, or takes longer than the limit, goes on as
     * published.
     */
    void inOrder(ModEvent event, String room, boolean lookElsewhere, Consumer<ModEvent> then) {
        BiFunction<ModEvent, String, CompletionStage<ModEvent>> f = lookElsewhere ? later : null;
        CompletionStage<ModEvent> enriched;
        try {
            enriched = f != null ? f.apply(event, room) : CompletableFuture.completedFuture(now(event, room));
        } catch (RuntimeException e) {
            LOG.warn("a console event's whereabouts not looked up error={}", e.getClass().getSimpleName());
            enriched = CompletableFuture.completedFuture(event);
        }
        CompletableFuture<ModEvent> safe = new CompletableFuture<>();
        enriched.whenComplete((v, e) -> safe.complete(e == null && v != null ? v : event));
        safe.completeOnTimeout(event, limitMs, TimeUnit.MILLISECONDS); // a lookup that never ends holds nothing back
        synchronized (this) {
            tail = tail.thenCombine(safe, (done, e) -> e).thenAccept(e -> {
                try {
                    then.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("a console event was not handed on error={}", ex.getClass().getSimpleName());
                }
            });
        }
    }

    /**
     * The {@code queue} reply's events with {@code current} set, in the same order: by the
     * {@link #queue} function (which may wait: blocking pool only), else each by {@link #now}.
     */
    List<ModEvent> queue(List<ModEvent> events) {
        UnaryOperator<List<ModEvent>> f = queue;
        if (f != null) {
            return f.apply(events);
        }
        return events.stream().map(e -> now(e, e.room())).toList();
    }
}
