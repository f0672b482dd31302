package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.kindred.protocol.Role;
import org.kindred.server.text.FuzzInput;
import org.kindred.server.text.Normalizer;

/**
 * Coverage-guided fuzzing of each moderation stage on its own (issue 11). Without
 * {@code JAZZER_FUZZ} each method runs its seeds in
 * {@code src/test/resources/org/kindred/server/moderation/ModerationStagesFuzzTestInputs/<method>/};
 * {@code JAZZER_FUZZ=1 mvn -o -B -pl server -am test -Dtest='ModerationStagesFuzzTest#contact'}
 * fuzzes one. Every input must finish within a linear number of steps where the stage counts them,
 * throw nothing, report ranges inside the text, and mask exactly what it reports
 * ({@link MaskContract}).
 */
class ModerationStagesFuzzTest {
    static final ModerationConfig CONFIG = ModerationConfig.defaults();
    static final List<String> NICKS = List.of("ann", "Jane Doe", "coolkid_99");
    private static final Normalizer NORMALIZER = new Normalizer();
    private static final ContactScanner CONTACTS = new ContactScanner(new java.util.HashSet<>(CONFIG.crisisNumbers()));
    private static final ShapeStage SHAPE = new ShapeStage(CONFIG.maxTextLength());
    private static final RateStage RATE = new RateStage(CONFIG);
    private static final LinkStage LINKS = new LinkStage(CONFIG);
    private static final ContactStage CONTACT = new ContactStage(CONFIG);
    private static long member;

    /** An evaluation of {@code text} by a member who joined a minute ago (links are held). */
    static Evaluation evaluation(String text) {
        MessageContext ctx = new MessageContext("lobby", "fuzz-" + (member++ % 1000), Role.MEMBER, "fp",
                Fixtures.NOW - 60_000, Fixtures.NOW, text, NICKS);
        return new Evaluation(ctx, CONFIG, NORMALIZER);
    }

    @FuzzTest(maxDuration = "10m")
    void shape(byte[] input) {
        String s = FuzzInput.text(input);
        Evaluation e = evaluation(s);
        SHAPE.apply(e);
        if (e.isFinished()) {
            assertEquals(Outcome.INVALID, e.finished().outcome());
            return;
        }
        String cleaned = e.text();
        assertEquals(ShapeStage.clean(s).strip(), cleaned);
        assertTrue(!cleaned.isEmpty() && cleaned.codePointCount(0, cleaned.length()) <= CONFIG.maxTextLength());
        assertEquals(cleaned, ShapeStage.clean(cleaned), "nothing removable is left");
    }

    @FuzzTest(maxDuration = "10m")
    void rate(byte[] input) {
        Evaluation e = evaluation(FuzzInput.text(input));
        RATE.apply(e);
        MaskContract.check(e);
    }

    @FuzzTest(maxDuration = "10m")
    void normalize(byte[] input) {
        Evaluation e = evaluation(FuzzInput.text(input));
        new NormalizeStage().apply(e);
        assertNotNull(e.normalized());
        assertEquals(e.text(), e.normalized().original());
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"shit", "kill yourself", "k y s", "ki11", "|", "1", "shitake", "fuuuck", "!", " ", "moon92@", " at ", " dot com", "snap: ", "you ", "idiot", "stupid", ", ", "not "})
    void lexicon(byte[] input) {
        Evaluation e = evaluation(FuzzInput.text(input));
        new LexiconStage(Fixtures.pipeline().lexicon(), CONTACTS).apply(e);
        MaskContract.check(e);
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({" at ", " dot ", "(at)", "[dot]", "@", "snap", "snap:", "u/", "#1234", "+44", "(0)", " 1234567",
        "insta is ", ".com", "_", "\t", "five ", " oh ", "cinco ", "fünf ", "double ", "t.me/", "wa.me/", "sn4p", "its ", "on "})
    void contact(byte[] input) {
        String s = FuzzInput.text(input);
        int n = s.length();
        int steps = CONTACTS.scan(s, NICKS, (start, end) -> MaskContract.inside(start, end, n));
        long nickBound = (long) (s.chars().filter(c -> c == '@').count()) * 3;
        assertTrue(steps <= 40L * n + nickBound + 64, () -> "steps " + steps + " for " + n + " chars (expected: linear)");
        Evaluation e = evaluation(s);
        CONTACT.apply(e);
        MaskContract.check(e);
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({".", "..", "www.", "https://", ".com", "@", "mind.org.uk", "-"})
    void links(byte[] input) {
        String s = FuzzInput.text(input);
        Evaluation e = evaluation(s);
        int steps = LINKS.scan(e, s);
        assertTrue(steps <= 8L * s.length() + 8, () -> "steps " + steps + " for " + s.length() + " chars (expected: linear)");
        MaskContract.check(e);
    }
}
