package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Tuning-corpus regression test: runs the labelled corpus {@code crisis/corpus.tsv} through the
 * bundled rules and prints recall per level, exact-level agreement and the false-positive rate.
 *
 * <p><b>What this is and is not.</b> The rules were written and tuned on this corpus, so its
 * figures say only that nothing that once worked has stopped working. They are no estimate of how
 * the rules do on messages nobody here wrote: that is measured on blind sets with
 * {@link BlindSetReport} and recorded in docs/crisis.md (issue 12: 61–88 % recall on blind sets
 * while this corpus scored 99.7 %).
 *
 * <p>Thresholds, and why:
 * <ul>
 *   <li>recall ≥ 97% over all risk messages (assessed at or above the label): RISK-LEVELS.md says a
 *       miss can cost a life, so misses must be rare; 97% leaves room for a handful of genuinely
 *       ambiguous phrasings in a corpus of a few hundred.</li>
 *   <li>no imminent message assessed below high: an imminent message must at least open an
 *       escalation, so a moderator hears about it even when the level is underestimated.</li>
 *   <li>false positives ≤ 5% of the benign messages: a crisis card for "this traffic is killing
 *       me" costs trust; 5% is the issue's budget.</li>
 * </ul>
 * The corpus is tuning data: the rules were adjusted until it passed. Nothing here is keyed on
 * its lines, but passing it is a regression check, not a measurement.
 */
class RiskTuningCorpusTest {
    static final double MIN_RECALL = 0.97;
    static final double MAX_FALSE_POSITIVE_RATE = 0.05;

    record Case(RiskLevel expected, String language, String text) {
    }

    static RiskAssessor assessor;
    static List<Case> corpus;

    @BeforeAll
    static void load() throws IOException {
        assessor = TrainingYear.bundled(new Normalizer());
        corpus = read();
    }

    static List<Case> read() throws IOException {
        List<Case> out = new ArrayList<>();
        try (InputStream in = RiskTuningCorpusTest.class.getClassLoader().getResourceAsStream("crisis/corpus.tsv");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", 3);
                if (f.length != 3) {
                    throw new IllegalStateException("corpus line without 3 tab-separated columns: " + line);
                }
                RiskLevel level = f[0].equals("none") ? null : RiskLevel.valueOf(f[0].toUpperCase(Locale.ROOT));
                out.add(new Case(level, f[1], f[2]));
            }
        }
        return out;
    }

    @Test
    void recallAndFalsePositivesMeetThresholds() {
        Map<RiskLevel, int[]> perLevel = new EnumMap<>(RiskLevel.class); // {total, recalled, exact}
        int risk = 0;
        int recalled = 0;
        int exact = 0;
        int benign = 0;
        int falsePositives = 0;
        List<String> misses = new ArrayList<>();
        List<String> imminentBelowHigh = new ArrayList<>();
        List<String> fps = new ArrayList<>();
        List<String> offByLevel = new ArrayList<>();
        for (Case c : corpus) {
            RiskAssessment a = assessor.assess(c.text(), c.language());
            if (c.expected() == null) {
                benign++;
                if (a.atRisk()) {
                    falsePositives++;
                    fps.add(a.level() + " " + a.categories() + " <- " + c.text());
                }
                continue;
            }
            risk++;
            int[] s = perLevel.computeIfAbsent(c.expected(), k -> new int[3]);
            s[0]++;
            boolean ok = a.level() != null && a.level().compareTo(c.expected()) >= 0;
            if (ok) {
                recalled++;
                s[1]++;
            } else {
                misses.add(c.expected() + " got " + a.level() + " <- " + c.text());
            }
            if (a.level() == c.expected()) {
                exact++;
                s[2]++;
            } else if (ok) {
                offByLevel.add(c.expected() + " got " + a.level() + " <- " + c.text());
            }
            if (c.expected() == RiskLevel.IMMINENT && (a.level() == null || !a.level().escalates())) {
                imminentBelowHigh.add(c.text());
            }
        }
        double recall = recalled / (double) risk;
        double fpRate = falsePositives / (double) benign;
        System.out.printf(Locale.ROOT, "corpus: %d risk messages, %d benign%n", risk, benign);
        perLevel.forEach((level, s) -> System.out.printf(Locale.ROOT,
                "  %-8s recall %3d/%3d = %5.1f%%   exact %3d/%3d = %5.1f%%%n", level, s[1], s[0], 100.0 * s[1] / s[0],
                s[2], s[0], 100.0 * s[2] / s[0]));
        System.out.printf(Locale.ROOT, "  overall  recall %5.1f%% (min %.0f%%), exact-level agreement %5.1f%%%n",
                100 * recall, 100 * MIN_RECALL, 100.0 * exact / risk);
        System.out.printf(Locale.ROOT, "  false positives %d/%d = %4.1f%% (max %.0f%%)%n", falsePositives, benign,
                100 * fpRate, 100 * MAX_FALSE_POSITIVE_RATE);
        misses.forEach(m -> System.out.println("  MISS " + m));
        fps.forEach(m -> System.out.println("  FALSE POSITIVE " + m));
        offByLevel.forEach(m -> System.out.println("  higher than labelled: " + m));
        assertTrue(recall >= MIN_RECALL, "recall " + recall + " below " + MIN_RECALL + ": " + misses);
        assertTrue(fpRate <= MAX_FALSE_POSITIVE_RATE, "false positives " + fpRate + ": " + fps);
        assertTrue(imminentBelowHigh.isEmpty(), "imminent messages that open no escalation: " + imminentBelowHigh);
    }
}
