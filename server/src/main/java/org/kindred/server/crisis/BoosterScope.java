package org.kindred.server.crisis;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a booster's words reach, for {@link RiskAssessor}'s decision (round 19): the negators a booster
 * spells itself, and a time that belongs to an everyday act told in another sentence than a decision.
 * Stateless; every method is linear in the tokens.
 */
final class BoosterScope {
    private BoosterScope() {
    }

    /**
     * Per token, whether it is a negator that a booster's own pattern spells ("wont need it after": a plan
     * said through a negation), outside the pattern's gaps; {@code null} when there is none. Such a
     * negator is part of what that booster says and does not negate a later match of its clause (the
     * time of "won't need it after saturday"). A signal's negator is not taken: a passive wish with a
     * time ("wouldn't mind if i didn't wake up tomorrow") stays a card, as round 15 decided. Each match's
     * span is read once (at most {@link PhrasePattern#MAX_SPAN} tokens).
     */
    static boolean[] ownedNegators(Token[] t, List<RiskAssessor.Found> found) {
        boolean[] owned = null;
        for (RiskAssessor.Found f : found) {
            if (f.combined || f.rule.kind() != RiskRule.Kind.BOOSTER) {
                continue; // a wish said through a negation ("didn't wake up tomorrow") keeps its time negated
            }
            for (int k = f.start; k < f.end && k - f.start < 64; k++) {
                if ((f.gaps & (1L << (k - f.start))) == 0 && f.rule.context().negates(t, k)) {
                    if (owned == null) {
                        owned = new boolean[t.length];
                    }
                    owned[k] = true;
                }
            }
        }
        return owned;
    }

    /**
     * The categories of boosters found with no signal of the writer's own, less a time told with an act
     * of its own in another sentence than a decision: "ich hab mich entschieden. morgen kündige ich",
     * "decided. tomorrow i'm quitting the gym" are an everyday plan told in two sentences, and the second
     * says what was decided (round 19). A decision is a plan booster written to end its clause ({@code $}:
     * "decided $") that ends its sentence ("decided.", "ya lo decidí."); an act of its own is a subject or
     * first-person word of the time's language in the time's sentence, outside the boosters' words. A time
     * alone ("decided. tonight.", "entschieden. samstag nacht.") or next to a plan or means of its own
     * sentence still counts. Linear in the tokens.
     */
    static Set<RiskCategory> withoutOwnActTimes(Token[] t, List<RiskAssessor.Found> counted) {
        int[] sentence = sentences(t);
        boolean[] inBooster = new boolean[t.length];
        Set<Integer> decisions = new HashSet<>();
        Set<Integer> plans = new HashSet<>(); // sentences with a plan or means that is not a decision
        for (RiskAssessor.Found b : counted) {
            Arrays.fill(inBooster, b.start, b.end, true);
            boolean endsSentence = b.end == t.length || t[b.end].before == Token.Boundary.SENTENCE;
            if (b.rule.category() == RiskCategory.PLAN && endsSentence && b.rule.pattern().endsClause()) {
                decisions.add(sentence[b.start]);
            } else if (b.rule.category() == RiskCategory.PLAN || b.rule.category() == RiskCategory.MEANS) {
                plans.add(sentence[b.start]);
            }
        }
        Set<RiskCategory> out = EnumSet.noneOf(RiskCategory.class);
        Map<LanguageContext, byte[]> acts = new IdentityHashMap<>(4); // per sentence: 0 unread, 1 no act, 2 an act
        for (RiskAssessor.Found b : counted) {
            int s = sentence[b.start];
            boolean ownAct = b.rule.category() == RiskCategory.TIME && !decisions.isEmpty() && !decisions.contains(s)
                    && !plans.contains(s) && actIn(t, b.start, sentence, inBooster, b.rule.context(),
                            acts.computeIfAbsent(b.rule.context(), c -> new byte[sentence[t.length - 1] + 1]));
            if (!ownAct) {
                out.add(b.rule.category());
            }
        }
        return out;
    }

    /**
     * Whether the sentence of token {@code at} holds a subject or first-person word of {@code c} outside
     * the boosters' words; {@code memo} keeps the answer per sentence, so each sentence is read once.
     */
    private static boolean actIn(Token[] t, int at, int[] sentence, boolean[] inBooster, LanguageContext c,
            byte[] memo) {
        int s = sentence[at];
        if (memo[s] == 0) {
            int k = at;
            while (k > 0 && sentence[k - 1] == s) {
                k--;
            }
            memo[s] = 1;
            for (; k < t.length && sentence[k] == s; k++) {
                if (!inBooster[k] && (c.subjects.contains(t[k].text) || c.firstPerson.contains(t[k].text))) {
                    memo[s] = 2;
                    break;
                }
            }
        }
        return memo[s] == 2;
    }

    /** Per token, the index of its sentence (tokens after a {@link Token.Boundary#SENTENCE} start a new one). */
    private static int[] sentences(Token[] t) {
        int[] s = new int[t.length];
        for (int k = 1; k < t.length; k++) {
            s[k] = s[k - 1] + (t[k].before == Token.Boundary.SENTENCE ? 1 : 0);
        }
        return s;
    }
}
