package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Held-out lines for issue 12's moderation kinds ({@code moderation/heldout-issue12.tsv}): new
 * wordings of each kind and benign look-alikes, written after the fixes and never used to tune
 * them. Unlike {@link CorpusTest} (tuning data), its figure estimates how the fixes generalise.
 *
 * <p>Measured once when the file was written (2026-11-30): see docs/moderation.md, "Quality and
 * cost". Threshold, and why: at least 85 % of the lines get the expected outcome and category, and
 * every benign line is delivered unchanged. Hand-written sets this small move by one line per
 * 3 %, so the bound allows a few misses of a kind without letting a whole kind regress; a benign
 * line masked or blocked is never acceptable in a support room. Lines the fixes miss stay in the
 * file as misses (they may be fixed, but then the line counts as tuning data and a new held-out
 * line is written for the next measurement).
 */
class ModerationHeldOutTest {
    private static final double MIN_RIGHT = 0.85;

    private record Row(String kind, Outcome expected, String category, String text) {
    }

    @Test
    void heldOutLinesOfIssue12sKindsGetTheExpectedOutcome() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(ModerationHeldOutTest.class.getClassLoader()
                .getResourceAsStream("moderation/heldout-issue12.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t", 4);
                rows.add(new Row(p[0], Outcome.valueOf(p[1].toUpperCase(Locale.ROOT)), p[2], p[3]));
            }
        }
        int right = 0;
        List<String> wrong = new ArrayList<>();
        List<String> benignHurt = new ArrayList<>();
        for (Row r : rows) {
            Verdict v = Fixtures.judge(r.text());
            boolean ok = v.outcome() == r.expected()
                    && (r.category().equals("-") ? v.categories().isEmpty() : v.categories().contains(r.category()));
            if (ok) {
                right++;
            } else {
                wrong.add(r.kind() + ": " + v.outcome() + " " + v.categories() + " instead of " + r.expected() + " "
                        + r.category() + ": " + r.text());
                if (r.expected() == Outcome.DELIVER) {
                    benignHurt.add(r.text());
                }
            }
        }
        double share = (double) right / rows.size();
        System.out.printf("held-out issue 12: %d of %d right (%.1f %%)%n  %s%n", right, rows.size(), 100 * share,
                String.join("\n  ", wrong));
        assertTrue(rows.size() >= 30, "held-out lines: " + rows.size());
        assertTrue(benignHurt.isEmpty(), "benign lines not delivered: " + benignHurt);
        assertTrue(share >= MIN_RIGHT, right + " of " + rows.size() + " right\n" + String.join("\n", wrong));
    }
}
