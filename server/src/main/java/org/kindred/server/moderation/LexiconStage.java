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
 *
 * <p>Contact details are names, not prose: a match that lies wholly inside an e-mail address,
 * handle or phone number the contact stage will hide counts only when its letters are the term's
 * letters as written ("nigger@…" still blocks); one that needs leetspeak, look-alikes or repeated
 * letters to read as a term ("moon92@…" read as "mong…") is left to the contact policy, which masks
 * the address (issue 12).
 *
 * <p>Insult words ({@code insult}) count only where {@link InsultTarget} finds them aimed at a
 * person in the room; self-talk ("I feel like such an idiot") and talk about things are delivered.
 */
public final class LexiconStage implements Stage {
    private final ReloadingLexicon lexicon;
    private final ContactScanner contactsOrNull;

    /** A stage that matches the whole text (no contact stage runs, or it is not wanted). */
    public LexiconStage(ReloadingLexicon lexicon) {
        this(lexicon, null);
    }

    /**
     * A stage that leaves folded matches inside contact details found by {@code contactsOrNull}
     * (the contact stage's scanner; null: none) to the contact policy.
     */
    LexiconStage(ReloadingLexicon lexicon, ContactScanner contactsOrNull) {
        this.lexicon = lexicon;
        this.contactsOrNull = contactsOrNull;
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
        int[] covered = contactCoverage(e);
        current.scan(t, Lexicon.Mode.MESSAGE, new Findings(e, t, covered));
        NormalizedText onesAsL = e.normalizedOnesAsL(); // "ki11", "ki||": rare, so a second scan is cheap
        if (onesAsL != null) { // also after a block: moderators see every category
            current.scan(onesAsL, Lexicon.Mode.MESSAGE, new Findings(e, onesAsL, covered));
        }
    }

    /**
     * {@link Evaluation#coverage} of the contact details the room will not show as written (its
     * contact action is not allow), or null when there are none.
     */
    private int[] contactCoverage(Evaluation e) {
        if (contactsOrNull == null || e.config().action(e.context().room(), Categories.CONTACT) == Action.ALLOW) {
            return null;
        }
        int[] ranges = e.contactRanges(contactsOrNull);
        return ranges.length == 0 ? null : Evaluation.coverage(e.text().length(), ranges, ranges.length / 2);
    }

    /**
     * True when the letters of {@code s[from, to)}, lower-cased, are exactly the letters of the
     * term's normalised text (spaces, digits and punctuation skipped on both sides): the term is
     * written, not produced by folding. Reads each character once.
     */
    static boolean writtenAsIs(String s, int from, int to, String term) {
        int k = 0;
        int n = term.length();
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            while (k < n && !Character.isLetter(term.charAt(k))) {
                k++;
            }
            if (k == n || Character.toLowerCase(c) != term.charAt(k)) {
                return false;
            }
            k++;
        }
        while (k < n && !Character.isLetter(term.charAt(k))) {
            k++;
        }
        return k == n;
    }

    /** Translates normalised matches into findings on the original text. */
    private static final class Findings implements Lexicon.Sink {
        private final Evaluation e;
        private final NormalizedText t;
        private final int[] contactCoverage;

        Findings(Evaluation e, NormalizedText t, int[] contactCoverage) {
            this.e = e;
            this.t = t;
            this.contactCoverage = contactCoverage;
        }

        @Override
        public boolean onMatch(Term term, int start, int end) {
            int from = t.originalStart(start);
            int to = t.originalEnd(end);
            if (contactCoverage != null && contactCoverage[to] - contactCoverage[from] == to - from
                    && !writtenAsIs(e.text(), from, to, term.text())) {
                return true; // folding read a name as a term: the contact policy hides the address
            }
            for (String category : term.categories()) {
                if (Categories.INSULT.equals(category)) {
                    int aimedFrom = InsultTarget.aimedFrom(t, start, end); // self-talk, things, absent people: no insult
                    if (aimedFrom >= 0) {
                        e.found(category, from, to);
                        for (int a = aimedFrom, b; a < start; a = b + 1) { // "you ****** *****": adjectives before it, not the spaces
                            b = a;
                            while (b < start && t.charAt(b) != ' ') {
                                b++;
                            }
                            e.found(category, t.originalStart(a), t.originalEnd(b));
                        }
                    }
                    continue;
                }
                e.found(category, from, to); // keep scanning after a block: moderators see every category
            }
            return true;
        }
    }
}
