package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.kindred.protocol.Role;
import org.kindred.server.text.FuzzInput;

/**
 * Coverage-guided fuzzing of the whole moderation pipeline as the server builds it (default
 * configuration, bundled lexicons; issue 11). Seeds:
 * {@code src/test/resources/org/kindred/server/moderation/PipelineFuzzTestInputs/evaluate/}; fuzz
 * with {@code JAZZER_FUZZ=1 mvn -o -B -pl server -am test -Dtest=PipelineFuzzTest}. Every input
 * gets a verdict without an exception; a delivered text is the cleaned text with some code points
 * replaced by {@code *} and nothing else changed.
 */
class PipelineFuzzTest {
    private static long member;

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"shit", "kill yourself", " at ", " dot ", "snap:", "www.", ".com", "07700 900123", "@", "1", "|"})
    void evaluate(byte[] input) {
        String s = FuzzInput.text(input);
        MessageContext ctx = new MessageContext("lobby", "pfuzz-" + (member++ % 5000), Role.MEMBER, null,
                Fixtures.NOW - 60_000, Fixtures.NOW, s, ModerationStagesFuzzTest.NICKS);
        Verdict v = Fixtures.pipeline().evaluate(ctx);
        assertNotNull(v);
        assertNotNull(v.outcome());
        if (v.text() == null) {
            assertNotNull(v.reason());
            return;
        }
        String cleaned = ShapeStage.clean(s).strip();
        String out = v.text();
        int i = 0;
        int j = 0;
        while (i < cleaned.length() && j < out.length()) {
            int a = cleaned.codePointAt(i);
            int b = out.codePointAt(j);
            assertTrue(a == b || b == '*', "each code point delivered as written or as *");
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        assertEquals(cleaned.length(), i, "nothing dropped");
        assertEquals(out.length(), j, "nothing added");
        assertEquals(v.outcome() == Outcome.MASK || v.outcome() == Outcome.HOLD ? v.text() : cleaned, v.text());
    }
}
