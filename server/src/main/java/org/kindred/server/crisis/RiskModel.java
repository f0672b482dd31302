package org.kindred.server.crisis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.kindred.protocol.RiskLevel;

/**
 * The statistical second opinion of issue 12: three logistic regressions over {@link RiskFeatures}
 * (hashed character n-grams, words and word pairs of the normalised message, the model's concepts,
 * and since round 13 the concepts of the rules' lexicon the assessor found) that estimate, for
 * one message, the chance it is risk at all ({@code ≥ concern}), risk that escalates
 * ({@code ≥ high}) and {@code imminent}. Each has a threshold chosen at training time from
 * held-out (cross-validated) scores so that only a small, fixed share of benign lines passes it
 * (see {@code RiskModelTrainer} in the test sources and docs/crisis.md, which also says how to
 * retrain). {@link #level}: nothing unless "risk at all" passes its (card) threshold; then
 * {@code imminent} when the imminent regression passes its threshold, else {@code high} when the
 * escalating one does, else {@code concern}. The imminent threshold is chosen for a budget of
 * false escalations (1 % of held-out benign lines) because the model's imminent may page on its
 * own (round 11, docs/crisis.md); its {@code high} never does. A message that tells of means given
 * up ("threw away the pills I was saving", {@link RiskFeatures.Sink#disposed}) gets at most a card
 * from it (round 12). A model sure there is no risk at all ({@code P(≥ concern)} below {@link #SURE_NONE})
 * turns the rules' {@code high} into a card (round 16).
 *
 * <p>Scoring is one pass over the features (linear in the message length) and a few multiplies;
 * immutable and thread-safe once built. It never keeps or logs text.
 */
final class RiskModel {
    static final String BUNDLED = "crisis/risk-model.bin";
    /**
     * {@code P(imminent)} from which the model's {@code imminent} pages on its own, without a concept
     * of the rules next to it (the imminent threshold's floor until round 12; below it, down to the
     * threshold, a page needs a time, means, a plan or a finality act the rules found:
     * {@link RiskOutcome#secondOpinion(RiskLevel, boolean, boolean, boolean, boolean)}).
     */
    static final double SURE_IMMINENT = 0.5;
    /**
     * {@code P(≥ concern)} below which the model is sure a message is no risk at all: a {@code high} of the
     * rules is then a card, not a page (round 16, {@link RiskOutcome#secondOpinion(RiskLevel, boolean, boolean,
     * boolean, boolean)}): odds of 7 to 3 against any risk (0.25 until round 20). Held out over all 44 training
     * sets, 15 benign lines the rules page scored under it and one line labelled {@code high} (0.18), the next
     * risk line the rules put at {@code high} at 0.32 (docs/crisis.md, "Twentieth round: the model").
     */
    static final double SURE_NONE = 0.30;
    /** The regressions: 0 = at least concern, 1 = at least high, 2 = imminent. */
    static final int OUTPUTS = 3;

    /** Weights, feature-major: {@code weights[index * OUTPUTS + k]}. */
    final float[] weights;
    final float[] bias;
    final float[] thresholds;
    /** Where the weights came from (training files and line count); no message text. */
    final String provenance;
    /** {@link #SURE_IMMINENT} for this model (other values only in measurements: {@link #withPolicy}). */
    final double sureImminent;
    /** {@link #SURE_NONE} for this model (other values only in measurements: {@link #withPolicy}). */
    final double sureNone;

    RiskModel(float[] weights, float[] bias, float[] thresholds, String provenance) {
        this(weights, bias, thresholds, provenance, SURE_IMMINENT, SURE_NONE);
    }

    private RiskModel(float[] weights, float[] bias, float[] thresholds, String provenance, double sureImminent,
            double sureNone) {
        if (weights.length != RiskFeatures.SIZE * OUTPUTS || bias.length != OUTPUTS || thresholds.length != OUTPUTS) {
            throw new IllegalArgumentException("model shape (expected: " + RiskFeatures.SIZE * OUTPUTS + " weights, "
                    + OUTPUTS + " biases and thresholds)");
        }
        this.weights = weights;
        this.bias = bias;
        this.thresholds = thresholds;
        this.provenance = provenance;
        this.sureImminent = sureImminent;
        this.sureNone = sureNone;
    }

    /**
     * The same weights with other thresholds and other {@link #SURE_IMMINENT} and {@link #SURE_NONE}: for
     * measuring how the model's opinion combines with the rules' (the test sources' held-out report forces
     * each opinion in turn); the server uses the bundled model as read.
     *
     * @param thresholds the three thresholds (card, {@code high}, {@code imminent})
     * @param sureImminent {@code P(imminent)} from which the model's {@code imminent} pages alone
     * @param sureNone {@code P(≥ concern)} under which the rules' {@code high} is a card
     * @return a model sharing this one's weights (not copied)
     */
    RiskModel withPolicy(float[] thresholds, double sureImminent, double sureNone) {
        return new RiskModel(weights, bias, thresholds.clone(), provenance, sureImminent, sureNone);
    }

    /**
     * The three probabilities for a normalised text.
     *
     * @param normalized the shared normaliser's output
     * @param out receives {@code P(≥ concern)}, {@code P(≥ high)}, {@code P(imminent)}, each in [0, 1]
     */
    void probabilities(CharSequence normalized, double[] out) {
        probabilities(normalized, 0, 0, 0, 0, out);
    }

    /**
     * {@link #probabilities(CharSequence, double[])} with the concepts of the rules' lexicon found in the
     * message as bits, concepts 0–63, 64–127 and 128–191
     * ({@link RiskFeatures#extract(CharSequence, long, long, long, long, RiskFeatures.Sink)}).
     */
    void probabilities(CharSequence normalized, long lexicon0, long lexicon1, long lexicon2, long lexicon3,
            double[] out) {
        Sum sum = SCRATCH.get();
        sum.w = weights;
        sum.s0 = 0;
        sum.s1 = 0;
        sum.s2 = 0;
        sum.disposed = false;
        int m = RiskFeatures.extract(normalized, lexicon0, lexicon1, lexicon2, lexicon3, sum);
        sum.w = null;
        double scale = m == 0 ? 0 : 1 / Math.sqrt(m);
        out[0] = sigmoid(bias[0] + sum.s0 * scale);
        out[1] = sigmoid(bias[1] + sum.s1 * scale);
        out[2] = sigmoid(bias[2] + sum.s2 * scale);
    }

    /**
     * Gives {@code outcome} this model's second opinion on a normalised text (its level, and
     * whether it leans to risk below its card threshold: {@link RiskOutcome#secondOpinion}).
     * Allocates nothing: the accumulator and the probabilities are the calling thread's.
     *
     * @param normalized the shared normaliser's output of the message the outcome is about
     * @param lexicon0 concepts 0–63 of the rules' lexicon found in it, as bits ({@link ComboReading#concepts0})
     * @param lexicon1 concepts 64–127
     * @param lexicon2 concepts 128–191
     * @param lexicon3 concepts 192–255
     */
    void secondOpinion(CharSequence normalized, long lexicon0, long lexicon1, long lexicon2, long lexicon3,
            RiskOutcome outcome) {
        Sum sum = SCRATCH.get();
        double[] p = sum.p;
        probabilities(normalized, lexicon0, lexicon1, lexicon2, lexicon3, p);
        outcome.secondOpinion(level(p), leansToRisk(p), sum.disposed, p[2] >= sureImminent, p[0] < sureNone);
    }

    /**
     * The model's level for a normalised text.
     *
     * @return {@code null} when {@code P(≥ concern)} is below its threshold; otherwise
     *     {@code imminent} when {@code P(imminent)} reaches its threshold, {@code high} when
     *     {@code P(≥ high)} does, else {@code concern}
     */
    RiskLevel level(CharSequence normalized) {
        double[] p = new double[OUTPUTS];
        probabilities(normalized, p);
        return level(p);
    }

    /** {@link #level(CharSequence)} for probabilities already computed. */
    RiskLevel level(double[] p) {
        if (p[0] < thresholds[0]) {
            return null;
        }
        return p[2] >= thresholds[2] ? RiskLevel.IMMINENT : p[1] >= thresholds[1] ? RiskLevel.HIGH : RiskLevel.CONCERN;
    }

    /**
     * Whether the model leans to risk at all ({@code P(≥ concern) ≥ 0.5}, below the card
     * threshold): enough for a card only together with a concept the rules found (a time, means,
     * a plan, a finality act) that is no signal on its own.
     */
    static boolean leansToRisk(double[] p) {
        return p[0] >= 0.5;
    }

    static double sigmoid(double z) {
        return 1 / (1 + StrictMath.exp(-z)); // StrictMath: the same bits on every machine, so retraining reproduces the shipped file
    }

    /** The weights shipped in the server's resources. */
    static RiskModel loadBundled() {
        InputStream in = RiskModel.class.getClassLoader().getResourceAsStream(BUNDLED);
        if (in == null) {
            throw new IllegalStateException(BUNDLED + " missing from the class path (expected: a weights file made by RiskModelTrainer)");
        }
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(BUNDLED + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a weights file written by {@link #write} ({@link RiskModelFile}: gzip of magic, feature version,
     * provenance, biases, thresholds, then the non-zero rows' weights as 16-bit integers).
     *
     * @throws IOException on a truncated file, another magic or another feature version
     */
    static RiskModel read(InputStream raw) throws IOException {
        return RiskModelFile.read(raw);
    }

    /** Writes this model in the format {@link #read} takes, its weights rounded to 16 bits ({@link RiskModelFile}). */
    void write(OutputStream raw) throws IOException {
        RiskModelFile.write(this, raw);
    }

    /** Each thread's accumulator and probabilities: scoring a message allocates nothing. */
    private static final ThreadLocal<Sum> SCRATCH = ThreadLocal.withInitial(Sum::new);

    /** Adds up the weights of every feature occurrence (one per thread, reused). */
    private static final class Sum implements RiskFeatures.Sink {
        /** The weights of the model scoring now; null between messages. */
        float[] w;
        double s0;
        double s1;
        double s2;
        /** The message tells of means given up ({@link RiskFeatures.Sink#disposed}). */
        boolean disposed;
        final double[] p = new double[OUTPUTS];

        @Override
        public void disposed() {
            disposed = true;
        }

        @Override
        public void accept(int index) {
            int base = index * OUTPUTS;
            s0 += w[base];
            s1 += w[base + 1];
            s2 += w[base + 2];
        }

        @Override
        public void accept(int index, int times) {
            int base = index * OUTPUTS;
            s0 += times * w[base];
            s1 += times * w[base + 1];
            s2 += times * w[base + 2];
        }
    }
}
