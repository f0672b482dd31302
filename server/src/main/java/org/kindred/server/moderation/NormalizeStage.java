package org.kindred.server.moderation;

/**
 * Stage 3: computes the normalised form of the message (see
 * {@link org.kindred.server.text.Normalizer}) that later stages match against. Stages that need it
 * before this one runs get it computed on demand, so the configured order cannot break matching.
 */
public final class NormalizeStage implements Stage {
    @Override
    public StageName name() {
        return StageName.NORMALIZE;
    }

    @Override
    public void apply(Evaluation e) {
        e.normalized();
    }
}
