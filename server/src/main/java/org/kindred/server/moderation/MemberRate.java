package org.kindred.server.moderation;

/** Per-member rate state: the member's token bucket and recent-message tracker. Thread-safe. */
final class MemberRate {
    final TokenBucket bucket;
    final FloodTracker flood = new FloodTracker();

    MemberRate(int burst, double perSecond) {
        this.bucket = new TokenBucket(burst, perSecond);
    }
}
