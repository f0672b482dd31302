package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.CrisisResource;
import org.kindred.protocol.RiskLevel;
import org.kindred.protocol.ServerMessage;

/** Emergency numbers are data with a source and a date, and imminent cards start with them. */
class EmergencyNumbersTest {
    private final CrisisDirectory bundled = CrisisDirectory.loadBundled();

    @Test
    void everyBundledRegionHasAnEmergencyNumberWithSourceAndDate() {
        for (String region : bundled.regions()) {
            List<CrisisLine> numbers = bundled.emergencyOf(region);
            assertFalse(numbers.isEmpty(), region + " has no emergency number");
            for (CrisisLine n : numbers) {
                assertTrue(n.source().startsWith("https://"), region);
                assertTrue(n.checked().isAfter(LocalDate.of(2026, 1, 1)), region);
                assertFalse(n.languages().isEmpty(), region);
            }
        }
    }

    @Test
    void theWellKnownNumbers() {
        Map<String, String> first = Map.of("US", "911", "GB", "999", "IE", "112", "AU", "000", "NZ", "111",
                "CA", "911", "DE", "112", "FR", "112", "ES", "112", "MX", "911");
        first.forEach((region, number) -> assertEquals(number, bundled.emergencyOf(region).get(0).phone(), region));
        assertEquals("15", bundled.emergencyOf("FR").get(1).phone(), "SAMU");
        assertEquals("999", bundled.emergencyOf("UK").get(0).phone(), "aliases");
    }

    @Test
    void imminentCardsStartWithTheEmergencyNumberThenTheCrisisLines() {
        CrisisResponder responder = CrisisResponder.withBundledSentences(bundled);
        ServerMessage.Crisis imminent = responder.respond(RiskLevel.IMMINENT, "NZ", "en-NZ", null, "esc");
        List<CrisisResource> r = imminent.resources();
        assertEquals("111", r.get(0).phone());
        assertEquals("1737", r.get(1).phone(), "then the region's crisis lines");
        assertEquals(CrisisDirectory.INTERNATIONAL, r.get(r.size() - 1).region());
        ServerMessage.Crisis high = responder.respond(RiskLevel.HIGH, "NZ", "en-NZ", null, "esc");
        assertEquals("1737", high.resources().get(0).phone(), "only imminent leads with the emergency number");
        assertTrue(high.resources().stream().noneMatch(x -> "111".equals(x.phone())));
        List<CrisisResource> fr = responder.respond(RiskLevel.IMMINENT, "FR", "fr-FR", null, null).resources();
        assertEquals(List.of("112", "15", "3114"), fr.subList(0, 3).stream().map(CrisisResource::phone).toList());
        List<CrisisResource> nowhere = bundled.resourcesFor("ZZ", null, true);
        assertTrue(nowhere.stream().allMatch(x -> CrisisDirectory.INTERNATIONAL.equals(x.region())),
                "no region: no country's emergency number is guessed");
    }

    @Test
    void theValidatorExplainsABadEmergencyEntry() {
        String base = """
                international:
                  - {name: Dir, url: "https://d.org/", languages: [en], source: "https://d.org/", checked: 2026-01-02}
                regions:
                  US:
                    - {name: L, phone: "988", languages: [en], source: "https://a.org/", checked: 2026-01-02}
                emergency:
                  %s:
                    - {name: E, %s languages: [en], source: "%s", checked: 2026-01-02}
                """;
        assertEquals("911", CrisisDirectory.parse(base.formatted("US", "phone: \"911\",", "https://e.org/"))
                .emergencyOf("US").get(0).phone());
        assertMessage("expected: 2 to 6 digits", () -> CrisisDirectory.parse(
                base.formatted("US", "phone: \"call 911\",", "https://e.org/")));
        assertMessage("expected: 2 to 6 digits", () -> CrisisDirectory.parse(base.formatted("US", "", "https://e.org/")));
        assertMessage("expected: an https URL", () -> CrisisDirectory.parse(
                base.formatted("US", "phone: \"911\",", "http://e.org/")));
        assertMessage("expected: phone only", () -> CrisisDirectory.parse(
                base.formatted("US", "phone: \"911\", sms: \"911\",", "https://e.org/")));
        assertMessage("expected: a region listed under regions", () -> CrisisDirectory.parse(
                base.formatted("GB", "phone: \"999\",", "https://e.org/")));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(expected), ex.getMessage());
    }
}
