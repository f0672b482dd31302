package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.ServerMessage;

class CrisisResponderTest {
    final CrisisDirectory directory = CrisisDirectory.loadBundled();
    final CrisisResponder responder = CrisisResponder.withBundledSentences(directory);

    /** Words that name methods or judge: never in what Kindred says (safe-messaging rules). */
    static final List<String> FORBIDDEN = List.of("pill", "rope", "gun", "knife", "bridge", "jump", "overdose",
            "kill", "dangerous", "should not", "shouldn't", "pastilla", "cuerda", "tabletten", "strick", "corde",
            "médicament", "peligro", "gefährlich", "dangereux", "selfish", "egoísta", "egoistisch", "égoïste");

    @Test
    void everyLanguageAndLevelHasAShortWarmSentence() {
        assertEquals(Set.of("en", "es", "de", "fr"), responder.languages());
        for (String lang : responder.languages()) {
            for (RiskLevel level : RiskLevel.values()) {
                String s = responder.sentence(level, lang);
                assertFalse(s.isBlank());
                assertTrue(s.length() <= CrisisResponder.MAX_SENTENCE, s);
                String lower = s.toLowerCase(Locale.ROOT);
                for (String f : FORBIDDEN) {
                    assertFalse(lower.contains(f), lang + "/" + level + " mentions '" + f + "'");
                }
            }
        }
    }

    @Test
    void englishSentencesSayNotAloneAndHelpNow() {
        for (RiskLevel level : RiskLevel.values()) {
            String s = responder.sentence(level, "en-GB").toLowerCase(Locale.ROOT);
            assertTrue(s.contains("alone"), s);
            assertTrue(s.contains("now"), s);
            assertTrue(s.contains("strength"), s);
        }
    }

    @Test
    void languageFollowsLocaleWithEnglishFallback() {
        assertTrue(responder.sentence(RiskLevel.HIGH, "de-AT").contains("nicht allein"));
        assertTrue(responder.sentence(RiskLevel.HIGH, "es-MX").contains("soledad"));
        assertTrue(responder.sentence(RiskLevel.HIGH, "fr").contains("soutien"));
        assertEquals(responder.sentence(RiskLevel.HIGH, "en"), responder.sentence(RiskLevel.HIGH, "pl-PL"));
        assertEquals(responder.sentence(RiskLevel.HIGH, "en"), responder.sentence(RiskLevel.HIGH, null));
    }

    @Test
    void payloadCarriesLevelResourcesAndIds() {
        ServerMessage.Crisis c = responder.respond(RiskLevel.IMMINENT, "NZ", "en-NZ", null, "esc-1");
        assertEquals(RiskLevel.IMMINENT, c.level());
        assertNull(c.id());
        assertEquals("esc-1", c.escalation());
        assertEquals("NZ", c.resources().get(0).region());
        assertEquals("international", c.resources().get(c.resources().size() - 1).region());
        ServerMessage.Crisis help = responder.respond(RiskLevel.HIGH, null, "fr-FR", "7", "esc-2");
        assertEquals("7", help.id());
        assertEquals("3114", help.resources().get(0).phone());
    }
}
