package org.kindred.server.moderation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tuning-corpus regression test: runs the labelled corpus ({@code moderation/corpus.tsv}) through
 * the default pipeline and measures precision and recall per category. The word lists and the
 * normaliser were tuned on this corpus, so its figures show that nothing that once worked has
 * stopped working; they are no estimate of precision or recall on messages nobody here wrote
 * (issue 12 found misses on an independently written blind set that this corpus never showed).
 *
 * <p>Thresholds, and why:
 * <ul>
 *   <li><b>Recall ≥ 0.85</b> per category. The corpus includes every evasion the normaliser is
 *       built for (leetspeak, homoglyphs, zero-width characters, spaced and repeated letters), all of
 *       which must be caught, plus a few realistic misses per category (about one in ten) that keep
 *       the numbers honest. Falling below 0.85 means a whole evasion technique stopped working.</li>
 *   <li><b>Precision ≥ 0.95</b> per category, counting as false positives only hits on benign and
 *       first-person-distress lines (a threat that also matches harassment is still abuse). Wrongly
 *       silencing people hurts a support group more than a missed swear word: with about 150
 *       non-abusive lines, 0.95 tolerates at most one or two wrong hits per category.</li>
 *   <li><b>First-person distress: every line delivered unchanged.</b> Blocking or masking someone
 *       who discloses risk is the worst failure this pipeline can have; no tolerance.</li>
 *   <li><b>Benign lines: at most one not delivered unchanged</b> (the Scunthorpe words, everyday
 *       talk, supportive messages that mention harm in the negative).</li>
 * </ul>
 */
class CorpusTest {
    private static final List<String> CATEGORIES = List.of(Categories.PROFANITY, Categories.SLUR, Categories.HATE,
            Categories.HARASSMENT, Categories.INSULT, Categories.SELF_HARM_INCITEMENT, Categories.THREAT, Categories.SEXUAL,
            Categories.CONTACT);
    private static final Set<String> NON_ABUSIVE = Set.of("none", "distress");
    private static final double MIN_RECALL = 0.85;
    private static final double MIN_PRECISION = 0.95;

    private record Row(String category, Outcome expected, String text) {
    }

    private record Result(Row row, Verdict verdict) {
    }

    private static final List<Result> RESULTS = new ArrayList<>();

    @BeforeAll
    static void runCorpus() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CorpusTest.class.getClassLoader().getResourceAsStream("moderation/corpus.tsv"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                rows.add(new Row(parts[0], Outcome.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2]));
            }
        }
        assertTrue(rows.size() >= 300, "corpus has " + rows.size() + " lines");
        for (Row row : rows) {
            RESULTS.add(new Result(row, Fixtures.judge(row.text())));
        }
    }

    @Test
    void precisionAndRecallPerCategoryMeetTheThresholds() {
        Map<String, double[]> scores = new LinkedHashMap<>();
        StringBuilder report = new StringBuilder(String.format("%-22s %5s %5s %5s %9s %7s%n", "category", "tp", "fn",
                "fp", "precision", "recall"));
        List<String> failures = new ArrayList<>();
        for (String c : CATEGORIES) {
            int tp = 0;
            int fn = 0;
            int fp = 0;
            for (Result r : RESULTS) {
                boolean predicted = r.verdict().categories().contains(c);
                if (r.row().category().equals(c)) {
                    if (predicted) {
                        tp++;
                    } else {
                        fn++;
                        report.append("  missed ").append(c).append(": ").append(r.row().text()).append('\n');
                    }
                } else if (predicted && NON_ABUSIVE.contains(r.row().category())) {
                    fp++;
                    report.append("  false ").append(c).append(": ").append(r.row().text()).append('\n');
                }
            }
            double precision = tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
            scores.put(c, new double[] {precision, recall});
            report.append(String.format("%-22s %5d %5d %5d %9.3f %7.3f%n", c, tp, fn, fp, precision, recall));
            if (tp + fn == 0) {
                failures.add(c + " has no labelled lines");
            }
            if (precision < MIN_PRECISION) {
                failures.add(c + " precision " + precision);
            }
            if (recall < MIN_RECALL) {
                failures.add(c + " recall " + recall);
            }
        }
        System.out.print(report);
        assertTrue(failures.isEmpty(), failures + "\n" + report);
    }

    @Test
    void firstPersonDistressIsAlwaysDeliveredUnchanged() {
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (Result r : RESULTS) {
            if (r.row().category().equals("distress")) {
                count++;
                if (r.verdict().outcome() != Outcome.DELIVER || !r.row().text().equals(r.verdict().text())) {
                    failures.add(r.verdict().outcome() + " " + r.verdict().categories() + ": " + r.row().text());
                }
            }
        }
        assertTrue(count >= 30, "distress lines: " + count);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void benignLinesAreDeliveredUntouched() {
        List<String> failures = new ArrayList<>();
        for (Result r : RESULTS) {
            if (r.row().category().equals("none")
                    && (r.verdict().outcome() != Outcome.DELIVER || !r.row().text().equals(r.verdict().text()))) {
                failures.add(r.verdict().outcome() + " " + r.verdict().categories() + ": " + r.row().text());
            }
        }
        System.out.println("benign lines not delivered untouched: " + failures);
        assertTrue(failures.size() <= 1, String.join("\n", failures));
    }

    @Test
    void detectedAbuseGetsTheExpectedOutcome() {
        List<String> wrong = new ArrayList<>();
        int detected = 0;
        for (Result r : RESULTS) {
            if (!NON_ABUSIVE.contains(r.row().category()) && r.verdict().categories().contains(r.row().category())) {
                detected++;
                Outcome expected = r.row().expected();
                Outcome actual = r.verdict().outcome();
                if (actual != expected) {
                    wrong.add(actual + " instead of " + expected + ": " + r.row().text());
                }
                if (actual == Outcome.MASK && r.verdict().text().equals(r.row().text())) {
                    wrong.add("MASK without a change: " + r.row().text());
                }
            }
        }
        System.out.println("detected " + detected + ", wrong outcome: " + wrong);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
