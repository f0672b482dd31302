package org.kindred.server.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How many new sessions each network fingerprint may open: {@link SessionLimits#newBurst()} at
 * once, then {@link SessionLimits#newPerMinute()}, so one address cannot mint sessions (and room
 * seats) faster than a person ever would. One node keeps the buckets in memory
 * ({@link NewSessionLimiter}); several nodes share them in Redis, so a network opening sessions
 * on every node in turn has one allowance, not one per node.
 *
 * <p>Guarantees every implementation keeps (see the contract tests): a fresh fingerprint may open
 * {@code newBurst} sessions at once, then one per {@code 60 / newPerMinute} seconds; a refusal
 * takes nothing and says how long until the next session would be allowed, in ms ({@code >= 1},
 * {@code rate_limited}'s {@code retryAfterMs}); fingerprints never share an allowance; a null
 * fingerprint (no network address) is never limited. Times are epoch ms as the caller's clock
 * gives them. Thread-safe.
 */
@FunctionalInterface
public interface NewSessions {

    /**
     * Takes one new session for {@code fingerprint} at {@code nowMillis}. Never waits.
     *
     * @return completes with 0 when allowed (taken), else with the ms until that fingerprint may
     *     open another; exceptionally when a shared allowance could not be read
     */
    CompletionStage<Long> take(String fingerprint, long nowMillis);

    /**
     * These allowances, and {@code fallback}'s whenever these cannot be read (Redis unreachable:
     * each node limits on its own until it is back). The result never completes exceptionally.
     */
    default NewSessions orElse(NewSessions fallback) {
        return (fingerprint, nowMillis) -> {
            CompletionStage<Long> first;
            try {
                first = take(fingerprint, nowMillis);
            } catch (RuntimeException e) {
                first = CompletableFuture.failedFuture(e);
            }
            return first.handle((wait, err) -> err == null ? CompletableFuture.completedFuture(wait)
                    : fallback.take(fingerprint, nowMillis)).thenCompose(f -> f);
        };
    }
}
