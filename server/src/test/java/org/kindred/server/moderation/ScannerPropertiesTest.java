package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Contracts of the text scanners on random nasty text (issue 11): each reports ranges inside the
 * text and reads at most a small multiple of its length (the scanners count the characters
 * their loops read, so a loop that stops advancing or re-reads the text shows up as a count far
 * above the bound, without timing anything).
 */
class ScannerPropertiesTest {
    /** The regular expression SpelledEmails replaces: the oracle for its matches. */
    private static final Pattern SPELLED_EMAIL = Pattern.compile(
            "(?i)[a-z0-9._%+-]{2,}\\s*(?:\\(at\\)|\\[at\\]|\\sat\\s|@)\\s*[a-z0-9-]{2,}\\s*(?:\\(dot\\)|\\[dot\\]|\\sdot\\s)\\s*[a-z]{2,6}\\b");
    private static final ModerationConfig CONFIG = ModerationConfig.defaults();
    private final ContactScanner contacts = new ContactScanner(new HashSet<>(CONFIG.crisisNumbers()));
    private final PhoneNumbers phones = new PhoneNumbers(new HashSet<>(CONFIG.crisisNumbers()));
    private final LinkStage links = new LinkStage(CONFIG);

    @Property(tries = 400)
    void contactScanIsLinearAndInBounds(@ForAll("nasty") String s) {
        int steps = contacts.scan(s, ModerationStagesFuzzTest.NICKS, (a, b) -> MaskContract.inside(a, b, s.length()));
        assertTrue(steps <= 40L * s.length() + 64, () -> "steps " + steps + " for " + s.length());
    }

    @Property(tries = 400)
    void phoneScanIsLinearAndInBounds(@ForAll("nasty") String s) {
        int steps = phones.scan(s, (a, b) -> MaskContract.inside(a, b, s.length()));
        assertTrue(steps <= 4L * s.length() + 4, () -> "steps " + steps + " for " + s.length());
    }

    @Property(tries = 400)
    void spelledEmailScanIsLinearAndInBounds(@ForAll("nasty") String s) {
        int steps = SpelledEmails.scan(s, (a, b) -> MaskContract.inside(a, b, s.length()));
        assertTrue(steps <= 10L * s.length() + 10, () -> "steps " + steps + " for " + s.length());
    }

    @Property(tries = 400)
    void spelledNumberScanIsLinearAndInBounds(@ForAll("nasty") String s) {
        int steps = SpelledNumbers.scan(s, phones, (a, b) -> MaskContract.inside(a, b, s.length()));
        assertTrue(steps <= 3L * s.length() + 3, () -> "steps " + steps + " for " + s.length());
    }

    @Property(tries = 400)
    void messengerLinkScanIsLinearAndInBounds(@ForAll("nasty") String s) {
        int steps = MessengerLinks.scan(s, (a, b) -> MaskContract.inside(a, b, s.length()));
        assertTrue(steps <= 30L * s.length() + 30, () -> "steps " + steps + " for " + s.length());
    }

    @Property(tries = 400)
    void linkScanIsLinearAndInBounds(@ForAll("nasty") String s) {
        Evaluation e = ModerationStagesFuzzTest.evaluation(s);
        int steps = links.scan(e, s);
        assertTrue(steps <= 8L * s.length() + 8, () -> "steps " + steps + " for " + s.length());
        MaskContract.check(e);
    }

    /** The linear scanner finds exactly what the regular expression it replaces found with find(). */
    @Property(tries = 2000)
    void spelledEmailsFindWhatTheRegexFound(@ForAll("emailish") String s) {
        List<String> expected = new ArrayList<>();
        Matcher m = SPELLED_EMAIL.matcher(s);
        while (m.find()) {
            expected.add(m.start() + "-" + m.end());
        }
        List<String> actual = new ArrayList<>();
        SpelledEmails.scan(s, (a, b) -> actual.add(a + "-" + b));
        assertEquals(expected, actual);
    }

    @Provide
    Arbitrary<String> nasty() {
        return Arbitraries.of("a", "b", "x", "7", "1", "0", " ", "  ", "(", ")", "+", "-", ".", "/", "@", "#", "_", "!",
                "|", "u/", "snap", "snap:", "insta is ", "ig.", " at ", " dot ", "(at)", "[dot]", "com", "www.", "://",
                "\t", "\n", "\u00A0", "é", "\u0301", "😀", "\uD800", "\uDC00", "١", "1234567", "+44 ", "116 123", "@ann",
                "ann", "#1234", "five ", "oh", "cinco ", "fünf ", "zéro", "double ", "t.me/", "wa.me/", "discord.gg/",
                "reddit.com/", "sn4p", "1nsta ", "its ", "on ", "my ").list().ofMaxSize(400).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> emailish() {
        return Arbitraries.of("a", "b", "Z", "jo", "9", ".", "_", "%", "+", "-", " ", "\t", "\n", "\u000B", "(", ")", "[",
                "]", "@", "at", "AT", "dot", "DoT", "(at)", "[at]", "(dot)", "[dot]", " at ", " dot ", "com", "uk", "info",
                "museum", "é", "\u0301", "\u0300", "1", "ſ", "K", "😀", "\uD835\uDC00", "_x", "ä").list().ofMaxSize(24)
                .map(l -> String.join("", l));
    }
}
