package org.kindred.server.moderation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.kindred.server.common.TokenBucket;

/**
 * {@link RateLimits} in memory, for one node: a {@link TokenBucket} per member and one per
 * network fingerprint, in bounded maps ({@code trackedKeys} each) that forget keys idle long
 * enough to be full again (a forgotten bucket would have been full anyway). Never waits.
 * Thread-safe.
 */
public final class MemoryRateLimits implements RateLimits {
    private final IdleMap<String, TokenBucket> members;
    private final IdleMap<String, TokenBucket> networks;
    private final Function<String, TokenBucket> newMember;
    private final Function<String, TokenBucket> newNetwork;

    /**
     * @param memberBurst sends a member may make at once, {@code >= 1}
     * @param memberRatePerSecond a member's refill, sends per second, {@code > 0}
     * @param networkBurst sends one fingerprint may make at once, {@code >= 1}
     * @param networkRatePerSecond a fingerprint's refill, sends per second, {@code > 0}
     * @param trackedKeys how many members (and fingerprints) are kept at most
     * @param memberIdleMillis how long a member's bucket is kept unused, at least its time to fill up
     */
    public MemoryRateLimits(int memberBurst, double memberRatePerSecond, int networkBurst,
            double networkRatePerSecond, long trackedKeys, long memberIdleMillis) {
        long networkRefill = (long) Math.ceil(networkBurst / networkRatePerSecond);
        this.members = new IdleMap<>(trackedKeys, memberIdleMillis);
        this.networks = new IdleMap<>(trackedKeys, Math.max(60, 2 * networkRefill) * 1000);
        this.newMember = k -> new TokenBucket(memberBurst, memberRatePerSecond);
        this.newNetwork = k -> new TokenBucket(networkBurst, networkRatePerSecond);
    }

    /** The limits of a moderation configuration (a member's bucket kept at least a minute). */
    public static MemoryRateLimits of(ModerationConfig config) {
        long memberRefill = (long) Math.ceil(config.memberBurst() / config.memberRatePerSecond());
        long memberIdle = Math.max(Math.max(60, 2 * memberRefill), config.floodWindowSeconds());
        return new MemoryRateLimits(config.memberBurst(), config.memberRatePerSecond(), config.networkBurst(),
                config.networkRatePerSecond(), config.trackedKeys(), memberIdle * 1000);
    }

    @Override
    public CompletionStage<Long> take(String memberId, String fingerprint, long nowMillis) {
        return CompletableFuture.completedFuture(takeNow(memberId, fingerprint, nowMillis));
    }

    /** {@link #take} answered at once: 0 when taken, else the ms to wait (nothing taken). */
    public long takeNow(String memberId, String fingerprint, long nowMillis) {
        TokenBucket member = members.get(memberId, nowMillis, newMember);
        long wait = member.tryTake(nowMillis);
        if (fingerprint == null) {
            return wait;
        }
        TokenBucket network = networks.get(fingerprint, nowMillis, newNetwork);
        long networkWait = network.tryTake(nowMillis);
        if (wait == 0 && networkWait > 0) {
            member.giveBack(); // a refused send takes nothing
        } else if (wait > 0 && networkWait == 0) {
            network.giveBack();
        }
        return Math.max(wait, networkWait); // allowed when both are 0; else the longer wait
    }
}
