package org.kindred.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.kindred.protocol.ErrorCode;

/**
 * The server's counters, exposed at {@code /metrics} in Prometheus text format. Counters are
 * created once, so the hot path only increments.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Counter framesOut;
    private final Counter slowConsumers;
    private final Map<ErrorCode, Counter> errors = new EnumMap<>(ErrorCode.class);

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
        for (ErrorCode c : ErrorCode.values()) {
            errors.put(c, Counter.builder("kindred.errors").tag("code", c.wire())
                    .description("Error replies by code").register(registry));
        }
        new JvmMemoryMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    /** Registers gauges whose values come from elsewhere (rooms, members). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
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

    public void error(ErrorCode code) {
        errors.get(code).increment();
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
