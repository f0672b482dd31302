package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class NormalizeStageTest {
    @Test
    void computesTheNormalisedTextOnceFromTheCleanedText() {
        Evaluation e = Fixtures.evaluation("  Ｈ3ll0 \u202Ewörld  ");
        new ShapeStage(2000).apply(e);
        new NormalizeStage().apply(e);
        assertFalse(e.isFinished());
        assertEquals("hello world", e.normalized().text());
        assertEquals(e.text(), e.normalized().original());
        assertSame(e.normalized(), e.normalized());
    }
}
