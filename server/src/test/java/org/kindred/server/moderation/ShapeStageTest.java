package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShapeStageTest {
    private final ShapeStage stage = new ShapeStage(10);

    private Evaluation run(String text) {
        Evaluation e = Fixtures.evaluation(text);
        stage.apply(e);
        return e;
    }

    @Test
    void trimsAndRemovesControlAndBidiCharacters() {
        Evaluation e = run("  a\u202Eb\u0007c\u2066d\r\ne\t ");
        assertFalse(e.isFinished());
        assertEquals("abcd\ne", e.text());
    }

    @Test
    void keepsCleanTextAsTheSameInstance() {
        String text = "hello";
        assertSame(text, ShapeStage.clean(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u202E\u202C", "\t\r\n"})
    void refusesEmptyMessages(String text) {
        Evaluation e = run(text);
        assertEquals(Outcome.INVALID, e.finished().outcome());
        assertNotNull(e.finished().reason().english());
    }

    @Test
    void countsCodePointsAgainstTheMaximum() {
        assertFalse(run("😀😀😀😀😀😀😀😀😀😀").isFinished()); // 10 code points, 20 chars
        Evaluation e = run("12345678901");
        assertEquals(Outcome.INVALID, e.finished().outcome());
        assertTrue(e.finished().reason().english().contains("10"), e.finished().reason().english());
        assertFalse(run("  1234567890  ").isFinished());
    }

    @Test
    void rejectsNonsenseMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new ShapeStage(0));
    }

    @Test
    void cutsZalgoToAFewMarksPerLetter() {
        String marks = "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308".repeat(75); // 600 marks
        assertEquals("H" + marks.substring(0, ShapeStage.MAX_MARKS) + "i", ShapeStage.clean("H" + marks + "i"));
        // marks split by a removed control character are still one run
        assertEquals("a\u0301\u0302\u0303\u0304", ShapeStage.clean("a\u0301\u0302\u0000\u0303\u0304\u0305"));
        // enclosing and supplementary marks count too (U+20DD, U+1D167)
        assertEquals("x\u20DD\u20DD\u20DD\u20DD", ShapeStage.clean("x" + "\u20DD".repeat(9)));
        assertEquals("y" + "\uD834\uDD67".repeat(4), ShapeStage.clean("y" + "\uD834\uDD67".repeat(7)));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "Tiếng Việt có dấu", "Tie\u0302\u0301ng Vie\u0323\u0302t", "ภาษาไทย น้ำ", "שָׁלוֹם", "👍🏽 ❤️ 👨‍👩‍👧", "नमस्ते दुनिया"})
    void keepsRealWritingWithMarksAsItIs(String text) {
        assertSame(text, ShapeStage.clean(text));
    }

    @Test
    void removesNoncharacters() {
        assertEquals("ok ", ShapeStage.clean("ok \uFFFE"));
        assertEquals("ab", ShapeStage.clean("a\uFFFFb"));
    }
}
