package org.kindred.server.moderation;

import java.util.concurrent.CompletionStage;

/**
 * How often a member, and everyone behind one network fingerprint, may send: a bucket of
 * {@code burst} sends per member and one per fingerprint, each refilled at its rate per second
 * (the {@code moderation} section's {@code memberBurst}/{@code memberRatePerSecond} and
 * {@code networkBurst}/{@code networkRatePerSecond}). One node keeps them in memory
 * ({@link MemoryRateLimits}, the rate stage's own); several nodes keep them in Redis, so a member
 * alternating between nodes has one allowance, not one per node.
 *
 * <p>Guarantees every implementation keeps (see the contract tests):
 * <ul>
 *   <li>A fresh key allows {@code burst} sends at once, then one per {@code 1 / rate} seconds;
 *       an idle key fills up again, never above {@code burst}.</li>
 *   <li>{@link #take} takes from the member's allowance and, when a fingerprint is given, from
 *       the fingerprint's, both or neither: a refused send takes nothing.</li>
 *   <li>A refusal says how long until the same send would be allowed, in ms ({@code >= 1}),
 *       rounded up: {@code rate_limited}'s {@code retryAfterMs} (PROTOCOL.md).</li>
 *   <li>Keys are independent: members and fingerprints never share an allowance.</li>
 *   <li>Over the network, {@link #take} never waits: it fails (a stage completed exceptionally)
 *       at once while the engine is known to be unreachable, after the command timeout otherwise.</li>
 * </ul>
 * Times are epoch ms as the caller's clock gives them. Thread-safe.
 */
public interface RateLimits {

    /**
     * Takes one send of {@code memberId} from network {@code fingerprint} (null: unknown, the
     * member's allowance only) at {@code nowMillis}.
     *
     * @return completes with 0 when allowed (taken), else with the ms to wait (nothing taken);
     *     exceptionally when the allowance could not be read
     */
    CompletionStage<Long> take(String memberId, String fingerprint, long nowMillis);
}
