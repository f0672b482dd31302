package org.kindred.server.text;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the normaliser (issue 11). Without {@code JAZZER_FUZZ} it runs the
 * seeds in {@code src/test/resources/org/kindred/server/text/NormalizerFuzzTestInputs/normalize/};
 * with {@code JAZZER_FUZZ=1 mvn -o -B -pl server -am test -Dtest=NormalizerFuzzTest} it fuzzes.
 * Every input must finish within a linear number of steps, throw nothing, and give a result that
 * keeps {@link NormalizedText}'s promises (see {@link NormalizerContract}).
 */
class NormalizerFuzzTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"!", "|", "'", "1", "0", "@", "$", "\u0301", "\u200B", "\uFDFA", "\u00DF", "\uD835\uDC00",
        "\uD83C\uDD70", "\uDB40\uDC41", "\uD800", "\uDC00", " ", ".", "-"})
    void normalize(byte[] input) {
        NormalizerContract.check(NORMALIZER, FuzzInput.text(input));
    }
}
