package org.kindred.server.paging;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.kindred.server.moderator.AuditAction;
import org.kindred.server.moderator.AuditLog;
import org.kindred.server.store.PageDelivery;
import org.kindred.server.store.PagingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers pending pages over HTTP with the JDK client: asynchronous, with a timeout per attempt,
 * retried with exponential backoff and jitter after a 5xx, 408, 429, timeout or connection
 * failure, given up after {@link PagingConfig#maxAttempts} or on any other 4xx. Every attempt is
 * audited ({@link AuditAction#PAGE}, target the escalation id, reason the target key and outcome,
 * never text or URLs) and its count kept in the store before it starts, so a restart resumes
 * where the last run stopped. Store calls run on the blocking executor, never on the HTTP
 * client's or an event loop's threads.
 */
public final class PageSender {
    private static final Logger LOG = LoggerFactory.getLogger(PageSender.class);
    /** The longest wait between two attempts. */
    static final long MAX_BACKOFF_MS = 5 * 60_000L;

    private final PagingConfig config;
    private final Map<String, Webhook> targets;
    private final PagingStore store;
    private final AuditLog audit;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final Executor blocking;
    private final LongSupplier clock;

    /**
     * @param scheduler runs timers only (it hands work to {@code blocking})
     * @param blocking  runs store calls and audit writes
     * @param clock     epoch ms
     */
    public PageSender(PagingConfig config, PagingStore store, AuditLog audit, ScheduledExecutorService scheduler,
                      Executor blocking, LongSupplier clock) {
        this.config = config;
        this.targets = config.webhooks().stream()
                .collect(Collectors.toUnmodifiableMap(Webhook::key, Function.identity(), (a, b) -> a));
        this.store = store;
        this.audit = audit;
        this.scheduler = scheduler;
        this.blocking = blocking;
        this.clock = clock;
        this.http = config.webhooks().isEmpty() ? null // paging off: no client, no selector thread
                : HttpClient.newBuilder()
                        .connectTimeout(config.timeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
    }

    /** Schedules the next attempt of a pending delivery at its {@code nextAttemptAt} (at once if past). */
    public void deliver(PageDelivery d) {
        later(d, Math.max(0, d.nextAttemptAt() - clock.getAsLong()));
    }

    /**
     * Starts the next attempt of a pending delivery now, whatever its {@code nextAttemptAt} (e.g. one
     * this node has just claimed with {@link PagingStore#claimDue}). The attempt is started only if
     * the store agrees that nobody has started it ({@link PagingStore#attempting}).
     */
    public void deliverNow(PageDelivery d) {
        later(d, 0);
    }

    /**
     * The wait before attempt {@code attempt + 1} after attempt {@code attempt} failed: the
     * initial delay doubled per earlier attempt, capped at 5 minutes, then scaled by a random
     * factor in [0.5, 1) so that many pages do not retry in lockstep.
     */
    long backoff(int attempt) {
        long base = config.retryInitial().toMillis();
        long exp = attempt >= 30 ? MAX_BACKOFF_MS : Math.min(MAX_BACKOFF_MS, base << (attempt - 1));
        return (long) (exp * (0.5 + ThreadLocalRandom.current().nextDouble() * 0.5));
    }

    private void later(PageDelivery d, long delayMs) {
        try {
            scheduler.schedule(() -> blocking.execute(() -> attempt(d)), delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info("page not scheduled: shutting down escalation={}", d.escalationId()); // resumed on restart
        }
    }

    private void attempt(PageDelivery d) {
        try {
            Webhook hook = targets.get(d.target());
            if (hook == null) {
                if (store.finish(d.escalationId(), d.reason(), d.target(), PageDelivery.Status.FAILED)) {
                    record(d, d.attempts(), "target no longer configured, given up");
                }
                return;
            }
            int n = d.attempts() + 1;
            long backoff = backoff(n);
            long resumeAt = clock.getAsLong() + config.timeout().toMillis() + backoff;
            if (!store.attempting(d.escalationId(), d.reason(), d.target(), n, resumeAt)) {
                return; // delivered, given up, or this attempt started elsewhere meanwhile
            }
            PageDelivery now = new PageDelivery(d.escalationId(), d.reason(), d.target(), d.level(), d.room(),
                    d.status(), n, resumeAt, d.createdAt());
            HttpRequest req = HttpRequest.newBuilder(hook.url())
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "kindred-pager")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(PagePayloads.body(hook,
                            new PagePayloads.Page(d.escalationId(), d.level(), d.room(), d.reason(),
                                    config.consoleLink(d.escalationId()), d.createdAt()), config.language())))
                    .build();
            http.sendAsync(req, HttpResponse.BodyHandlers.discarding())
                    .whenCompleteAsync((resp, err) -> outcome(now, resp, err, backoff), blocking);
        } catch (RuntimeException e) {
            LOG.warn("page attempt failed escalation={} error={}", d.escalationId(), e.getClass().getSimpleName());
        }
    }

    private void outcome(PageDelivery d, HttpResponse<Void> resp, Throwable err, long backoff) {
        try {
            int status = resp == null ? 0 : resp.statusCode();
            String what = resp != null ? "http " + status : failure(err);
            if (status >= 200 && status < 300) {
                store.finish(d.escalationId(), d.reason(), d.target(), PageDelivery.Status.DELIVERED);
                record(d, d.attempts(), what + ", delivered");
                LOG.info("page delivered escalation={} target={} attempts={}", d.escalationId(), d.target(),
                        d.attempts());
                return;
            }
            boolean retryable = resp == null || status >= 500 || status == 408 || status == 429;
            if (retryable && d.attempts() < config.maxAttempts()) {
                record(d, d.attempts(), what + ", retry in " + backoff + " ms");
                later(d, backoff);
                return;
            }
            store.finish(d.escalationId(), d.reason(), d.target(), PageDelivery.Status.FAILED);
            record(d, d.attempts(), what + ", given up");
            LOG.warn("page given up escalation={} target={} attempts={} last={}", d.escalationId(), d.target(),
                    d.attempts(), what);
        } catch (RuntimeException e) {
            LOG.warn("page outcome not recorded escalation={} error={}", d.escalationId(),
                    e.getClass().getSimpleName()); // still pending: resumed on restart
        }
    }

    private static String failure(Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        if (t instanceof HttpTimeoutException) {
            return "timeout";
        }
        if (t instanceof ConnectException) {
            return "connection failed";
        }
        return "error " + (t == null ? "unknown" : t.getClass().getSimpleName());
    }

    private void record(PageDelivery d, int attempt, String outcome) {
        audit.record(AuditLog.SYSTEM, AuditAction.PAGE, d.escalationId(), d.room(),
                d.reason() + " to " + d.target() + " attempt " + attempt + "/" + config.maxAttempts() + ": " + outcome);
    }
}
