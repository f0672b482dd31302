package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * The bundled rules without the model, shared by the tests of each tuning round's kinds: the
 * shipped normaliser, the rules and combinations loaded from {@code crisis/} resources, and an
 * assessor over them alone, so a round's test says what the rules decide.
 */
final class RulesAlone {
    /** The shipped normaliser. */
    static final Normalizer NORMALIZER = new Normalizer();
    /** The bundled rules (risk-rules.yaml, rules/&lt;lang&gt;.yaml, concepts.txt, combos.yaml). */
    static final RiskRules BUNDLED = RiskRulesLoader.loadBundled(NORMALIZER);
    /** An assessor over {@link #BUNDLED} with no model. */
    static final RiskAssessor RULES = RiskAssessor.of(BUNDLED, null);

    private RulesAlone() {
    }

    /** The level the rules alone give {@code text} (no language hint); null when no risk is found. */
    static RiskLevel level(String text) {
        return RULES.assess(text, null).level();
    }

    /** Fails when the rules alone page (a level that escalates) on {@code text}. */
    static void assertNoPage(String text) {
        RiskLevel l = level(text);
        assertFalse(l != null && l.escalates(), () -> "paged at " + l + ": " + text);
    }

    /** Fails unless the rules alone give {@code text} at least {@code atLeast}. */
    static void assertAtLeast(RiskLevel atLeast, String text) {
        RiskLevel l = level(text);
        assertTrue(l != null && l.compareTo(atLeast) >= 0, () -> "got " + l + ", expected at least " + atLeast + ": " + text);
    }

    /** The rules' whole assessment of {@code text} (no language hint). */
    static RiskAssessment assess(String text) {
        return RULES.assess(text, null);
    }
}
