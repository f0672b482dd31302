package org.kindred.server.dispatch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.kindred.server.common.TokenBucket;

/**
 * How often each member may react: a token bucket per member id ({@code burst} reactions at
 * once, then {@code perSecond}), on top of the allowance every request of a connection passes.
 * Each reaction that changes something is announced to the whole room, so a member toggling a
 * reaction on and off could otherwise flood everyone's screen and screen reader. The member id
 * survives a resume, so reconnecting does not refill it. Buckets idle for ten minutes are
 * forgotten (they would be full again); at most 200,000 are kept. Thread-safe.
 */
final class ReactionAllowance {
    /** Reactions a member may give at once. */
    static final int BURST = 20;
    /** Reactions a member may give per second after that (one every two seconds). */
    static final double PER_SECOND = 0.5;

    private final int burst;
    private final double perSecond;
    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(200_000)
            .executor(Runnable::run)
            .build();

    /** With {@link #BURST} and {@link #PER_SECOND}. */
    ReactionAllowance() {
        this(BURST, PER_SECOND);
    }

    /**
     * @param burst reactions at once, {@code >= 1}
     * @param perSecond refill per second, {@code > 0}
     */
    ReactionAllowance(int burst, double perSecond) {
        if (burst < 1 || !(perSecond > 0)) {
            throw new IllegalArgumentException("burst: " + burst + ", perSecond: " + perSecond
                    + " (expected: burst >= 1, perSecond > 0)");
        }
        this.burst = burst;
        this.perSecond = perSecond;
    }

    /** Takes one reaction of {@code memberId} at {@code nowMillis}: 0, or the ms until it may react again. */
    long tryTake(String memberId, long nowMillis) {
        return buckets.get(memberId, k -> new TokenBucket(burst, perSecond)).tryTake(nowMillis);
    }
}
