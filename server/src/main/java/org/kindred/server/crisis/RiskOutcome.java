package org.kindred.server.crisis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kindred.protocol.RiskLevel;

/**
 * What {@link RiskAssessor}'s scans of one message found (scans of the plain, the split and the
 * filler-free words are merged), the model's second opinion, and the assessment they make.
 * Not thread-safe: one per assessment.
 */
final class RiskOutcome {
    private static final Comparator<Evidence> STRONGEST_FIRST =
            Comparator.comparing(Evidence::level, Comparator.reverseOrder()).thenComparingInt(Evidence::start);

    /** Where a signal of the given level is in the original text. */
    record Evidence(RiskLevel level, int start, int end) {
    }

    RiskLevel level;
    final Set<RiskCategory> self = EnumSet.noneOf(RiskCategory.class);
    /** The categories of {@link #self} found by a signal of at least {@code high} (a boost's {@code from}). */
    final Set<RiskCategory> strong = EnumSet.noneOf(RiskCategory.class);
    boolean thirdParty;
    /**
     * A wish or intent the rules found was read as denied (a negator, a denial after the noun, a question answered
     * no, "no way i'd ever …"; not an ignore) in a message with no contrast word ({@link DeniedWish}: "I don't want
     * to die, I want to get better", not "… but …"): when the rules found no signal of the writer's own and no
     * concept, the model's card is then dropped (twenty-fourth round: its n-grams read the wish's words and carded
     * denials of the tuning corpus, docs/crisis.md "Twenty-fourth round: the model").
     */
    boolean denied;
    /** Past-tense recovery talk was found ("a year ago I wanted to die, today I'm grateful"). */
    boolean recovery;
    /**
     * A laugh marker ("lol", "lmao", "jajaja", "mdr", "ptdr", "haha") is in the message: a death wish
     * at {@code high} with nothing but ideation or hopelessness behind it is told as a joke about a
     * dead phone or a traffic jam, and gets a card without a page (round 10). Never lowers an
     * imminent signal, a time, a plan or self-harm.
     */
    boolean laugh;
    /** An imminent signal or a time was found: recovery talk does not lower the level. */
    boolean pinned;
    final List<Evidence> evidence = new ArrayList<>();
    final List<int[]> signalSpans = new ArrayList<>();
    /**
     * The concepts of the rules' lexicon found in the message (bits, {@link ComboReading#concepts0}):
     * features of the model's second opinion.
     */
    long lexicon0;
    long lexicon1;
    long lexicon2;
    long lexicon3;
    /** Booster categories found, in or out of a signal (for the model's second opinion). */
    final Set<RiskCategory> concepts = EnumSet.noneOf(RiskCategory.class);

    /**
     * Takes the model's level when it is higher than the rules' and the rules did not find
     * only someone else at risk. Alone (no signal of the writer's own from the rules) the
     * model's {@code high} gives a card ({@code concern}), never a page (held out, those
     * escalations added false escalations and no recall); its {@code imminent}, whose threshold
     * is chosen for at most 1 % of held-out benign lines, pages on its own (round 11: held out,
     * it found imminent lines the rules missed without a false escalation more, docs/crisis.md).
     * Past-tense recovery talk without a time or an imminent signal of the rules, or a laugh
     * marker next to a death wish, keeps any raise at concern. A raise adds
     * {@link RiskCategory#MODEL}, and when the rules found no signal of their own, the concepts
     * they found (a time, means, a plan, finality) as the explanation. When the rules found only
     * such concepts, among them a plan or a finality act (not just a time or a place), and the
     * model leans to risk without reaching its own threshold, those concepts plus the model give
     * a card.
     */
    void secondOpinion(RiskLevel m, boolean leans) {
        secondOpinion(m, leans, false, true, false);
    }

    /**
     * {@link #secondOpinion(RiskLevel, boolean)} for a message that may tell of means given up
     * ({@code disposed}: a disposal word next to a means word, "threw away the pills I was saving",
     * "flushed my meds"): then the model's raise is a card at most, never a page (round 12; the
     * rules' own level is theirs). And for an {@code imminent} that is not {@code sure}
     * ({@code P(imminent)} below {@link RiskModel#SURE_IMMINENT}, past the model's lower threshold):
     * alone, it pages only next to a concept the rules found (a time, means, a plan, a finality
     * act), else it is a card (round 12, docs/crisis.md). And when the model is sure there is no
     * risk at all ({@code none}: {@code P(≥ concern)} below {@link RiskModel#SURE_NONE}), a {@code high}
     * of the rules is a card, not a page (round 16: held out, the rules' pages the model scored that
     * low were all on benign lines, recovery told in the past and idioms; docs/crisis.md). The rules'
     * {@code imminent} stays.
     */
    void secondOpinion(RiskLevel m, boolean leans, boolean disposed, boolean sure, boolean none) {
        if (self.isEmpty() && thirdParty) {
            return;
        }
        if (none && level == RiskLevel.HIGH && !self.isEmpty()) {
            level = RiskLevel.CONCERN;
            self.add(RiskCategory.MODEL);
            return;
        }
        boolean alone = self.isEmpty();
        if (alone && denied && m == RiskLevel.CONCERN && concepts.isEmpty()) {
            return; // "I don't want to die, I want to get better": the rules read the wish as denied
        }
        if (m == null && leans && alone
                && (concepts.contains(RiskCategory.PLAN) || concepts.contains(RiskCategory.FINALITY))) {
            m = RiskLevel.CONCERN;
        }
        if (m == null) {
            return;
        }
        if (m == RiskLevel.IMMINENT && alone && !sure && concepts.isEmpty()) {
            m = RiskLevel.CONCERN;
        }
        if (m.escalates() && (disposed || (alone && m != RiskLevel.IMMINENT) || (recovery && !pinned) || joking())) {
            m = RiskLevel.CONCERN;
        }
        if (level == null || m.compareTo(level) > 0) {
            level = m;
            if (alone) {
                self.addAll(concepts);
            }
            self.add(RiskCategory.MODEL);
            pinned |= m == RiskLevel.IMMINENT;
        }
    }

    /** Records a signal of the writer's own: its category, and the level it gives. */
    void signal(RiskCategory category, RiskLevel signalLevel) {
        self.add(category);
        level = max(level, signalLevel);
        if (signalLevel.compareTo(RiskLevel.HIGH) >= 0) {
            strong.add(category);
        }
    }

    void merge(RiskOutcome o) {
        if (o.level != null) {
            level = max(level, o.level);
        }
        self.addAll(o.self);
        concepts.addAll(o.concepts);
        thirdParty |= o.thirdParty;
        denied |= o.denied;
        recovery |= o.recovery;
        laugh |= o.laugh;
        pinned |= o.pinned;
        evidence.addAll(o.evidence);
    }

    RiskAssessment toAssessment() {
        if (self.isEmpty()) {
            return thirdParty ? new RiskAssessment(RiskLevel.CONCERN, Set.of(RiskCategory.THIRD_PARTY), List.of())
                    : RiskAssessment.NONE;
        }
        if (recovery && !pinned && level.escalates()) {
            level = RiskLevel.CONCERN; // a card is fine, paging moderators about a recovery story is not
        }
        if (level == RiskLevel.HIGH && joking()) {
            level = RiskLevel.CONCERN; // "me quiero morir jajaja": a card at most, no page
        }
        evidence.sort(STRONGEST_FIRST);
        List<RiskAssessment.Span> spans = new ArrayList<>(evidence.size());
        for (Evidence e : evidence) {
            spans.add(new RiskAssessment.Span(e.start(), e.end()));
        }
        return new RiskAssessment(level, self, spans);
    }

    /**
     * A laugh marker next to nothing but a death wish or hopelessness (the model's raise included),
     * without an imminent signal or a time.
     */
    private boolean joking() {
        if (!laugh || pinned) {
            return false;
        }
        for (RiskCategory c : self) {
            if (c != RiskCategory.IDEATION && c != RiskCategory.HOPELESSNESS && c != RiskCategory.MODEL) {
                return false;
            }
        }
        return true;
    }

    static RiskLevel max(RiskLevel a, RiskLevel b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    /**
     * Applies the boosts: a booster found (categories {@code boosters}, not empty) next to one of the
     * writer's own signals or another booster of a boost's {@code base} raises the level to the
     * boost's {@code to} (never lowers it), and the categories that took part join {@link #self}.
     */
    void boost(java.util.List<RiskRules.Boost> boosts, Set<RiskCategory> boosters) {
        Set<RiskCategory> base = EnumSet.copyOf(boosters);
        base.addAll(self);
        Set<RiskCategory> strongBase = EnumSet.copyOf(boosters);
        strongBase.addAll(strong);
        for (RiskRules.Boost b : boosts) {
            Set<RiskCategory> others = EnumSet.copyOf(b.from() != null ? strongBase : base);
            others.removeAll(b.when());
            if (!java.util.Collections.disjoint(b.when(), boosters) && !java.util.Collections.disjoint(b.base(), others)) {
                level = level == null || b.to().compareTo(level) > 0 ? b.to() : level;
                for (RiskCategory c : boosters) {
                    if (b.when().contains(c) || b.base().contains(c)) {
                        self.add(c);
                    }
                }
            }
        }
    }
}
