package org.kindred.server.moderation;

import java.util.function.Function;

/**
 * Stage 2: a token bucket per member and a looser one per network fingerprint ({@link Outcome#RATE_LIMITED},
 * {@link MemoryRateLimits}: a refused send takes from neither), and
 * flood detection (the same normalised text again and again is blocked as {@code spam}; the
 * normalisation is the one later stages match against, made once per message). Time comes from
 * {@link MessageContext#nowMillis()}. State lives in bounded maps that forget idle keys; a
 * forgotten bucket would have been full again anyway.
 */
public final class RateStage implements Stage {
    private final ModerationConfig config;
    private final MemoryRateLimits limits;
    private final IdleMap<String, FloodTracker> floods;
    private final Function<String, FloodTracker> newFlood = k -> new FloodTracker();

    public RateStage(ModerationConfig config) {
        this.config = config;
        this.limits = MemoryRateLimits.of(config);
        long memberRefill = (long) Math.ceil(config.memberBurst() / config.memberRatePerSecond());
        long memberIdle = Math.max(Math.max(60, 2 * memberRefill), config.floodWindowSeconds());
        this.floods = new IdleMap<>(config.trackedKeys(), memberIdle * 1000);
    }

    @Override
    public StageName name() {
        return StageName.RATE;
    }

    @Override
    public void apply(Evaluation e) {
        MessageContext ctx = e.context();
        long now = ctx.nowMillis();
        long wait = limits.takeNow(ctx.memberId(), ctx.fingerprint(), now);
        if (wait > 0) {
            e.finish(Verdict.rateLimited(wait));
            return;
        }
        int same = floods.get(ctx.memberId(), now, newFlood).record(FloodTracker.fingerprint(e.normalized()), now,
                config.floodWindowSeconds() * 1000);
        if (same >= config.floodRepeats()) {
            e.found(Categories.SPAM, 0, e.text().length());
        }
    }

}
