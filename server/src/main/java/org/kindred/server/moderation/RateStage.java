package org.kindred.server.moderation;

import java.util.function.Function;
import org.kindred.protocol.Role;
import org.kindred.server.common.TokenBucket;

/**
 * Stage 2: slow mode per room (members only; one message per {@code roomSlowSeconds}), a token
 * bucket per member and a looser one per network fingerprint ({@link Outcome#RATE_LIMITED}), and
 * flood detection (the same normalised text again and again is blocked as {@code spam}; the
 * normalisation is the one later stages match against, made once per message). Time comes from
 * {@link MessageContext#nowMillis()}. State lives in bounded maps that forget idle keys; a
 * forgotten bucket would have been full again anyway.
 */
public final class RateStage implements Stage {
    private final ModerationConfig config;
    private final IdleMap<String, MemberRate> members;
    private final IdleMap<String, TokenBucket> networks;
    private final IdleMap<RoomMember, long[]> lastInRoom;
    private final Function<String, MemberRate> newMember;
    private final Function<String, TokenBucket> newNetwork;

    private record RoomMember(String room, String member) {
    }

    public RateStage(ModerationConfig config) {
        this.config = config;
        long memberRefill = (long) Math.ceil(config.memberBurst() / config.memberRatePerSecond());
        long networkRefill = (long) Math.ceil(config.networkBurst() / config.networkRatePerSecond());
        long memberIdle = Math.max(Math.max(60, 2 * memberRefill), config.floodWindowSeconds());
        this.members = new IdleMap<>(config.trackedKeys(), memberIdle * 1000);
        this.networks = new IdleMap<>(config.trackedKeys(), Math.max(60, 2 * networkRefill) * 1000);
        this.lastInRoom = new IdleMap<>(config.trackedKeys(), 3_600_000L);
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
        if (ctx.roomSlowSeconds() > 0 && ctx.role() == Role.MEMBER && slowMode(e, ctx, now)) {
            return;
        }
        MemberRate member = members.get(ctx.memberId(), now, newMember);
        long wait = member.bucket.tryTake(now);
        if (wait == 0 && ctx.fingerprint() != null) {
            wait = networks.get(ctx.fingerprint(), now, newNetwork).tryTake(now);
        }
        if (wait > 0) {
            e.finish(Verdict.refused(Outcome.RATE_LIMITED, "You're sending messages too quickly. Please wait "
                    + seconds(wait) + " before sending again.", wait));
            return;
        }
        int same = member.flood.record(FloodTracker.fingerprint(e.normalized()), now, config.floodWindowSeconds() * 1000);
        if (same >= config.floodRepeats()) {
            e.found(Categories.SPAM, 0, e.text().length());
        }
    }

    /** Returns true (and finishes) when the member must wait; otherwise records this message. */
    private boolean slowMode(Evaluation e, MessageContext ctx, long now) {
        long interval = ctx.roomSlowSeconds() * 1000;
        long[] last = lastInRoom.get(new RoomMember(ctx.room(), ctx.memberId()), now, k -> new long[] {Long.MIN_VALUE});
        synchronized (last) {
            if (last[0] != Long.MIN_VALUE && now - last[0] < interval) {
                long wait = interval - (now - last[0]);
                e.finish(Verdict.refused(Outcome.SLOW_MODE, "This room is in slow mode: you can send one message every "
                        + ctx.roomSlowSeconds() + " seconds. Please wait " + seconds(wait) + ".", wait));
                return true;
            }
            last[0] = now;
        }
        return false;
    }

    private static String seconds(long millis) {
        long s = Math.max(1, (millis + 999) / 1000);
        return s == 1 ? "a second" : s + " seconds";
    }
}
