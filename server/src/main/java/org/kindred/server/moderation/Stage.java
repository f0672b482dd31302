package org.kindred.server.moderation;

/**
 * One step of the moderation pipeline, with one job. Implementations are thread-safe: a single
 * instance serves concurrent evaluations, each with its own {@link Evaluation}. A stage either
 * leaves the message alone, records a finding (mask, hold, block) on the evaluation, or ends the
 * evaluation with {@link Evaluation#finish(Verdict)}. Stages never log message content.
 */
public interface Stage {
    /** The configuration name of this stage. */
    StageName name();

    /** Examines (and possibly annotates) one message. */
    void apply(Evaluation evaluation);
}
