package org.kindred.server.crisis;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.kindred.protocol.RiskLevel;
import org.kindred.server.text.Normalizer;

/**
 * Trains {@link RiskModel} on labelled TSV sets (the {@link BlindSetReport} format) and writes the
 * weights file the server ships ({@code server/src/main/resources/crisis/risk-model.bin}).
 *
 * <p>Method (docs/crisis.md): three logistic regressions
 * (at least concern, at least high, imminent) over {@link RiskFeatures}, the first without an intercept
 * ({@link #RISK_INTERCEPT}, round 19), feature values
 * {@code 1/sqrt(number of features)}, AdaGrad, {@value #EPOCHS} epochs in an order shuffled by a
 * fixed seed, L2 penalty {@value #L2} on the weights a line touches (epochs, rate and penalty
 * chosen by the held-out AUC of {@link HeldOutReport}, see docs/crisis.md). Thresholds:
 * cross-validation over the training sets gives every line a score from a model that did not see
 * its set; each threshold is set just above the benign score that lets {@link #CARD_BUDGET} of benign
 * lines through for a card, {@link #ESCALATION_BUDGET} for {@code high} (which pages only next to a
 * rule's signal), and, for {@code imminent} (which may page alone), {@link #IMMINENT_BUDGET} of all
 * benign lines through both the card and the imminent threshold, and at most {@link #CONCERN_PAGE_BUDGET}
 * of the lines labelled {@code concern} (round 13); never below 0.5 ({@code imminent}:
 * {@link #IMMINENT_FLOOR}). Features include the concepts of the bundled rules' lexicon, so the weights
 * fit one lexicon (round 13). Deterministic:
 * the same files give the same bytes.
 *
 * <p>Run (from the repository root, class path as in docs/crisis.md):
 * {@code java -cp … org.kindred.server.crisis.RiskModelTrainer OUT.bin FILE.tsv…}
 */
final class RiskModelTrainer {
    static int EPOCHS = 20;
    static double L2 = 1e-2;
    static double RATE = 0.2;
    /**
     * Whether the "risk at all" regression learns an intercept (round 19: no, its bias is 0). Its intercept
     * held the labelled sets' mix, about two risk lines to each benign one, so a message the model has
     * little evidence about (a string of everyday nouns after a greeting) scored near {@code P(≥ concern)}
     * 0.68, close under the card threshold, and a few n-grams pushed it over. Without it, a message with no
     * evidence scores 0.5 and a card needs features that speak for risk (docs/crisis.md, "Nineteenth round:
     * the model"). The other two regressions keep theirs: they decide only past the card threshold.
     */
    static boolean RISK_INTERCEPT = false;
    static final double CARD_BUDGET = 0.02;
    static final double ESCALATION_BUDGET = 0.005;
    /** Share of held-out benign lines the model's {@code imminent} alone may page about (round 11). */
    static final double IMMINENT_BUDGET = 0.01;
    /**
     * The lowest imminent threshold (round 12; 0.5 before, which bound: fewer than 1 % of held-out
     * benign lines past the card reach P(imminent) 0.5, so the budget was not used; docs/crisis.md).
     */
    static final double IMMINENT_FLOOR = 0.1;
    /**
     * Share of held-out lines labelled {@code concern} the model's {@code imminent} may page about
     * (round 13): a page where RISK-LEVELS.md asks for a card is an escalation too. With the lexicon's
     * concepts as features the benign budget alone no longer decided (the floor bound in every
     * training, and 61 concern lines were paged held out; docs/crisis.md).
     */
    static final double CONCERN_PAGE_BUDGET = 0.01;
    static final int FOLDS = 5;
    private static final long SEED = 12;

    private RiskModelTrainer() {
    }

    /** One line as features and the three targets. */
    record Example(int[] features, double scale, boolean[] targets, boolean benign) {
    }

    /** The bundled rules, read only for their lexicon's concepts (features of the model since round 13). */
    private static RiskRules lexicon;

    /**
     * The concepts of the bundled rules' lexicon in a message, as {@link RiskAssessor#assess} reads them
     * and gives them to the model (the same normaliser, tokens and concept pass):
     * {@code [concepts 0–63, 64–127, 128–191, 192–255]} as bits, zeros when there are none.
     */
    static synchronized long[] lexicon(String text, Normalizer normalizer) {
        if (lexicon == null) {
            lexicon = RiskRulesLoader.loadBundled(normalizer);
        }
        Token[] words = lexicon.tokenizer.tokenize(lexicon.normalizer.normalize(text));
        if (words.length == 0 || lexicon.combos == null) {
            return new long[ConceptCombos.WORDS];
        }
        ComboReading r = lexicon.combos.read(words);
        return new long[] {r.concepts0, r.concepts1, r.concepts2, r.concepts3};
    }

    /** The model's three probabilities for a message as written, as the server computes them. */
    static void probabilities(RiskModel model, String text, Normalizer normalizer, double[] p) {
        long[] bits = lexicon(text, normalizer);
        model.probabilities(normalizer.normalize(text).text(), bits[0], bits[1], bits[2], bits[3], p);
    }

    static List<Example> examples(List<BlindSetReport.Line> lines, Normalizer normalizer) {
        List<Example> out = new ArrayList<>(lines.size());
        for (BlindSetReport.Line l : lines) {
            String text = normalizer.normalize(l.text()).text();
            long[] bits = lexicon(l.text(), normalizer);
            List<Integer> f = new ArrayList<>();
            int m = RiskFeatures.extract(text, bits[0], bits[1], bits[2], bits[3], f::add);
            int[] features = f.stream().mapToInt(Integer::intValue).toArray();
            RiskLevel e = l.expected();
            boolean[] y = {e != null, e != null && e.compareTo(RiskLevel.HIGH) >= 0, e == RiskLevel.IMMINENT};
            out.add(new Example(features, m == 0 ? 0 : 1 / Math.sqrt(m), y, e == null));
        }
        return out;
    }

    /**
     * Trains on the sets and chooses the thresholds by cross-validation over the sets: every line
     * is scored by a model trained on the other sets (with a single set, five interleaved folds).
     * Folds by set, not at random, because a set holds near-twins of its own lines and random folds
     * would score each line by a model that saw its twin, which makes thresholds far too strict.
     *
     * @param sets the labelled sets, each a list of lines
     * @param provenance stored in the file: which sets, how many lines (no text)
     */
    static RiskModel train(List<List<BlindSetReport.Line>> sets, Normalizer normalizer, String provenance) {
        List<List<Example>> ex = new ArrayList<>();
        for (List<BlindSetReport.Line> set : sets) {
            ex.add(examples(set, normalizer));
        }
        return train(ex, null, provenance);
    }

    /**
     * {@link #train(List, Normalizer, String)} on sets already turned into examples.
     *
     * @param held the held-out scores of every line (the sets' lines in order), each from a model trained
     *     on the other sets, as the cross-validation would make them; null to make them here
     *     ({@link HeldOutReport} passes the scores it computed once for a pair of sets left out)
     */
    static RiskModel train(List<List<Example>> sets, double[][] held, String provenance) {
        List<Example> all = new ArrayList<>();
        List<Integer> fold = new ArrayList<>();
        for (int s = 0; s < sets.size(); s++) {
            List<Example> ex = sets.get(s);
            for (int i = 0; i < ex.size(); i++) {
                all.add(ex.get(i));
                fold.add(sets.size() > 1 ? s : i % FOLDS);
            }
        }
        if (held == null) {
            held = crossValidate(all, fold, sets.size() > 1 ? sets.size() : FOLDS);
        }
        boolean[] benign = new boolean[all.size()];
        boolean[] concern = new boolean[all.size()];
        for (int i = 0; i < benign.length; i++) {
            benign[i] = all.get(i).benign();
            concern[i] = all.get(i).targets()[0] && !all.get(i).targets()[1];
        }
        float[] thresholds = thresholds(benign, concern, held, CARD_BUDGET, IMMINENT_BUDGET, IMMINENT_FLOOR);
        lastBenign = benign;
        lastConcern = concern;
        lastHeld = held;
        float[] bias = new float[RiskModel.OUTPUTS];
        // rounded as the weights file holds them (16 bits, RiskModelFile): the model trained is the model shipped
        float[] w = RiskModelFile.quantize(fit(all, bias));
        return new RiskModel(w, bias, thresholds, provenance);
    }

    /** Every line scored by a model trained on the lines of the other folds (the folds in parallel). */
    private static double[][] crossValidate(List<Example> all, List<Integer> fold, int folds) {
        double[][] held = new double[all.size()][];
        // the folds are independent and each fit is deterministic: in parallel, the same bytes
        java.util.stream.IntStream.range(0, folds).parallel().forEach(f -> {
            List<Example> train = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if (fold.get(i) != f) {
                    train.add(all.get(i));
                }
            }
            float[] bias = new float[RiskModel.OUTPUTS];
            float[] w = fit(train, bias);
            for (int i = 0; i < all.size(); i++) {
                if (fold.get(i) == f) {
                    held[i] = score(all.get(i), w, bias);
                }
            }
        });
        return held;
    }

    /**
     * The three thresholds from held-out scores: each just above the benign score that lets its
     * budget's share of all benign lines through ({@link #CARD_BUDGET} for the card,
     * {@link #ESCALATION_BUDGET} for {@code high}); for {@code imminent}, which pages on its own,
     * {@link #IMMINENT_BUDGET} of all benign lines may pass the card threshold and the imminent one
     * together. Never below 0.5 (imminent: {@link #IMMINENT_FLOOR}).
     *
     * @param benign per line, whether it is labelled benign
     * @param held per line, the three probabilities of a model that did not see its set
     */
    static float[] thresholds(boolean[] benign, double[][] held) {
        return thresholds(benign, new boolean[benign.length], held, CARD_BUDGET, IMMINENT_BUDGET, IMMINENT_FLOOR);
    }

    /** The held-out scores of the last {@link #train} (for {@link HeldOutReport}'s variants), or null. */
    static boolean[] lastBenign;
    static boolean[] lastConcern;
    static double[][] lastHeld;

    /**
     * {@link #thresholds(boolean[], double[][])} with other budgets and imminent floor, and the lines
     * labelled {@code concern}: the imminent threshold also lets at most {@link #CONCERN_PAGE_BUDGET}
     * of them through the card and the imminent threshold together (round 13).
     *
     * @param concern per line, whether it is labelled {@code concern} (all false: no such budget)
     */
    static float[] thresholds(boolean[] benign, boolean[] concern, double[][] held, double cardBudget,
            double imminentBudget, double imminentFloor) {
        return thresholds(benign, concern, held, cardBudget, ESCALATION_BUDGET, imminentBudget, imminentFloor, CONCERN_PAGE_BUDGET);
    }

    /**
     * {@link #thresholds(boolean[], boolean[], double[][], double, double, double)} with every budget given
     * ({@link HeldOutReport}'s variants): the card's, {@code high}'s and {@code imminent}'s shares of benign lines,
     * the imminent threshold's floor and the share of concern lines it may page.
     */
    static float[] thresholds(boolean[] benign, boolean[] concern, double[][] held, double cardBudget,
            double highBudget, double imminentBudget, double imminentFloor, double concernPageBudget) {
        float[] thresholds = new float[RiskModel.OUTPUTS];
        int benignLines = 0;
        for (boolean b : benign) {
            benignLines += b ? 1 : 0;
        }
        for (int k = 0; k < RiskModel.OUTPUTS; k++) {
            List<Double> scores = new ArrayList<>();
            for (int i = 0; i < benign.length; i++) {
                // imminent: only the benign lines past the card threshold count, it pages when both pass
                if (benign[i] && (k < 2 || held[i][0] >= thresholds[0])) {
                    scores.add(held[i][k]);
                }
            }
            scores.sort((a, b) -> Double.compare(b, a));
            double budget = k == 0 ? cardBudget : k == 1 ? highBudget : imminentBudget;
            int allowed = (int) Math.floor(budget * benignLines);
            double t = allowed < scores.size() ? scores.get(allowed) + 1e-6 : 0.5;
            thresholds[k] = (float) Math.max(k == 2 ? imminentFloor : 0.5, t);
        }
        List<Double> concernPast = new ArrayList<>();
        int concernLines = 0;
        for (int i = 0; i < concern.length; i++) {
            concernLines += concern[i] ? 1 : 0;
            if (concern[i] && held[i][0] >= thresholds[0]) {
                concernPast.add(held[i][2]);
            }
        }
        concernPast.sort((a, b) -> Double.compare(b, a));
        int allowed = (int) Math.floor(concernPageBudget * concernLines);
        if (allowed < concernPast.size()) {
            thresholds[2] = (float) Math.max(thresholds[2], concernPast.get(allowed) + 1e-6);
        }
        return thresholds;
    }

    static double[] score(Example e, float[] w, float[] bias) {
        double[] p = new double[RiskModel.OUTPUTS];
        score(e, w, bias, p);
        return p;
    }

    /** The three probabilities of one example into {@code p} (each sum in feature order, as before round 15). */
    private static void score(Example e, float[] w, float[] bias, double[] p) {
        double z0 = bias[0];
        double z1 = bias[1];
        double z2 = bias[2];
        double scale = e.scale();
        for (int f : e.features()) {
            int at = f * 3;
            z0 += w[at] * scale;
            z1 += w[at + 1] * scale;
            z2 += w[at + 2] * scale;
        }
        p[0] = RiskModel.sigmoid(z0);
        p[1] = RiskModel.sigmoid(z1);
        p[2] = RiskModel.sigmoid(z2);
    }

    /**
     * AdaGrad logistic regression, the three outputs at once; returns the weights, fills {@code bias}.
     * The outputs' updates are interleaved feature by feature (round 15, for speed); each output's
     * own sequence of updates is what it was, so the weights are the same bytes.
     */
    static float[] fit(List<Example> examples, float[] bias) {
        int outputs = RiskModel.OUTPUTS;
        float[] w = new float[RiskFeatures.SIZE * outputs];
        float[] g2 = new float[RiskFeatures.SIZE * outputs];
        double[] b2 = new double[outputs];
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double[] p = new double[outputs];
        double[] err = new double[outputs];
        bias[0] = 0;
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            for (int i : order) {
                Example e = examples.get(i);
                score(e, w, bias, p);
                for (int k = 0; k < outputs; k++) {
                    err[k] = p[k] - (e.targets()[k] ? 1 : 0);
                    b2[k] += err[k] * err[k];
                    if (k > 0 || RISK_INTERCEPT) {
                        bias[k] -= (float) (RATE * err[k] / Math.sqrt(b2[k] + 1e-8));
                    }
                }
                double scale = e.scale();
                for (int f : e.features()) {
                    int base = f * outputs;
                    for (int k = 0; k < outputs; k++) {
                        int at = base + k;
                        double g = err[k] * scale + L2 * w[at];
                        g2[at] += (float) (g * g);
                        w[at] -= (float) (RATE * g / Math.sqrt(g2[at] + 1e-8));
                    }
                }
            }
        }
        return w;
    }

    /** {@code OUT.bin FILE.tsv…}: trains on the files and writes the weights. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RiskModelTrainer OUT.bin FILE.tsv...");
            System.exit(2);
            return;
        }
        List<List<BlindSetReport.Line>> sets = new ArrayList<>();
        StringBuilder names = new StringBuilder();
        int lines = 0;
        for (int i = 1; i < args.length; i++) {
            sets.add(BlindSetReport.read(Path.of(args[i])));
            lines += sets.get(sets.size() - 1).size();
            names.append(i > 1 ? "," : "").append(Path.of(args[i]).getFileName());
        }
        RiskModel model = train(sets, new Normalizer(), "trained on " + names + " (" + lines + " lines)");
        try (OutputStream out = Files.newOutputStream(Path.of(args[0]))) {
            model.write(out);
        }
        System.out.printf("%s; thresholds %.3f %.3f %.3f%n", model.provenance, model.thresholds[0],
                model.thresholds[1], model.thresholds[2]);
    }
}
