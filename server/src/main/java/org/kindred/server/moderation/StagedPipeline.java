package org.kindred.server.moderation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.kindred.server.moderation.lexicon.Lexicon;
import org.kindred.server.moderation.lexicon.ReloadingLexicon;
import org.kindred.server.moderation.lexicon.Term;
import org.kindred.server.text.NormalizedText;
import org.kindred.server.text.Normalizer;

/** The {@link ModerationPipeline}: configured stages run in order until one finishes the evaluation. */
public final class StagedPipeline implements ModerationPipeline {
    private final ModerationConfig config;
    private final Normalizer normalizer;
    private final ReloadingLexicon lexicon;
    private final Stage[] stages;
    private final VerdictAssembler assembler;

    StagedPipeline(ModerationConfig config, Normalizer normalizer, ReloadingLexicon lexicon, List<Stage> stages) {
        this.config = config;
        this.normalizer = normalizer;
        this.lexicon = lexicon;
        this.stages = stages.toArray(new Stage[0]);
        this.assembler = new VerdictAssembler(new StrikeTracker(config.autoMuteStrikes(),
                config.autoMuteWindowSeconds(), config.autoMuteSeconds(), config.trackedKeys()));
    }

    /** Builds the pipeline; {@code nanoClock} paces lexicon reload checks (tests inject one). */
    public static StagedPipeline create(ModerationConfig config, Path dataDirOrNull, LongSupplier nanoClock) {
        Normalizer normalizer = new Normalizer();
        ReloadingLexicon lexicon = ReloadingLexicon.load(config.languages(), dataDirOrNull, normalizer,
                config.lexiconReloadSeconds() * 1000, nanoClock);
        List<Stage> stages = new ArrayList<>();
        ContactScanner contacts = config.stages().contains(StageName.CONTACT) ? ContactStage.scanner(config) : null;
        for (StageName name : config.stages()) {
            stages.add(switch (name) {
                case SHAPE -> new ShapeStage(config.maxTextLength());
                case RATE -> new RateStage(config);
                case NORMALIZE -> new NormalizeStage();
                case LEXICON -> new LexiconStage(lexicon, contacts);
                case CONTACT -> new ContactStage(contacts);
                case LINKS -> new LinkStage(config);
            });
        }
        return new StagedPipeline(config, normalizer, lexicon, stages);
    }

    @Override
    public Verdict evaluate(MessageContext ctx) {
        Evaluation e = new Evaluation(ctx, config, normalizer);
        for (Stage stage : stages) {
            stage.apply(e);
            if (e.isFinished()) {
                break;
            }
        }
        return assembler.assemble(e);
    }

    @Override
    public boolean acceptableNick(String nick) {
        NormalizedText t = normalizer.normalize(nick);
        boolean[] bad = {false};
        lexicon.current().scan(t, Lexicon.Mode.NICK, (Term term, int start, int end) -> {
            for (String category : term.categories()) {
                // an insult needs someone it is aimed at, and a nickname names only its wearer
                if (!Categories.INSULT.equals(category) && config.policy(category).action() != Action.ALLOW) {
                    bad[0] = true;
                    return false;
                }
            }
            return true;
        });
        return !bad[0];
    }

    /** The lexicon in use (for diagnostics and tests). */
    public ReloadingLexicon lexicon() {
        return lexicon;
    }
}
