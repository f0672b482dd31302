package org.kindred.server.moderation;

import org.kindred.protocol.Role;
import org.kindred.server.text.Normalizer;

/** Shared test helpers: contexts with sensible defaults, evaluations, one compiled pipeline. */
final class Fixtures {
    static final long NOW = 1_800_000_000_000L;
    static final long LONG_AGO = NOW - 86_400_000L;

    private static StagedPipeline shared;

    private Fixtures() {
    }

    static MessageContext ctx(String text) {
        return new MessageContext("lobby", "m1", Role.MEMBER, "fp1", LONG_AGO, NOW, text);
    }

    static MessageContext ctx(String room, String member, Role role, long memberSince, long now, long slow, String text) {
        return new MessageContext(room, member, role, "fp-" + member, memberSince, now, text);
    }

    static Evaluation evaluation(MessageContext ctx, ModerationConfig config) {
        return new Evaluation(ctx, config, new Normalizer());
    }

    static Evaluation evaluation(String text) {
        return evaluation(ctx(text), ModerationConfig.defaults());
    }

    /** A pipeline with the default configuration and bundled lexicons, built once per JVM. */
    static synchronized StagedPipeline pipeline() {
        if (shared == null) {
            shared = StagedPipeline.create(ModerationConfig.defaults(), null, System::nanoTime);
        }
        return shared;
    }

    /** Runs the default pipeline without rate limiting getting in the way (fresh member per call). */
    static Verdict judge(String text) {
        return pipeline().evaluate(new MessageContext("lobby", "m-" + System.nanoTime(), Role.MEMBER, null,
                LONG_AGO, NOW, text));
    }
}
