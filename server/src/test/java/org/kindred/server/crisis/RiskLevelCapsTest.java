package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;

/**
 * Eighteenth round, the engine: a rule could drop a match (ignore) but not lower it, so "i keep
 * picturing taking all my pills at once" — a method thought, high — was imminent. A cap
 * ({@link LevelCaps}, {@code caps:} in a language file) holds the rest of its clause to a level; a
 * booster there is part of the imagined scene. Read on a small test rules file
 * ({@code crisis/engine/caps-round18.yaml}), not the bundled rules.
 */
class RiskLevelCapsTest {
    private static final String FILE = "crisis/engine/caps-round18.yaml";
    private static final RiskAssessor CAPPED = RiskAssessor.of(RiskRulesLoader.compile(RulesAlone.NORMALIZER,
            Map.of(FILE, RulesYaml.read(FILE, RiskRulesLoader.LanguageFile.class)),
            List.of(new RiskRules.Boost(Set.of(RiskCategory.TIME), Set.of(RiskCategory.OVERDOSE), RiskLevel.IMMINENT))),
            null);

    @Test
    void anImaginedActIsHeldToHigh() {
        assertEquals(RiskLevel.IMMINENT, level("taking all my pills at once"));
        assertEquals(RiskLevel.HIGH, level("i keep picturing taking all my pills at once"));
        assertEquals(RiskLevel.HIGH, level("been dreaming of taking all my pills"));
        assertEquals(Set.of(RiskCategory.OVERDOSE), CAPPED.assess("i keep picturing taking all my pills", null)
                .categories(), "the match is kept, only its level is held");
    }

    @Test
    void aTimeInTheSceneRaisesNothingButOneOutsideDoes() {
        assertEquals(RiskLevel.HIGH, level("i keep picturing taking all my pills tonight"));
        assertEquals(RiskLevel.IMMINENT, level("i keep picturing it, taking all my pills tonight"),
                "the cap ends with its clause");
        assertEquals(RiskLevel.IMMINENT, level("taking all my pills tonight, i keep imagining it"),
                "a signal before the cap is not held");
    }

    @Test
    void aNegatedCapHoldsNothing() {
        assertEquals(RiskLevel.IMMINENT, level("not imagining anything, taking all my pills tonight"));
        assertEquals(RiskLevel.IMMINENT, level("im not imagining things i am really taking all my pills"));
    }

    @Test
    void aCapIsConcernOrHigh() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LevelCaps.compile(
                new PatternParser(RulesAlone.NORMALIZER, Map.of()),
                List.of(new RiskRulesLoader.CapEntry("imminent", List.of("imagining"))), "t.yaml", "en", null));
        assertTrue(e.getMessage().contains("t.yaml caps[1]: level 'imminent' (expected: level: high or concern"),
                e.getMessage());
    }

    private static RiskLevel level(String text) {
        return CAPPED.assess(text, null).level();
    }
}
