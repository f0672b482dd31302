package org.kindred.server.moderation;

import org.kindred.server.moderation.lexicon.Lexicon;
import org.kindred.server.moderation.lexicon.ReloadingLexicon;
import org.kindred.server.moderation.lexicon.Term;
import org.kindred.server.text.NormalizedText;

/**
 * Stage 4: matches the lexicon against the normalised text and applies each matched category's
 * action in this room: mask exactly the original characters, hold, or block. A block does not
 * end the scan, so the verdict lists every category for the moderators' alert. Text with "1" or "|"
 * next to letters is also scanned with those read as "l" ("ki11 yourself"), since the normaliser
 * reads them as "i". Also triggers the lexicon's cheap change check, so operator files reload
 * without a restart.
 */
public final class LexiconStage implements Stage {
    private final ReloadingLexicon lexicon;

    public LexiconStage(ReloadingLexicon lexicon) {
        this.lexicon = lexicon;
    }

    @Override
    public StageName name() {
        return StageName.LEXICON;
    }

    @Override
    public void apply(Evaluation e) {
        lexicon.maybeReload();
        NormalizedText t = e.normalized();
        Lexicon current = lexicon.current();
        current.scan(t, Lexicon.Mode.MESSAGE, new Findings(e, t));
        NormalizedText onesAsL = e.normalizedOnesAsL(); // "ki11", "ki||": rare, so a second scan is cheap
        if (onesAsL != null) { // also after a block: moderators see every category
            current.scan(onesAsL, Lexicon.Mode.MESSAGE, new Findings(e, onesAsL));
        }
    }

    /** Translates normalised matches into findings on the original text. */
    private static final class Findings implements Lexicon.Sink {
        private final Evaluation e;
        private final NormalizedText t;

        Findings(Evaluation e, NormalizedText t) {
            this.e = e;
            this.t = t;
        }

        @Override
        public boolean onMatch(Term term, int start, int end) {
            int from = t.originalStart(start);
            int to = t.originalEnd(end);
            for (String category : term.categories()) {
                e.found(category, from, to); // keep scanning after a block: moderators see every category
            }
            return true;
        }
    }
}
