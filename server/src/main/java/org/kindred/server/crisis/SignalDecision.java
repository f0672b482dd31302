package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.NormalizedText;

/**
 * The decision half of {@link RiskAssessor}: from the matches of one scan (rules' and concept
 * combinations') to the writer's signals, their levels and the boosters that raise them, applying
 * ignores, negation (before a match, or after it: {@link DeniedAfter}; a question answered no: {@link AnsweredQuestion};
 * a wish ruled out as a hypothesis: {@link NeverWould}), fiction and person checks, the past,
 * hypotheses, level caps ({@link LevelCaps}) and
 * quotes ({@link ReportedSpeech}). Stateless; what it decides goes into the {@link RiskOutcome} given.
 */
final class SignalDecision {
    /** The categories a joke taken back holds to a card: a wish to die, hopelessness, a stated intent. */
    private static final Set<RiskCategory> JOKED = EnumSet.of(RiskCategory.IDEATION, RiskCategory.HOPELESSNESS,
            RiskCategory.INTENT);

    private SignalDecision() {
    }

    /**
     * Decides what the matches of one scan say, into {@code out}: which are the writer's own signals and at
     * what level, which are someone else's ({@code third_party}), and which boosters raise them.
     *
     * @param rules the rules whose boosts apply
     * @param t the message's tokens
     * @param nt the normalised text, for the evidence spans in the original
     * @param found the scan's matches in order
     * @param ignored the spans of ignore rules
     * @param past per token, whether its sentence tells of the past ("a year ago", "früher"), or null:
     *     a signal there is a past event (at most {@code high}, as RISK-LEVELS.md rates a past
     *     attempt) and does not keep recovery talk from lowering the level
     * @param hypothetical per token, whether its clause is a hypothesis ("if a car ran me over
     *     tomorrow"), or null: a time there is no decided time and boosts nothing
     * @param held per token, the level a cap holds a signal starting there to, or null ({@link LevelCaps}):
     *     a booster there is part of an imagined scene and boosts nothing
     * @param recoveryAt the token where recovery talk was found ("…, now i'm grateful"), or -1: a signal of
     *     the writer's own after it that is not about the past ("…, now i'm sober and i want to die") takes
     *     the recovery back ({@code out.recovery} is cleared)
     * @param speech the message's quotes, or null when it has none ({@link ReportedSpeech}): a signal inside a
     *     quote attributed to someone else is theirs ({@code third_party}), inside a joking quote the writer's at a
     *     card at most; a booster inside either boosts nothing, and when every signal of the writer's own is such
     *     a joking quote, no booster raises it (twentieth round)
     * @param lastRelapse the last token of a word of risk coming back ("again", "wieder"), -1 when none, or the
     *     token count when no concept pass ran: a past told as a story reaches the present only after it
     *     ({@link StoryTold#presentAfter})
     * @param jokes the message's laughter and words taking something back, or null ({@link JokeMarks}): a wish or a
     *     stated intent taken back as a joke ("kms 😂 jk") is a card at most unless a booster is found with it
     *     (twenty-second round)
     * @param out the outcome the signals, boosters, evidence and recovery go into
     */
    static void decide(RiskRules rules, Token[] t, NormalizedText nt, List<RiskAssessor.Found> found,
            List<int[]> ignored, boolean[] past, boolean[] hypothetical, RiskLevel[] held, int recoveryAt,
            ReportedSpeech speech, int lastRelapse, JokeMarks jokes,
            RiskOutcome out) {
        Set<RiskCategory> boosters = EnumSet.noneOf(RiskCategory.class);
        List<RiskAssessor.Found> boosterMatches = new ArrayList<>();
        int[] ignoredBefore = TokenSpans.cover(t.length, ignored);
        Map<LanguageContext, boolean[]> fiction = new IdentityHashMap<>(4);
        boolean[] owned = BoosterScope.ownedNegators(t, found);
        boolean[] answeredNo = AnsweredQuestion.mark(t); // "asked if i had thoughts of suicide and i said no"
        boolean[] refused = AnsweredQuestion.refused(t); // "… y no pude decir que no": no ignore of an answer no there
        boolean[] ruledOut = NeverWould.mark(t); // "no way i'd ever kill myself", "ni de broma pensaría en …"
        boolean scene = BenignScene.holds(t, found) // "at the bridge now, … with the ducks, sun is out": a card at most
                || GoodbyeReturn.holds(t, found) // "mein letzter post vor der pause … bis bald": a card at most
                || GoodEvent.holds(t, found); // "c'est décidé, demain je me lance: j'envoie ma candidature"
        Map<RiskCategory, RiskLevel> takenBack = new java.util.EnumMap<>(RiskCategory.class);
        boolean present = false; // a signal of the writer's own outside a clause about the past
        boolean own = false; // a signal of the writer's own outside a joking quote
        int lastOwnEnd = 0;
        for (RiskAssessor.Found f : found) {
            RiskRule r = f.rule;
            boolean ignore = ignored(f, ignoredBefore) && (refused == null || !refused[f.start] || !refused[f.end - 1]);
            if (ignore || r.context().negated(t, f.start, f.end, f.gaps, owned)
                    || DeniedAfter.denied(t, nt, f.end, r.context()) // "Selbstmordgedanken hab ich keine"
                    || (answeredNo != null && answeredNo[f.start] && answeredNo[f.end - 1])
                    || (ruledOut != null && ruledOut[f.start] && ruledOut[f.end - 1])) {
                if (r.kind() != RiskRule.Kind.BOOSTER && !ignore
                        && (r.category() == RiskCategory.IDEATION || r.category() == RiskCategory.INTENT)) {
                    out.denied |= DeniedWish.stands(t); // the model may not card it alone
                }
                continue;
            }
            // a quote in a sentence about a work of fiction is the work's line, whoever wrote it ("in my screenplay
            // i write: "i'm going to kill myself tonight"": twenty-second round)
            boolean quotedLine = speech != null && speech.quoted(f.start, f.end);
            if ((r.person() != RiskRule.Person.SELF || quotedLine)
                    && fiction.computeIfAbsent(r.context(), c -> c.fictionBySentence(t))[f.start]) {
                continue;
            }
            if (r.kind() == RiskRule.Kind.BOOSTER) {
                boosterMatches.add(f);
                continue;
            }
            if (r.person() == RiskRule.Person.THIRD
                    || (r.person() == RiskRule.Person.ANY && r.context().thirdPersonSubject(t, f.start))) {
                out.thirdParty = true;
                continue;
            }
            boolean joke = false;
            if (speech != null && speech.quoted(f.start, f.end) && speech.reported(f.start, r.context())) {
                if (speech.attributed(f.start, r.context())) {
                    out.thirdParty = true; // "my brother texted "im gonna jump off the roof"": his words
                    continue;
                }
                joke = true; // ""goodbye cruel world" i say as i close my laptop 😂": a card at most
            }
            own |= !joke;
            boolean inPast = past != null && past[f.start];
            // a combination that starts in the past may reach into the present clause ("y a cinq ans je me
            // scarifiais, aujourd'hui je suis infirmière en psychiatrie"): the story is read from its first word
            int ownEnd = f.combined && inPast ? f.start + 1 : f.end;
            lastOwnEnd = joke ? lastOwnEnd : Math.max(lastOwnEnd, ownEnd);
            present |= !inPast && !joke;
            if (!inPast && !joke && recoveryAt >= 0 && f.start > recoveryAt) {
                out.recovery = false; // recovery talk cancels the past before it, not a risk clause after it
            }
            RiskLevel level = LevelCaps.cap(r.level(), held, f.start);
            if (past != null && past[f.start] && level == RiskLevel.IMMINENT) {
                level = RiskLevel.HIGH;
            }
            if (joke || (scene && level.escalates())) {
                level = RiskLevel.CONCERN;
            } else if (level.escalates() && JOKED.contains(r.category()) && jokes != null
                    && jokes.takenBack(t, f.start, f.end)) {
                takenBack.merge(r.category(), level, RiskOutcome::max); // "kms 😂 jk": a card unless a booster is found
                level = RiskLevel.CONCERN;
            }
            out.signal(r.category(), level);
            out.pinned |= level == RiskLevel.IMMINENT;
            out.evidence.add(new RiskOutcome.Evidence(level, nt.originalStart(t[f.start].normStart),
                    nt.originalEnd(t[f.end - 1].normEnd)));
            if (!f.combined) {
                out.signalSpans.add(new int[] {f.start, f.end}); // a combination's span is no phrase: boosters in it still count
            }
        }
        // a booster inside a signal's own words ("jump off a bridge") is that signal's method, not extra evidence
        int[] signalBefore = TokenSpans.cover(t.length, out.signalSpans);
        // signals all told of the past ("2017 hab ich versucht …. heute hab ich meinen meisterbrief"): a time
        // that opens the present right after that past is the present set against it, not a time for them
        // (round 19); a time later in the present ("… but tonight i'm doing it") still counts
        boolean onlyPast = !present && !out.self.isEmpty();
        if (onlyPast && own && past != null && StoryTold.presentAfter(t, past, lastOwnEnd, lastRelapse)) {
            out.recovery = true; // "at 17 i wanted to die. today i got into university": the past told as a story
        }
        // boosters alone (no signal of the writer's own) raise only with each other in one sentence
        List<RiskAssessor.Found> counted = out.self.isEmpty() ? new ArrayList<>() : null;
        for (RiskAssessor.Found b : boosterMatches) {
            boolean time = b.rule.category() == RiskCategory.TIME;
            boolean supposed = (time && hypothetical != null && hypothetical[b.start])
                    || (held != null && held[b.start] != null)
                    || (speech != null && speech.reported(b.start, b.rule.context()))
                    || (time && onlyPast && past != null && !past[b.start] && b.start > 0 && past[b.start - 1]);
            if (signalBefore[b.end] == signalBefore[b.start] && !supposed) {
                boosters.add(b.rule.category());
                if (counted != null) {
                    counted.add(b);
                }
                // a time in a sentence about the past ("that night, two years ago") is no decided time
                out.pinned |= b.rule.category() == RiskCategory.TIME && (past == null || !past[b.start]);
            }
        }
        if (boosters.isEmpty() || scene) {
            return; // a scene of leisure: no time or means raises the place named in it
        }
        // a joke taken back with a time, a means or a plan found ("lol im going to do it tonight, pills are out") is no joke
        takenBack.forEach((category, level) -> {
            out.signal(category, level);
            out.pinned |= level == RiskLevel.IMMINENT;
        });
        out.concepts.addAll(boosters);
        if (!own && !out.self.isEmpty()) {
            return; // every signal of the writer's own is a joking quote: no time or means of the message raises it
        }
        if (counted == null) {
            out.boost(rules.boosts, boosters);
            return;
        }
        out.boost(rules.boosts, BoosterScope.withoutOwnActTimes(t, counted));
    }

    /**
     * Whether an ignore rule's span (an idiom, abuse aimed at others) overlaps the match: a rule's
     * whole span, or only the concept words of a combination, whose span may reach across a
     * sentence and whose gaps are other people's words (bounded by {@link PhrasePattern#MAX_SPAN}).
     */
    private static boolean ignored(RiskAssessor.Found f, int[] ignoredBefore) {
        if (ignoredBefore[f.end] == ignoredBefore[f.start]) {
            return false;
        }
        if (!f.combined) {
            return true;
        }
        for (int k = f.start; k < f.end; k++) {
            if ((f.gaps & (1L << (k - f.start))) == 0 && ignoredBefore[k + 1] > ignoredBefore[k]) {
                return true;
            }
        }
        return false;
    }
}
