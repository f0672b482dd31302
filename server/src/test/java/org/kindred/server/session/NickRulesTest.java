package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NickRulesTest {
    private final NickRules rules = new NickRules(n -> !n.toLowerCase().contains("jerk"));

    @Test
    void acceptsFriendlyNamesInAnyScript() {
        assertEquals("Quiet Heron", rules.normalise("  Quiet   Heron "));
        assertEquals("José_M-1.0", rules.normalise("José_M-1.0"));
        assertEquals("Анна", rules.normalise("Анна"));
    }

    @Test
    void refusesWhatTheSpecRules() {
        assertNull(rules.normalise("a"));
        assertNull(rules.normalise("x".repeat(25)));
        assertNull(rules.normalise("<b>hi</b>"));
        assertNull(rules.normalise("zero\u200bwidth"));
        assertNull(rules.normalise("big jerk"));
        assertNull(rules.normalise(null));
    }
}
