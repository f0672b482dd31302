package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kindred.server.text.Normalizer;

/**
 * The statistical second opinion's weights: the file format, the shipped weights reproducible from the labelled
 * sets, the thresholds' budgets ({@link RiskModelTrainer}).
 */
class RiskModelTrainingTest {
    private static final Normalizer NORMALIZER = new Normalizer();

    @Test
    void weightsFileRoundTripsAndRefusesOtherFiles() throws IOException {
        RiskModel m = RiskModel.loadBundled();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        RiskModel back = RiskModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertArrayEquals(m.weights, back.weights);
        assertArrayEquals(m.thresholds, back.thresholds);
        assertEquals(m.provenance, back.provenance);
        assertThrows(IOException.class, () -> RiskModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})));
    }

    @Test
    void bundledModelLoads() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RiskModel.BUNDLED)) {
            assertTrue(in != null && in.read() >= 0);
        }
        assertTrue(RiskModel.loadBundled().provenance.startsWith("trained on "));
    }

    /** The shipped weights are exactly what the documented command makes from the committed sets. */
    @Test
    void bundledWeightsAreReproducibleFromTheLabelledSets() throws IOException, URISyntaxException {
        List<List<BlindSetReport.Line>> sets = new ArrayList<>();
        for (String s : HeldOutReport.SETS) {
            sets.add(BlindSetReport.read(Path.of(getClass().getClassLoader().getResource("crisis/" + s).toURI())));
        }
        RiskModel trained = RiskModelTrainer.train(sets, NORMALIZER, "check");
        RiskModel bundled = RiskModel.loadBundled();
        assertArrayEquals(bundled.thresholds, trained.thresholds, "retrain: see docs/crisis.md");
        assertArrayEquals(bundled.bias, trained.bias, "retrain: see docs/crisis.md");
        assertArrayEquals(bundled.weights, trained.weights, "retrain: see docs/crisis.md");
        for (String s : HeldOutReport.SETS) {
            assertTrue(bundled.provenance.contains(s + ",") || bundled.provenance.contains(s + " ("),
                    s + " missing from " + bundled.provenance);
        }
    }

    /**
     * 200 benign lines scored 0.60–0.995 for every output and one risk line: the card lets 2 %
     * (4 lines) through, high 0.5 % (1 line), and imminent 1 % of all benign lines (2) past the
     * card and the imminent threshold together, counted among the lines past the card only.
     */
    @Test
    void thresholdsKeepEachBudgetOfHeldOutBenignLines() {
        int n = 200;
        boolean[] benign = new boolean[n + 1];
        double[][] held = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            benign[i] = true;
            double s = 0.6 + 0.395 * i / (n - 1);
            // imminent scores fall as the card's rise: the lines past the card have the lowest ones
            held[i] = new double[] {s, s, 1.6 - s};
        }
        held[n] = new double[] {1, 1, 1};
        float[] t = RiskModelTrainer.thresholds(benign, held);
        int card = 0;
        int high = 0;
        int imminent = 0;
        for (int i = 0; i < n; i++) {
            card += held[i][0] >= t[0] ? 1 : 0;
            high += held[i][1] >= t[1] ? 1 : 0;
            imminent += held[i][0] >= t[0] && held[i][2] >= t[2] ? 1 : 0;
        }
        assertEquals(4, card);
        assertEquals(1, high);
        assertEquals(2, imminent);
        assertTrue(t[2] < 0.62, "imminent counts only the benign lines past the card: " + t[2]);
        double[][] low = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            low[i] = new double[] {0.1, 0.1, 0.1};
        }
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, RiskModelTrainer.thresholds(benign, low), "never below 0.5");
        // round 12: the benign lines past the card all have a low P(imminent): the imminent threshold
        // goes below 0.5 (the budget, not the old floor, decides), never below IMMINENT_FLOOR
        double[][] quiet = new double[n + 1][];
        for (int i = 0; i < n; i++) {
            double s = 0.6 + 0.395 * i / (n - 1);
            quiet[i] = new double[] {s, s, 0.05 + 0.1 * i / (n - 1)};
        }
        quiet[n] = new double[] {1, 1, 1};
        float[] q = RiskModelTrainer.thresholds(benign, quiet);
        assertTrue(q[2] < 0.5 && q[2] > 0.14, "the third-highest imminent score among the four past the card: " + q[2]);
        int paged = 0;
        for (int i = 0; i < n; i++) {
            paged += quiet[i][0] >= q[0] && quiet[i][2] >= q[2] ? 1 : 0;
        }
        assertEquals(2, paged, "1 % of 200 benign lines");
        for (int i = 0; i < n; i++) {
            quiet[i][2] = 0.01;
        }
        assertEquals((float) RiskModelTrainer.IMMINENT_FLOOR, RiskModelTrainer.thresholds(benign, quiet)[2], "the floor");
    }

    /**
     * Round 13: 100 lines labelled concern past the card with P(imminent) 0.30–0.795 and benign lines far
     * below: the benign budget alone would leave the threshold at its floor; the concern budget (1 %)
     * lets one of the hundred through.
     */
    @Test
    void theImminentThresholdAlsoKeepsTheConcernBudget() {
        int n = 300;
        boolean[] benign = new boolean[n];
        boolean[] concern = new boolean[n];
        double[][] held = new double[n][];
        for (int i = 0; i < n; i++) {
            if (i < 200) {
                benign[i] = true;
                held[i] = new double[] {0.6 + 0.39 * i / 199, 0.1, 0.01};
            } else {
                concern[i] = true;
                held[i] = new double[] {0.99, 0.5, 0.3 + 0.005 * (i - 200)};
            }
        }
        float[] without = RiskModelTrainer.thresholds(benign, held);
        assertEquals((float) RiskModelTrainer.IMMINENT_FLOOR, without[2], "the floor: no benign line comes near");
        float[] t = RiskModelTrainer.thresholds(benign, concern, held, RiskModelTrainer.CARD_BUDGET,
                RiskModelTrainer.IMMINENT_BUDGET, RiskModelTrainer.IMMINENT_FLOOR);
        int paged = 0;
        for (int i = 200; i < n; i++) {
            paged += held[i][0] >= t[0] && held[i][2] >= t[2] ? 1 : 0;
        }
        assertEquals(1, paged, "1 % of 100 concern lines; threshold " + t[2]);
    }
}
