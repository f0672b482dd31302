package org.kindred.server.moderation;

import org.kindred.server.common.TokenBucket;

/** Per-member rate state: the member's token bucket and recent-message tracker. Thread-safe. */
final class MemberRate {
    final TokenBucket bucket;
    final FloodTracker flood = new FloodTracker();

    MemberRate(int burst, double perSecond) {
        this.bucket = new TokenBucket(burst, perSecond);
    }
}
