package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Named regressions of issue 11's "whole kind": shapes of text that once made a scanner stop
 * advancing or re-read the text, each checked by the scanner's own count of characters read
 * (linear bound) and for its detection result, which the fixes keep.
 */
class LinearScanRegressionTest {
    private static final ModerationConfig CONFIG = ModerationConfig.defaults();
    private final ContactScanner contacts = new ContactScanner(new HashSet<>(CONFIG.crisisNumbers()));

    private List<String> contactRanges(String s, int maxStepsPerChar) {
        List<String> found = new ArrayList<>();
        int steps = contacts.scan(s, List.of(), (a, b) -> found.add(s.substring(a, b)));
        assertTrue(steps <= (long) maxStepsPerChar * s.length() + 64, () -> "steps " + steps + " for " + s.length());
        return found;
    }

    /** The example: an opener glued to a word never advanced the phone scanner. */
    @Test
    void dayPlusOneNextToAPhoneLengthNumberFinishes() {
        assertEquals(List.of("1234567"), contactRanges("day+1 of 1234567", 8));
        assertEquals(List.of("1234567"), contactRanges("alert(1) 1234567", 8));
    }

    /** Review: the spelled-e-mail regex backtracked over every start in a long run of letters. */
    @Test
    void longLetterRunsAroundAtAreLinear() {
        contactRanges("a".repeat(3000) + " at " + "b".repeat(3000), 12);
        contactRanges("xx at ".repeat(500) + " dot", 12);
        assertEquals(List.of("jo.smith at mail dot com"), contactRanges("mail jo.smith at mail dot com now", 12));
        assertEquals(List.of("jo(at)mail(dot)org"), contactRanges("jo(at)mail(dot)org", 12));
    }

    /** Review: each platform name in "snap.snap.snap..." read the whole rest of the text as its handle. */
    @Test
    void dottedPlatformNamesAreLinear() {
        contactRanges("snap " + "snap.".repeat(600), 40);
        contactRanges("ig_".repeat(1000), 40);
        assertEquals(List.of("coolkid_99"), contactRanges("add my snap: coolkid_99", 40));
        String tooLong = "x".repeat(PlatformHandles.MAX_HANDLE + 1);
        assertEquals(List.of(), contactRanges("snap: " + tooLong, 40), "longer than any platform allows");
    }

    /** Issue 12's new finders on their worst shapes: long runs of number words, links and platform names. */
    @Test
    void spelledNumbersMessengerLinksAndLeetPlatformsAreLinear() {
        contactRanges("five ".repeat(2000), 40);
        contactRanges("five, ".repeat(1000) + "x", 40);
        contactRanges("t.me/".repeat(1000), 40);
        contactRanges("t.me/" + "_".repeat(3000), 40);
        contactRanges("x.t.me/a/".repeat(500), 40);
        contactRanges("on sn4p its ".repeat(500), 40);
        contactRanges("double ".repeat(1000) + "five", 40);
        assertEquals(List.of("five five five two oh three one two three four"),
                contactRanges("call five five five two oh three one two three four", 40));
        assertEquals(List.of("t.me/jenny_x"), contactRanges("msg t.me/jenny_x.", 40));
        assertEquals(List.of("jenny"), contactRanges("add me on sn4p its jenny", 40));
    }

    /** Review: every dot of "a.b......" walked forward over all the dots after it. */
    @Test
    void runsOfDotsAreLinearForLinks() {
        LinkStage links = new LinkStage(CONFIG);
        for (String s : List.of("a.b" + ".".repeat(3000), ".".repeat(3000), "a.-".repeat(1000))) {
            Evaluation e = ModerationStagesFuzzTest.evaluation(s);
            int steps = links.scan(e, s);
            assertTrue(steps <= 8 * s.length(), () -> "steps " + steps);
        }
        Evaluation e = ModerationStagesFuzzTest.evaluation("see example.com.... now");
        links.scan(e, e.text());
        assertEquals(Outcome.HOLD, new VerdictAssembler(new StrikeTracker(3, 60, 60, 100)).assemble(e).outcome());
        Evaluation skipped = ModerationStagesFuzzTest.evaluation("x .example.com");
        links.scan(skipped, skipped.text());
        assertEquals(List.of(), List.copyOf(skipped.categories()), "as before: a host right after a dot is not read");
    }

    /** Review: each match of a term with an allow-list searched the rest of the text for the phrase. */
    @Test
    void repeatedTermsWithAllowListsKeepTheirResult() {
        assertEquals("shitake ****, ****", Fixtures.judge("shitake shit, shit").text());
        assertEquals("Scunthorpe", Fixtures.judge("Scunthorpe").text());
    }

    /**
     * Review: every "@handle" was compared with every nickname of the room; now only with those
     * sharing its first letter (case folded), with the same result.
     */
    @Test
    void mentionsAreFoundAmongManyNicknames() {
        List<String> nicks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            nicks.add("member" + i);
        }
        nicks.add("Zoe_1");
        nicks.add("quiet owl");
        List<String> found = new ArrayList<>();
        String s = "@ZOE_1 @zoe_2 @Quiet Owl @member7 @member7x @ab";
        contacts.scan(s, nicks, (a, b) -> found.add(s.substring(a, b)));
        assertEquals(List.of("@zoe_2", "@member7x", "@ab"), found);
    }

    /** Masks cover whole code points: a lone low surrogate is its own code point and gets its own '*'. */
    @Test
    void masksCountCodePointsAndNeverSplitPairs() {
        Evaluation lone = ModerationStagesFuzzTest.evaluation("ab\uDC00c");
        lone.found(Categories.CONTACT, 0, 3);
        assertEquals("***c", VerdictAssembler.masked(lone));
        Evaluation pair = ModerationStagesFuzzTest.evaluation("a\uD83D\uDE00b");
        pair.found(Categories.CONTACT, 1, 2);
        assertEquals("a*b", VerdictAssembler.masked(pair), "half a pair masks the whole emoji");
        MaskContract.check(pair);
        Evaluation many = ModerationStagesFuzzTest.evaluation("0123456789");
        for (int i = 0; i < 9; i++) {
            many.found(Categories.CONTACT, i, i + 2);
        }
        assertTrue(many.masked(9, 10));
        assertTrue(!many.masked(10, 10) && !ModerationStagesFuzzTest.evaluation("x").masked(0, 1));
        assertEquals("**********", VerdictAssembler.masked(many));
    }
}
