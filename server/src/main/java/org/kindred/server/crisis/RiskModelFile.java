package org.kindred.server.crisis;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The weights file of {@link RiskModel} (round 22, magic {@code KRM2}): gzip of the magic, the feature version
 * ({@link RiskFeatures#VERSION}), the provenance, the three biases and thresholds as floats, then the weights as
 * 16-bit integers with one power-of-two scale per output: a weight is {@code q · 2^-e} for its output's exponent
 * {@code e}, chosen so that the output's largest weight uses the whole 16-bit range (an absolute error of at
 * most half a step, 6·10⁻⁵ for weights up to 2.4). Which of the {@link RiskFeatures#SIZE} feature rows are not
 * all zero is a bitmap; only those rows' weights follow, as two byte planes (the high bytes of every weight,
 * then the low bytes), which gzip packs better than interleaved bytes.
 *
 * <p>Until round 21 ({@code KRM1}) every non-zero row was an int index and three 32-bit floats: 2.2 MB, most of
 * it float mantissa bits no decision depends on. The trainer rounds its weights with {@link #quantize} before
 * it builds the model, so the model in memory, the file and a retrain agree bit for bit; a power-of-two scale
 * makes the rounding exact and idempotent (rounding rounded weights changes nothing).
 */
final class RiskModelFile {
    /** "KRM2": 16-bit weights, a bitmap of rows and byte planes (round 22). */
    static final int MAGIC = 0x4b52_4d32;
    /** "KRM1": the float format until round 21, refused with a clear message. */
    static final int OLD_MAGIC = 0x4b52_4d31;
    private static final int OUTPUTS = RiskModel.OUTPUTS;
    private static final int SIZE = RiskFeatures.SIZE;
    private static final int MAX_Q = Short.MAX_VALUE;

    private RiskModelFile() {
    }

    /**
     * The exponent {@code e} for weights whose largest magnitude is {@code max}: the largest with
     * {@code round(max · 2^e) ≤ 32767}.
     *
     * @param max the largest absolute weight of one output (0 for none)
     * @return the exponent, in [-100, 100]
     */
    static int exponent(double max) {
        if (!(max > 0) || Double.isInfinite(max)) {
            return 100;
        }
        int e = Math.max(-100, Math.min(100, 14 - Math.getExponent(max)));
        while (e > -100 && Math.round(Math.scalb(max, e)) > MAX_Q) {
            e--;
        }
        return e;
    }

    /**
     * The weights as the file holds them: each rounded to the nearest multiple of its output's step.
     *
     * @param weights feature-major weights ({@code weights[index * OUTPUTS + k]}), not changed
     * @return a new array of the same length, each weight {@code q · 2^-e} with {@code |q| ≤ 32767}
     */
    static float[] quantize(float[] weights) {
        int[] e = exponents(weights);
        float[] out = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            int k = i % OUTPUTS;
            out[i] = (float) Math.scalb((double) Math.round(Math.scalb((double) weights[i], e[k])), -e[k]);
        }
        return out;
    }

    private static int[] exponents(float[] weights) {
        double[] max = new double[OUTPUTS];
        for (int i = 0; i < weights.length; i++) {
            max[i % OUTPUTS] = Math.max(max[i % OUTPUTS], Math.abs(weights[i]));
        }
        int[] e = new int[OUTPUTS];
        for (int k = 0; k < OUTPUTS; k++) {
            e[k] = exponent(max[k]);
        }
        return e;
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @param raw the gzip stream (not closed)
     * @return the model, its weights as {@link #quantize} gives them
     * @throws IOException on a truncated file, another magic (the old float format among them) or another feature
     *     version
     */
    static RiskModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw), 1 << 16));
        int magic = in.readInt();
        if (magic == OLD_MAGIC) {
            throw new IOException("risk model in the float format of round 21, KRM1 (expected: magic KRM2; retrain)");
        }
        if (magic != MAGIC) {
            throw new IOException("not a risk model (expected: magic KRM2)");
        }
        int version = in.readInt();
        if (version != RiskFeatures.VERSION) {
            throw new IOException("feature version " + version + " (expected: " + RiskFeatures.VERSION + "; retrain)");
        }
        String provenance = in.readUTF();
        float[] bias = new float[OUTPUTS];
        float[] thresholds = new float[OUTPUTS];
        for (int k = 0; k < OUTPUTS; k++) {
            bias[k] = in.readFloat();
        }
        for (int k = 0; k < OUTPUTS; k++) {
            thresholds[k] = in.readFloat();
        }
        int[] e = new int[OUTPUTS];
        for (int k = 0; k < OUTPUTS; k++) {
            e[k] = in.readByte();
            if (e[k] < -100 || e[k] > 100) {
                throw new IOException("scale exponent " + e[k] + " (expected: -100 to 100)");
            }
        }
        int rows = in.readInt();
        if (rows < 0 || rows > SIZE) {
            throw new IOException(rows + " rows (expected: 0 to " + SIZE + ")");
        }
        byte[] bitmap = new byte[SIZE / 8];
        in.readFully(bitmap);
        int[] index = new int[rows];
        int r = 0;
        for (int i = 0; i < SIZE; i++) {
            if ((bitmap[i >>> 3] >>> (i & 7) & 1) != 0) {
                if (r == rows) {
                    throw new IOException("more rows in the bitmap (expected: " + rows + ")");
                }
                index[r++] = i;
            }
        }
        if (r != rows) {
            throw new IOException(r + " rows in the bitmap (expected: " + rows + ")");
        }
        byte[] high = new byte[rows * OUTPUTS];
        byte[] low = new byte[rows * OUTPUTS];
        in.readFully(high);
        in.readFully(low);
        if (in.read() >= 0) {
            throw new IOException("bytes after the weights (expected: the end of the file)");
        }
        float[] weights = new float[SIZE * OUTPUTS];
        for (int k = 0; k < OUTPUTS; k++) {
            for (r = 0; r < rows; r++) {
                int at = k * rows + r;
                int q = (short) (high[at] << 8 | low[at] & 0xff);
                weights[index[r] * OUTPUTS + k] = (float) Math.scalb((double) q, -e[k]);
            }
        }
        return new RiskModel(weights, bias, thresholds, provenance);
    }

    /**
     * Writes {@code model} in the format {@link #read} takes, its weights rounded as {@link #quantize} rounds them
     * (exact for a model the trainer made).
     *
     * @param model the model to write
     * @param raw receives the gzip stream (finished, not closed)
     */
    static void write(RiskModel model, OutputStream raw) throws IOException {
        float[] w = model.weights;
        int[] e = exponents(w);
        GZIPOutputStream gz = new GZIPOutputStream(raw);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(RiskFeatures.VERSION);
        out.writeUTF(model.provenance);
        for (int k = 0; k < OUTPUTS; k++) {
            out.writeFloat(model.bias[k]);
        }
        for (int k = 0; k < OUTPUTS; k++) {
            out.writeFloat(model.thresholds[k]);
        }
        for (int k = 0; k < OUTPUTS; k++) {
            out.writeByte(e[k]);
        }
        short[] q = new short[w.length];
        byte[] bitmap = new byte[SIZE / 8];
        int rows = 0;
        for (int i = 0; i < SIZE; i++) {
            boolean nonZero = false;
            for (int k = 0; k < OUTPUTS; k++) {
                q[i * OUTPUTS + k] = (short) Math.round(Math.scalb((double) w[i * OUTPUTS + k], e[k]));
                nonZero |= q[i * OUTPUTS + k] != 0;
            }
            if (nonZero) {
                bitmap[i >>> 3] |= (byte) (1 << (i & 7));
                rows++;
            }
        }
        out.writeInt(rows);
        out.write(bitmap);
        for (int plane = 8; plane >= 0; plane -= 8) {
            for (int k = 0; k < OUTPUTS; k++) {
                for (int i = 0; i < SIZE; i++) {
                    if ((bitmap[i >>> 3] >>> (i & 7) & 1) != 0) {
                        out.writeByte(q[i * OUTPUTS + k] >> plane);
                    }
                }
            }
        }
        out.flush();
        gz.finish();
    }
}
