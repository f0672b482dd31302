package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kindred.server.text.Normalizer;

/**
 * Tuning-set regression test for issue 12: {@code crisis/tuning-issue12.tsv} (and
 * {@code crisis/dev-issue12.tsv}, measured once before it was tuned on, see docs/crisis.md) holds, per kind of
 * miss the first blind sets showed (goodbyes without a keyword, stockpiling and decided times,
 * method research, self-harm slang, fillers, inflections, colloquial es/de/fr, typos and algospeak,
 * means at hand plus a time, recovery talk), the issue's examples and variants written for it in
 * en/es/de/fr, with benign look-alikes in equal number. The rules were tuned on it, so passing says
 * nothing that once worked broke; it is not a measurement (blind sets are, see docs/crisis.md).
 *
 * <p>Thresholds: the issue's "done" figures (recall ≥ 95 %, false escalations ≤ 1 % of benign),
 * with every imminent line opening an escalation; false alarms (a card, no escalation) ≤ 10 %
 * because recovery talk may get a card by design.
 */
class RiskIssue12TuningTest {
    static BlindSetReport.Result result;

    @BeforeAll
    static void run() throws IOException, URISyntaxException {
        List<BlindSetReport.Line> lines = new ArrayList<>();
        for (String name : List.of("crisis/tuning-issue12.tsv", "crisis/dev-issue12.tsv")) {
            lines.addAll(BlindSetReport.read(Path.of(RiskIssue12TuningTest.class.getClassLoader().getResource(name).toURI())));
        }
        result = BlindSetReport.evaluate(TrainingYear.bundled(new Normalizer()), lines);
        System.out.print(BlindSetReport.markdown(result));
        result.misses().forEach(System.out::println);
    }

    @Test
    void recallAndEscalationsMeetTheIssueThresholds() {
        BlindSetReport.Tally all = result.overall();
        assertTrue(all.risk >= 100 && all.benign >= all.risk, "set shrank: " + all.risk + " risk, " + all.benign + " benign");
        assertTrue(result.recall() >= 0.95, "recall " + result.recall() + ": " + result.misses());
        assertEquals(all.imminent, all.imminentEscalated, "imminent lines that open no escalation: " + result.misses());
        assertTrue(result.imminentFound() >= 0.90, "imminent assessed imminent " + result.imminentFound());
        assertTrue(result.falseEscalationRate() <= 0.015, "false escalations " + result.falseEscalationRate()
                + ": " + result.misses());
        assertTrue(result.falseAlarmRate() <= 0.10, "false alarms " + result.falseAlarmRate() + ": " + result.misses());
    }

    /**
     * Blind set 3 became tuning data for the sixth round (docs/crisis.md): the rules alone, without
     * the model (which was trained on it), must keep what that round made them find. Before it:
     * recall 35.6 %, imminent 20 %, two French false escalations. A regression check, not a measurement.
     * Its 180 risk lines are 168 since the twenty-first, twenty-third, twenty-fourth and twenty-fifth rounds removed lines
     * that near-duplicate a set still sealed or that round's unseen set (train-27, train-28).
     */
    @Test
    void rulesKeepTheKindsTunedOnBlindSetThree() throws IOException, URISyntaxException {
        Normalizer normalizer = new Normalizer();
        RiskAssessor rulesOnly = RiskAssessor.of(RiskRulesLoader.loadBundled(normalizer), null);
        BlindSetReport.Result r = BlindSetReport.evaluate(rulesOnly, BlindSetReport.read(
                Path.of(RiskIssue12TuningTest.class.getClassLoader().getResource("crisis/blind-3.tsv").toURI())));
        assertEquals(168, r.overall().risk, "blind-3 changed");
        assertTrue(r.recall() >= 0.84, "recall " + r.recall() + ": " + r.misses());
        assertTrue(r.imminentFound() >= 0.70, "imminent assessed imminent " + r.imminentFound() + ": " + r.misses());
        assertEquals(0, r.overall().falseEscalations, "false escalations: " + r.misses());
    }

    @Test
    void reportCountsEachFigureFromItsOwnLines() {
        RiskAssessor assessor = TrainingYear.bundled(new Normalizer());
        List<BlindSetReport.Line> lines = BlindSetReport.parse(List.of(
                "# comment", "",
                "imminent\ten\tI'm going to kill myself tonight",
                "high\ten\tI want to die",
                "concern\ten\tthe weather is lovely",
                "none\ten\tthis traffic is killing me",
                "none\ten\tI want to kill myself"), "test");
        BlindSetReport.Result r = BlindSetReport.evaluate(assessor, lines);
        BlindSetReport.Tally t = r.overall();
        assertEquals(3, t.risk);
        assertEquals(2, t.found);
        assertEquals(1, t.imminentExact);
        assertEquals(1, t.highFound);
        assertEquals(0, t.concernFound);
        assertEquals(2, t.benign);
        assertEquals(1, t.falseAlarms);
        assertEquals(1, t.falseEscalations);
        String md = BlindSetReport.markdown(r);
        assertTrue(md.contains("| en | 3 | 2/3 = 66.7 %"), md);
        assertTrue(md.contains("| **all** |"), md);
    }

    @Test
    void malformedLinesAreRejectedWithTheirLineNumber() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlindSetReport.parse(List.of("#x", "severe\ten\ttext"), "f.tsv"));
        assertTrue(e.getMessage().startsWith("f.tsv:2: level 'severe'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> BlindSetReport.parse(List.of("none en text"), "f.tsv"));
        assertTrue(e.getMessage().contains("f.tsv:1: 1 column(s)"), e.getMessage());
    }
}
