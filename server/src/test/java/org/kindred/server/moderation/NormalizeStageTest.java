package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.kindred.server.text.NormalizedText;

class NormalizeStageTest {
    @Test
    void computesTheNormalisedTextOnceFromTheCleanedText() {
        Evaluation e = Fixtures.evaluation("  Ｈ3ll0 \u202Ewörld  ");
        new ShapeStage(2000).apply(e);
        new NormalizeStage().apply(e);
        assertFalse(e.isFinished());
        NormalizedText computed = e.normalized();
        assertEquals("Ｈ3ll0 wörld", computed.original(), "normalised from the shape stage's cleaned text");
        assertEquals("hello world", computed.text());
        new NormalizeStage().apply(e);
        assertSame(computed, e.normalized(), "later stages reuse the result instead of normalising again");
        assertThrows(IllegalStateException.class, () -> e.replaceText("other"),
                "the text cannot change once it has been normalised for matching");
    }
}
