package org.kindred.server.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;
import com.ibm.icu.text.UnicodeSet;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Coverage-guided fuzzing of {@link NickRules} (Jazzer). Regression mode runs the committed seeds
 * in {@code src/test/resources/org/kindred/server/session/NickRulesFuzzTestInputs/<target>/};
 * {@code JAZZER_FUZZ=1 -Dtest=NickRulesFuzzTest#<target>} fuzzes for real. Every input finishes,
 * nothing throws, and every accepted nick satisfies the documented rules, checked here by an
 * independent oracle (regular expressions, ICU properties and {@link SpoofChecker#areConfusable}).
 */
class NickRulesFuzzTest {
    private static final List<String> STAFF = List.of("ada", "sam.lee");
    private static final SpoofChecker CONFUSABLE = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.CONFUSABLE).build();
    private static final Set<Integer> BLANK = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);
    private static final UnicodeSet LETTERS_DIGITS = new UnicodeSet("[[:L:][:N:]]").freeze();
    private static final UnicodeSet MARKS = new UnicodeSet("[[:Mn:][:Mc:]]").freeze();
    private static final UnicodeSet SEPARATORS = new UnicodeSet("[\\u0020_.\\-]").freeze();
    private static final NickRules RULES = new NickRules(n -> !n.toLowerCase(Locale.ROOT).contains("jerk"));

    static {
        RULES.reserveStaffNames(STAFF);
    }

    @FuzzTest(maxDuration = "10m")
    void normaliseArbitrary(FuzzedDataProvider data) {
        boolean staff = data.consumeBoolean();
        String nick = data.consumeRemainingAsString();
        String shown = RULES.normalise(nick, staff);
        if (shown != null) {
            assertObeysRules(shown, staff);
            assertEquals(shown, RULES.normalise(shown, staff), "normalising twice changes the nick");
        }
    }

    @FuzzTest(maxDuration = "10m")
    void sameNickIsSymmetric(FuzzedDataProvider data) {
        String a = data.consumeString(30);
        String b = data.consumeRemainingAsString();
        if (b.length() > 30) {
            b = b.substring(0, 30);
        }
        assertEquals(RULES.sameNick(a, b), RULES.sameNick(b, a));
        assertTrue(RULES.sameNick(a, a));
        assertTrue(RULES.sameNick(a, a.toUpperCase(Locale.ROOT)));
    }

    /** The documented rules, checked without NickRules' own code paths. */
    static void assertObeysRules(String n, boolean staff) {
        assertEquals(Normalizer.normalize(n, Normalizer.Form.NFC), n, "not NFC");
        assertTrue(n.matches("[^ ](?:.*[^ ])?") && !n.contains("  "), "spaces: [" + n + "]");
        int count = n.codePointCount(0, n.length());
        assertTrue(count >= NickRules.MIN_LENGTH && count <= NickRules.MAX_LENGTH, "length " + count);
        // Unicode sets from ICU (the JDK's regex tables lag behind ICU's Unicode version).
        boolean visible = false;
        int marks = -1;
        for (int cp : n.codePoints().toArray()) {
            assertFalse(BLANK.contains(cp) || UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT),
                    "invisible U+" + Integer.toHexString(cp));
            if (SEPARATORS.contains(cp)) {
                marks = -1;
            } else if (LETTERS_DIGITS.contains(cp)) {
                visible = true;
                marks = 0;
            } else {
                assertTrue(MARKS.contains(cp), "not a letter, digit, mark or separator: U+" + Integer.toHexString(cp));
                assertTrue(marks >= 0 && ++marks <= NickRules.MAX_MARKS, "stray or stacked mark in " + n);
            }
        }
        assertTrue(visible, "no visible letter or digit: " + n);
        assertFalse(n.toLowerCase(Locale.ROOT).contains("jerk"), "abuse filter");
        if (staff) {
            return;
        }
        List<String> parts = new ArrayList<>(List.of(n.split("[ _.\\-]+")));
        parts.add(n.replaceAll("[ _.\\-]", ""));
        for (String part : parts) {
            for (String title : NickRules.STAFF_TITLES) {
                assertFalse(looksLike(part, title), "looks like the title " + title + ": " + n);
            }
        }
        for (String name : STAFF) {
            assertFalse(looksLike(n, name) || looksLike(n.replaceAll("[ _.\\-]", ""), name.replaceAll("[_.\\-]", "")),
                    "looks like the staff name " + name + ": " + n);
        }
    }

    private static boolean looksLike(String part, String word) {
        if (part.isEmpty()) {
            return false;
        }
        String skeleton = CONFUSABLE.getSkeleton(word);
        return part.equalsIgnoreCase(word) || CONFUSABLE.areConfusable(part, word) != 0
                || CONFUSABLE.areConfusable(UCharacter.foldCase(part, true), word) != 0
                || CONFUSABLE.getSkeleton(part).equalsIgnoreCase(skeleton)
                || CONFUSABLE.getSkeleton(UCharacter.foldCase(part, true)).equalsIgnoreCase(skeleton);
    }

    @Test
    void oracleRejectsWhatTheRulesForbid() {
        assertThrows(AssertionError.class, () -> assertObeysRules("\u3164\u3164", false));
        assertThrows(AssertionError.class, () -> assertObeysRules("..", false));
        assertThrows(AssertionError.class, () -> assertObeysRules("M0derator", false));
        assertThrows(AssertionError.class, () -> assertObeysRules("Ada", false));
        assertThrows(AssertionError.class, () -> assertObeysRules("a\u0301\u0301\u0301\u0301", false));
        assertObeysRules("Quiet Heron", false);
        assertNull(RULES.normalise("Αda"));
    }
}
