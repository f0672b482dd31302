package org.kindred.server.crisis;

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

    /** The rules' whole assessment of {@code text} (no language hint). */
    static RiskAssessment assess(String text) {
        return RULES.assess(text, null);
    }
}
