package org.kindred.server.moderation;

/** The {@link RateLimits} contract, in memory (the rate stage's own buckets). */
class MemoryRateLimitsTest extends RateLimitsContract {
    @Override
    protected RateLimits limits() {
        return new MemoryRateLimits(MEMBER_BURST, MEMBER_RATE, NETWORK_BURST, NETWORK_RATE, 1_000, 3_600_000);
    }
}
