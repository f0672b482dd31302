package org.kindred.server.moderation;

import java.util.function.Function;
import org.kindred.server.common.TokenBucket;

/**
 * Stage 2: a token bucket per member and a looser one per network fingerprint ({@link Outcome#RATE_LIMITED}), and
 * flood detection (the same normalised text again and again is blocked as {@code spam}; the
 * normalisation is the one later stages match against, made once per message). Time comes from
 * {@link MessageContext#nowMillis()}. State lives in bounded maps that forget idle keys; a
 * forgotten bucket would have been full again anyway.
 */
public final class RateStage implements Stage {
    private final ModerationConfig config;
    private final IdleMap<String, MemberRate> members;
    private final IdleMap<String, TokenBucket> networks;
    private final Function<String, MemberRate> newMember;
    private final Function<String, TokenBucket> newNetwork;

    public RateStage(ModerationConfig config) {
        this.config = config;
        long memberRefill = (long) Math.ceil(config.memberBurst() / config.memberRatePerSecond());
        long networkRefill = (long) Math.ceil(config.networkBurst() / config.networkRatePerSecond());
        long memberIdle = Math.max(Math.max(60, 2 * memberRefill), config.floodWindowSeconds());
        this.members = new IdleMap<>(config.trackedKeys(), memberIdle * 1000);
        this.networks = new IdleMap<>(config.trackedKeys(), Math.max(60, 2 * networkRefill) * 1000);
        this.newMember = k -> new MemberRate(config.memberBurst(), config.memberRatePerSecond());
        this.newNetwork = k -> new TokenBucket(config.networkBurst(), config.networkRatePerSecond());
    }

    @Override
    public StageName name() {
        return StageName.RATE;
    }

    @Override
    public void apply(Evaluation e) {
        MessageContext ctx = e.context();
        long now = ctx.nowMillis();
        MemberRate member = members.get(ctx.memberId(), now, newMember);
        long wait = member.bucket.tryTake(now);
        if (wait == 0 && ctx.fingerprint() != null) {
            wait = networks.get(ctx.fingerprint(), now, newNetwork).tryTake(now);
        }
        if (wait > 0) {
            e.finish(Verdict.refused(Outcome.RATE_LIMITED, Reasons.tooQuick(wait), wait));
            return;
        }
        int same = member.flood.record(FloodTracker.fingerprint(e.normalized()), now, config.floodWindowSeconds() * 1000);
        if (same >= config.floodRepeats()) {
            e.found(Categories.SPAM, 0, e.text().length());
        }
    }

}
