package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NickRulesTest {
    private final NickRules rules = new NickRules(n -> !n.toLowerCase().contains("jerk"));

    @Test
    void acceptsFriendlyNamesInAnyScript() {
        assertEquals("Quiet Heron", rules.normalise("  Quiet   Heron "));
        assertEquals("José_M-1.0", rules.normalise("José_M-1.0"));
        assertEquals("Анна", rules.normalise("Анна"));
        assertEquals("राम", rules.normalise("राम")); // vowel sign (a combining mark) after a letter
        assertEquals("李明", rules.normalise("李明"));
        assertEquals("J.", rules.normalise("J."));
        assertEquals("42", rules.normalise("42"));
    }

    @Test
    void decomposedAccentsAreComposed() {
        assertEquals("José", rules.normalise("Jose\u0301"));
    }

    @Test
    void refusesWhatTheSpecRules() {
        assertNull(rules.normalise("a"));
        assertNull(rules.normalise("x".repeat(25)));
        assertNull(rules.normalise("<b>hi</b>"));
        assertNull(rules.normalise("zero\u200bwidth"));
        assertNull(rules.normalise("big jerk"));
        assertNull(rules.normalise(null));
        assertNull(rules.normalise("x".repeat(100_000)));
    }

    /** Nicks that show as nothing: blank letters, fillers, default-ignorables, whitespace-like characters. */
    @ParameterizedTest
    @ValueSource(strings = {"\u3164\u3164", "\u3164\u3164\u3164", "\u115F\u1160", "\u2800\u2800", "\uFFA0\uFFA0",
        "a\u3164", "\u3164b", "Jo\u3164", "\u180E\u180E", "ab\u00AD", "a\u034Fb", "\u17B4\u17B4", "a\u00A0b",
        "a\u3000b", "a\u2028b", "ab\u2060", "\uDB40\uDC20x", "ab\uFE0F"})
    void refusesNicksThatShowAsNothingOrHideCharacters(String nick) {
        assertNull(rules.normalise(nick), () -> nick.codePoints().mapToObj(Integer::toHexString).toList().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "--", "__", "_ .", ". .", "-_-", "...", "_-_-_", "- -"})
    void refusesPunctuationOnly(String nick) {
        assertNull(rules.normalise(nick));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0301\u0301\u0301\u0301\u0301", "\u0301ab",
         "ab \u0301", "a.\u0301b", "Z\u0336\u0336\u0336\u0336\u0336"})
    void refusesStackedOrStrayMarks(String nick) {
        assertNull(rules.normalise(nick));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Moderator", "MODERATOR", "m0derator", "Mоderator" /* Cyrillic o */, "Admin",
        "the admin", "Ad Min", "Ad_min", "Kindred Team", "kindred", "Staff", "Mod", "rnod", "Kindred-Support",
        "ADMlN", "Sysop 1", "Peer Supporter", "Ｍｏｄｅｒａｔｏｒ" /* full-width */, "ＡＤＭＩＮ"})
    void refusesStaffTitlesAndTheProductName(String nick) {
        assertNull(rules.normalise(nick), nick);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Badminton", "Modest Mouse", "Kindness", "Modern Ada", "Stafford"})
    void titleInsideAWordIsFine(String nick) {
        assertEquals(nick, rules.normalise(nick));
    }

    @Test
    void staffMayUseTitles() {
        assertEquals("Moderator Sam", rules.normalise("Moderator Sam", true));
        assertNull(rules.normalise("\u3164\u3164", true));
    }

    @Test
    void membersMayNotTakeAStaffAccountName() {
        NickRules r = new NickRules(n -> true);
        assertEquals("Ada", r.normalise("Ada"));
        r.reserveStaffNames(List.of("ada", "sam.lee"));
        for (String nick : new String[] {"Ada", "ADA", " ada ", "Αda" /* Greek capital alpha */, "аda" /* Cyrillic */,
            "Sam.Lee", "Sam Lee", "samlee", "SAM_LEE", "Sam Lее"}) {
            assertNull(r.normalise(nick), nick);
        }
        assertEquals("Adam", r.normalise("Adam"));
        assertEquals("Ada", r.normalise("Ada", true));
        r.reserveStaffNames(List.of());
        assertEquals("Ada", r.normalise("Ada"));
    }

    @Test
    void sameNickByCaseOrLook() {
        assertTrue(rules.sameNick("River", "RIVER"));
        assertTrue(rules.sameNick("Paypal", "Pаypal")); // Cyrillic a
        assertTrue(rules.sameNick("Bob", "B0b"));
        assertTrue(rules.sameNick("ann", "Аnn")); // Cyrillic capital A vs folded latin
        assertTrue(rules.sameNick("corn", "com"));
        assertFalse(rules.sameNick("Quiet Heron", "Quiet Otter"));
        assertFalse(rules.sameNick("Ann", "Anna"));
    }

    @Test
    void everyPseudonymIsAValidNick() {
        for (String p : Pseudonyms.all()) {
            assertNotNull(rules.normalise(p), p);
            assertEquals(p, rules.normalise(p));
        }
        assertTrue(Pseudonyms.all().contains(Pseudonyms.next()));
    }
}
