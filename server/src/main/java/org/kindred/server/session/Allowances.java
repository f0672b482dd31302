package org.kindred.server.session;

import org.kindred.server.common.TokenBucket;

/**
 * What a member may still spend of its per-member allowances: reports ({@code report}, configured
 * per server) and reactions ({@code react}: {@link #REACTION_BURST} at once, then
 * {@link #REACTIONS_PER_SECOND}, since every reaction that changes something is announced to the
 * whole room). They live with the session, so a resume (on this node or, through
 * {@link ParkedSessions}, on another) does not refill them. Times are epoch ms. Thread-safe.
 */
public final class Allowances {
    /** Reactions a member may give at once. */
    public static final int REACTION_BURST = 20;
    /** Reactions a member may give per second after that (one every two seconds). */
    public static final double REACTIONS_PER_SECOND = 0.5;

    /**
     * What was left of each allowance at a moment: tokens (0 up to the burst) at {@code at} (epoch
     * ms). Null fields mean "whole" (an older record).
     */
    public record Left(Double reports, Double reactions, long at) {
    }

    private volatile TokenBucket reports = new TokenBucket(10, 0.1);
    private final TokenBucket reactions;

    Allowances() {
        this(REACTION_BURST, REACTIONS_PER_SECOND);
    }

    /**
     * @param reactionBurst reactions at once, {@code >= 1}
     * @param reactionsPerSecond refill per second, {@code > 0}
     */
    Allowances(int reactionBurst, double reactionsPerSecond) {
        if (reactionBurst < 1 || !(reactionsPerSecond > 0)) {
            throw new IllegalArgumentException("reactionBurst: " + reactionBurst + ", reactionsPerSecond: "
                    + reactionsPerSecond + " (expected: reactionBurst >= 1, reactionsPerSecond > 0)");
        }
        this.reactions = new TokenBucket(reactionBurst, reactionsPerSecond);
    }

    /** Sets the report allowance: {@code burst} at once, refilled at {@code perSecond} (whole again). */
    void reportLimit(int burst, double perSecond) {
        this.reports = new TokenBucket(burst, perSecond);
    }

    /** Takes one report at {@code now}: 0, or the ms until the member may report again. */
    long reportWait(long now) {
        return reports.tryTake(now);
    }

    /** Takes one reaction at {@code now} (epoch ms): 0, or the ms until the member may react again. Thread-safe. */
    public long reactionWait(long now) {
        return reactions.tryTake(now);
    }

    /** What is left at {@code now} (epoch ms). */
    public Left left(long now) {
        return new Left(reports.tokensAt(now), reactions.tokensAt(now), now);
    }

    /**
     * Takes over what another copy of the session had left ({@link #left}, read on another node);
     * after the report limit is set. Null: nothing spent.
     */
    public void restore(Left left) {
        if (left == null) {
            return;
        }
        if (left.reports() != null) {
            reports.restore(left.reports(), left.at());
        }
        if (left.reactions() != null) {
            reactions.restore(left.reactions(), left.at());
        }
    }
}
