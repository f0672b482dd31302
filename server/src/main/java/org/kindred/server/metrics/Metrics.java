package org.kindred.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.kindred.protocol.ErrorCode;

/**
 * The server's counters, exposed at {@code /metrics} in Prometheus text format. Counters are
 * created once, so the hot path only increments.
 */
public final class Metrics {
    private static final Duration[] STALL_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Counter framesOut;
    private final Counter slowConsumers;
    private final Counter originRefused;
    private final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);
    private final Timer eventLoopStalls;

    public Metrics() {
        Gauge.builder("kindred.connections", connections, AtomicInteger::get)
                .description("Open WebSocket connections").register(registry);
        messagesIn = Counter.builder("kindred.messages.in").description("Chat messages accepted into rooms")
                .register(registry);
        messagesOut = Counter.builder("kindred.messages.out").description("Chat messages delivered to members")
                .register(registry);
        framesOut = Counter.builder("kindred.frames.out").description("WebSocket frames sent").register(registry);
        slowConsumers = Counter.builder("kindred.slow.consumers")
                .description("Connections closed because they could not keep up").register(registry);
        originRefused = Counter.builder("kindred.origin.refused")
                .description("Browser requests refused because of their Origin (WebSocket upgrade or sign-in)")
                .register(registry);
        for (ErrorCode c : ErrorCode.values()) {
            errors.put(c, Counter.builder("kindred.errors").tag("code", c.wire())
                    .description("Error replies by code").register(registry));
        }
        eventLoopStalls = Timer.builder("kindred.event.loop.stall")
                .description("How long an event loop was held past the stall threshold, per stall")
                .serviceLevelObjectives(STALL_BUCKETS)
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Registers gauges whose values come from elsewhere (rooms, members). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    /** As {@link #gauge(String, String, Supplier)}, one series of the gauge per value of the tag {@code key}. */
    public void gauge(String name, String key, String tag, String description, Supplier<Number> value) {
        Gauge.builder(name, value).tag(key, tag).description(description).register(registry);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public int connections() {
        return connections.get();
    }

    public void messageIn() {
        messagesIn.increment();
    }

    public void messagesOut(int n) {
        messagesOut.increment(n);
    }

    public void frameOut() {
        framesOut.increment();
    }

    public void slowConsumer() {
        slowConsumers.increment();
    }

    /** One browser request refused for its {@code Origin}: {@code kindred_origin_refused_total}. */
    public void originRefused() {
        originRefused.increment();
    }

    /** How many requests were refused for their {@code Origin} so far. */
    public long originRefusedCount() {
        return (long) originRefused.count();
    }

    public void error(ErrorCode code) {
        errors.get(code).increment();
    }

    /**
     * Records one event-loop stall that has ended; exposed as the histogram
     * {@code kindred_event_loop_stall_seconds} (buckets 0.05 s to 30 s).
     *
     * @param nanos how long the loop was held, in nanoseconds
     */
    public void eventLoopStall(long nanos) {
        eventLoopStalls.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** How many event-loop stalls have ended so far. */
    public long eventLoopStalls() {
        return eventLoopStalls.count();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
