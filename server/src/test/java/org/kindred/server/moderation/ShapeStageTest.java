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
        assertNotNull(e.finished().reason());
    }

    @Test
    void countsCodePointsAgainstTheMaximum() {
        assertFalse(run("😀😀😀😀😀😀😀😀😀😀").isFinished()); // 10 code points, 20 chars
        Evaluation e = run("12345678901");
        assertEquals(Outcome.INVALID, e.finished().outcome());
        assertTrue(e.finished().reason().contains("10"), e.finished().reason());
        assertFalse(run("  1234567890  ").isFinished());
    }

    @Test
    void rejectsNonsenseMaximum() {
        assertThrows(IllegalArgumentException.class, () -> new ShapeStage(0));
    }
}
