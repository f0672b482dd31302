package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seventeenth round, the engine: of splits with as many pieces, {@link WordSegmenter} takes the one
 * with the longest words (sum of squared lengths), then the longest pieces from the left; never the first one found, so a short word new to the vocabulary does not
 * take a split it does not improve.
 */
class WordSegmenterTest {

    @Test
    void aShortNewWordDoesNotTakeASplitItDoesNotImprove() {
        assertEquals(List.of("partir", "a"), new WordSegmenter(Set.of("partir", "a", "tira")).split("partira"));
        assertEquals(List.of("partir", "a"), new WordSegmenter(Set.of("partir", "a", "tira", "par")).split("partira"),
                "'par' + 'tira' has as many pieces but shorter words");
    }

    @Test
    void equalSplitsAreDecidedByTheirPiecesNotByTheOrderFound() {
        // ab + cde and abc + de: two pieces each, 4 + 9 = 9 + 4 (abc + (c)de counts 9 + 4 too): the longer first piece
        assertEquals(List.of("abc", "de"), new WordSegmenter(List.of("ab", "cde", "abc", "de")).split("abcde"));
        assertEquals(List.of("abc", "de"), new WordSegmenter(List.of("de", "abc", "cde", "ab")).split("abcde"));
        // a borrowed letter counts once: ich + wils + (s)terben is 9 + 16 + 36, less than ich + wil + sterben
        assertEquals(List.of("ich", "wil", "sterben"),
                new WordSegmenter(Set.of("ich", "wil", "wils", "sterben", "terben")).split("ichwilsterben"));
    }

    @Test
    void fewestPiecesStillComeFirst() {
        assertEquals(List.of("i", "want", "to", "die"), new WordSegmenter(Set.of("i", "want", "to", "die", "wan", "t"))
                .split("iwantodie"));
        assertEquals(List.of("want", "to", "die"), new WordSegmenter(Set.of("want", "to", "die", "wan")).split("wantodie"),
                "a piece may share the last letter of the one before: want + (t)o over wan + to");
        assertNull(new WordSegmenter(Set.of("want")).split("wantx"));
    }
}
