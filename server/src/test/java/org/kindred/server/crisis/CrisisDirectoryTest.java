package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kindred.protocol.CrisisResource;

class CrisisDirectoryTest {
    static final List<String> REQUIRED = List.of("US", "CA", "GB", "IE", "AU", "NZ", "IN", "DE", "FR", "ES", "MX", "BR", "ZA");
    static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]*[0-9]");

    final CrisisDirectory dir = CrisisDirectory.loadBundled();

    @Test
    void everyRequiredRegionHasWellFormedLines() {
        for (String region : REQUIRED) {
            List<CrisisLine> lines = dir.linesOf(region);
            assertFalse(lines.isEmpty(), region);
            assertEquals(region, dir.resolveRegion(region, null).orElseThrow());
            for (CrisisLine l : lines) {
                assertValid(l);
                assertTrue(l.phone() != null || l.sms() != null, region + " " + l.name() + " has no number");
            }
        }
    }

    @Test
    void internationalEntriesAreValidAndHaveUrls() {
        assertFalse(dir.international().isEmpty());
        for (CrisisLine l : dir.international()) {
            assertValid(l);
            assertNotNull(l.url());
        }
    }

    private static void assertValid(CrisisLine l) {
        assertFalse(l.name().isBlank());
        assertTrue(l.source().startsWith("https://"), l.source());
        for (String u : new String[] {l.url(), l.chat()}) {
            assertTrue(u == null || u.startsWith("https://"), u);
        }
        if (l.phone() != null) {
            assertTrue(PHONE.matcher(l.phone()).matches(), l.phone());
        }
        if (l.sms() != null) {
            assertTrue(l.sms().matches("[0-9][0-9 ]*[0-9]"), l.sms());
        }
        assertNotNull(l.checked());
        assertFalse(l.checked().isAfter(LocalDate.now().plusDays(1)), "checked in the future: " + l.name());
        assertFalse(l.languages().isEmpty());
    }

    @Test
    void knownNumbersAreWhereTheyShouldBe() {
        assertEquals("988", dir.linesOf("US").get(0).phone());
        assertEquals("988", dir.linesOf("CA").get(0).phone());
        assertEquals("116 123", dir.linesOf("GB").get(0).phone());
        assertEquals("116 123", dir.linesOf("IE").get(0).phone());
        assertEquals("13 11 14", dir.linesOf("AU").get(0).phone());
        assertEquals("1737", dir.linesOf("NZ").get(0).phone());
        assertEquals("0800 111 0 111", dir.linesOf("DE").get(0).phone());
        assertEquals("3114", dir.linesOf("FR").get(0).phone());
        assertEquals("024", dir.linesOf("ES").get(0).phone());
    }

    @Test
    void regionFirstThenLocaleCountryThenLanguageThenInternational() {
        assertEquals("GB", dir.resolveRegion("gb", "de-DE").orElseThrow());
        assertEquals("GB", dir.resolveRegion("UK", null).orElseThrow());
        assertEquals("AU", dir.resolveRegion(null, "en-AU").orElseThrow());
        assertEquals("MX", dir.resolveRegion("XX", "es-MX").orElseThrow());
        assertEquals("DE", dir.resolveRegion(null, "de").orElseThrow());
        assertEquals("FR", dir.resolveRegion(null, "fr").orElseThrow());
        assertTrue(dir.resolveRegion(null, "pl-PL").isEmpty());
        assertTrue(dir.resolveRegion("not a region", "%%%").isEmpty());
    }

    @Test
    void internationalDirectoryIsAlwaysLast() {
        for (String[] q : new String[][] {{"US", "en-US"}, {null, "fr-CA"}, {null, null}, {"PL", "pl"}}) {
            List<CrisisResource> r = dir.resourcesFor(q[0], q[1]);
            int n = dir.international().size();
            assertTrue(r.size() >= n);
            for (int i = 0; i < n; i++) {
                assertEquals("international", r.get(r.size() - n + i).region());
            }
        }
        assertEquals(dir.international().size(), dir.resourcesFor(null, null).size());
    }

    @Test
    void linesSpeakingTheLocaleLanguageComeFirst() {
        List<CrisisResource> ca = dir.resourcesFor("CA", "fr-CA");
        assertEquals("CA", ca.get(0).region());
        List<CrisisLine> us = dir.linesFor("US", "es-US");
        assertTrue(us.get(0).speaks("es"));
    }

    @Test
    void resourceUsesChatUrlAndSmsKeyword() {
        CrisisResource us = dir.resourcesFor("US", "en").get(0);
        assertEquals("https://988lifeline.org/chat/", us.url());
        CrisisResource shout = dir.resourcesFor("GB", "en").get(1);
        assertEquals("85258", shout.sms());
        assertEquals("SHOUT", shout.smsKeyword(), "the keyword travels in its own field");
        assertTrue(shout.hours() == null || !shout.hours().contains("SHOUT"), "and is not folded into hours");
    }

    @Test
    void operatorFileOverridesAndExtends(@TempDir Path data) throws IOException {
        Files.writeString(data.resolve("crisis-lines.yaml"), """
                regions:
                  GB:
                    - name: Local line
                      phone: "0800 000 000"
                      hours: 9-17
                      languages: [en]
                      source: https://example.org/local
                      checked: 2026-01-02
                  PL:
                    - name: Telefon Zaufania
                      phone: "116 123"
                      languages: [pl]
                      source: https://example.org/pl
                      checked: 2026-01-02
                languageDefaults:
                  pl: PL
                """);
        CrisisDirectory d = CrisisDirectory.load(data);
        assertEquals("Local line", d.resourcesFor("GB", null).get(0).name());
        assertEquals(1, d.linesOf("GB").size());
        assertEquals("PL", d.resolveRegion(null, "pl").orElseThrow());
        assertEquals("988", d.linesOf("US").get(0).phone());
    }

    @Test
    void missingOperatorFileMeansBundled(@TempDir Path data) {
        assertEquals(dir.regions(), CrisisDirectory.load(data).regions());
    }

    @Test
    void invalidEntriesAreRejectedWithTheExpectation() {
        String base = """
                international:
                  - name: Dir
                    url: https://example.org/
                    languages: [en]
                    source: https://example.org/
                    checked: 2026-01-02
                regions:
                  US:
                    - name: X
                      %s
                      languages: [en]
                      source: %s
                      checked: %s
                """;
        IllegalArgumentException phone = assertThrows(IllegalArgumentException.class,
                () -> CrisisDirectory.parse(base.formatted("phone: \"call 988\"", "https://a.org/", "2026-01-02")));
        assertTrue(phone.getMessage().contains("(expected:"), phone.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CrisisDirectory.parse(base.formatted("phone: \"988\"", "http://a.org/", "2026-01-02")));
        assertThrows(IllegalArgumentException.class,
                () -> CrisisDirectory.parse(base.formatted("phone: \"988\"", "https://a.org/", "yesterday")));
        assertThrows(IllegalArgumentException.class,
                () -> CrisisDirectory.parse(base.formatted("hours: 24/7", "https://a.org/", "2026-01-02")));
        assertNotNull(CrisisDirectory.parse(base.formatted("phone: \"988\"", "https://a.org/", "2026-01-02")));
        IllegalArgumentException keyword = assertThrows(IllegalArgumentException.class,
                () -> CrisisDirectory.parse(base.formatted("sms: \"741741\"\n      smsKeyword: \"HOME&body=x\"",
                        "https://a.org/", "2026-01-02")));
        assertTrue(keyword.getMessage().contains("smsKeyword"), keyword.getMessage());
        assertEquals("HOME", CrisisDirectory.parse(base.formatted("sms: \"741741\"\n      smsKeyword: HOME",
                "https://a.org/", "2026-01-02")).linesOf("US").get(0).toResource().smsKeyword());
    }
}
