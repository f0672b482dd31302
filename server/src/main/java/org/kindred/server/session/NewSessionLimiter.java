package org.kindred.server.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.kindred.server.common.TokenBucket;

/**
 * {@link NewSessions} in this process, for one node: a token bucket per fingerprint
 * ({@link SessionLimits#newBurst()} at once, then {@link SessionLimits#newPerMinute()}).
 * Buckets idle for ten minutes are forgotten; at most 200,000 are kept (least used go
 * first). Answers at once. Thread-safe.
 */
public final class NewSessionLimiter implements NewSessions {
    private final SessionLimits limits;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .executor(Runnable::run)
            .build();

    public NewSessionLimiter(SessionLimits limits) {
        this.limits = limits;
    }

    /**
     * Takes one new session for {@code fingerprint} at {@code nowMillis} and returns 0, or
     * returns how many ms until that fingerprint may open another. A null fingerprint (no
     * network address, e.g. in-process tests) is never limited.
     */
    public long tryTake(String fingerprint, long nowMillis) {
        if (fingerprint == null) {
            return 0;
        }
        return buckets.get(fingerprint, k -> new TokenBucket(limits.newBurst(), limits.newPerMinute() / 60.0))
                .tryTake(nowMillis);
    }

    /** {@link #tryTake}, already completed. */
    @Override
    public CompletionStage<Long> take(String fingerprint, long nowMillis) {
        return CompletableFuture.completedFuture(tryTake(fingerprint, nowMillis));
    }
}
