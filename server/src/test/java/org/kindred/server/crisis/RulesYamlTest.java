package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Eighteenth round, the engine: the loader refuses a pattern that YAML cuts at an unquoted
 * {@code " #"} ({@link RulesYaml}); before, {@code - (me quedan|quedan) # minutos ~3 hacerlo}
 * loaded as {@code (me quedan|quedan)} without a word.
 */
class RulesYamlTest {
    record Patterns(List<String> patterns) {
    }

    record Concepts(Map<String, List<String>> concepts) {
    }

    @Test
    void aBlockItemCutByACommentIsRefused() {
        String yaml = "patterns:\n  - want to die\n  - (me quedan|quedan) # minutos ~3 hacerlo\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RulesYaml.parse(yaml, "es.yaml", Patterns.class));
        assertTrue(e.getMessage().startsWith("es.yaml:3: '- (me quedan|quedan) # minutos ~3 hacerlo'"), e.getMessage());
        assertTrue(e.getMessage().contains("(expected: the pattern quoted"), e.getMessage());
    }

    @Test
    void aFlowListCutByACommentIsRefusedOverLines() {
        String yaml = "concepts:\n  fr: [ado, plus jeune,\n       en #10 jai, enfant]\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RulesYaml.parse(yaml, "combos.yaml", Concepts.class));
        assertTrue(e.getMessage().startsWith("combos.yaml:3: "), e.getMessage());
    }

    @Test
    void quotedNumbersAndCommentsAfterAListAreRead() {
        String yaml = "# a comment line\npatterns:\n  - 'me quedan # minutos ~3 hacerlo'\n"
                + "  - \"en #10 jai\"  # a comment after a quoted item\n  - don't # yet\n";
        String fixed = yaml.replace("  - don't # yet\n", "  - don't\n");
        assertEquals(List.of("me quedan # minutos ~3 hacerlo", "en #10 jai", "don't"),
                RulesYaml.parse(fixed, "en.yaml", Patterns.class).patterns());
        assertThrows(IllegalArgumentException.class, () -> RulesYaml.parse(yaml, "en.yaml", Patterns.class),
                "an apostrophe inside a word opens no quote");
        String flow = "concepts:\n  en: [yrs ago, \"at #10\",\n       back in uni]  # round 17: from yrs ago on\n";
        assertEquals(List.of("yrs ago", "at #10", "back in uni"),
                RulesYaml.parse(flow, "combos.yaml", Concepts.class).concepts().get("en"));
        String afterComma = "concepts:\n  en: [used to, back in uni,  # round 17: from here on\n       \"in #10 i\"]\n";
        assertEquals(List.of("used to", "back in uni", "in #10 i"),
                RulesYaml.parse(afterComma, "combos.yaml", Concepts.class).concepts().get("en"),
                "a comment after a comma inside a list that goes on cuts nothing");
    }

    @Test
    void theBundledFilesLoad() {
        assertDoesNotThrow(() -> RiskRulesLoader.loadBundled(RulesAlone.NORMALIZER));
    }
}
