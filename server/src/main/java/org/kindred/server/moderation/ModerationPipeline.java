package org.kindred.server.moderation;

import java.nio.file.Path;

/**
 * Judges every {@code send} before anyone sees it (PROTOCOL.md, "Moderation as seen on the wire").
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #evaluate} and {@link #acceptableNick} are thread-safe and may be called
 *       concurrently; they never block on I/O (lexicon reloads happen in the background).</li>
 *   <li>A verdict's {@code text} is always derived from the sender's text (cleaned, trimmed, and
 *       with masked characters replaced by {@code *}); the normalised form is never delivered.</li>
 *   <li>Every refusal carries a reason a person understands.</li>
 *   <li>First-person distress is never blocked by this pipeline; risk is the crisis module's job
 *       and must be assessed whatever the verdict.</li>
 *   <li>No message content is logged.</li>
 * </ul>
 * The server applies the verdict: delivers, queues held messages, sends errors and notices, raises
 * {@code mod.alert}, and applies and records {@link Verdict#autoMuteSeconds()}.
 */
public interface ModerationPipeline {
    /** Judges one message. */
    Verdict evaluate(MessageContext ctx);

    /** False if the nickname contains abusive terms (checked also inside words for longer terms). */
    boolean acceptableNick(String nick);

    /**
     * Builds the pipeline with the stage order of {@code config}, the bundled lexicons of its
     * languages, and the operator's lexicon files in {@code <dataDir>/lexicons/} when given.
     *
     * @throws org.kindred.server.moderation.lexicon.LexiconException if a lexicon file is invalid
     */
    static ModerationPipeline create(ModerationConfig config, Path dataDirOrNull) {
        return StagedPipeline.create(config, dataDirOrNull, System::nanoTime);
    }
}
