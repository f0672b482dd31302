package org.kindred.server.crisis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The weights file's format of round 22 ({@link RiskModelFile}): its size, its rounding and its refusals. */
class RiskModelFileTest {
    /** The shipped weights file stays under 2 MiB (2.2 MB in the float format of round 21). */
    @Test
    void bundledWeightsFileIsUnderTwoMebibytes() throws IOException {
        long bytes;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RiskModel.BUNDLED)) {
            assertTrue(in != null, RiskModel.BUNDLED);
            bytes = in.readAllBytes().length;
        }
        assertTrue(bytes < 2L * 1024 * 1024, RiskModel.BUNDLED + " has " + bytes + " bytes (expected: under 2 MiB)");
    }

    /** A file of the float format before round 22 is refused with what to do, not read as garbage. */
    @Test
    void theOldFloatFormatIsRefusedWithItsReason() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(RiskModelFile.OLD_MAGIC);
            out.writeInt(RiskFeatures.VERSION);
            out.writeUTF("trained on old.tsv (1 lines)");
        }
        IOException e = assertThrows(IOException.class, () -> RiskModel.read(new ByteArrayInputStream(bytes.toByteArray())));
        assertTrue(e.getMessage().contains("(expected: magic KRM2; retrain)"), e.getMessage());
    }

    /**
     * Weights of any magnitude come back within half a step of their output's scale (the largest uses the 16-bit
     * range), zero stays zero, and rounding rounded weights changes nothing.
     */
    @Test
    void weightsRoundToSixteenBitsPerOutputAndRoundTrip() throws IOException {
        float[] w = new float[RiskFeatures.SIZE * RiskModel.OUTPUTS];
        for (int i = 0; i < 3000; i++) {
            int row = (i * 7919) % RiskFeatures.SIZE;
            w[row * 3] = (float) Math.sin(i) * 2.4f;
            w[row * 3 + 1] = (float) Math.cos(i) * 0.003f;
            w[row * 3 + 2] = i % 5 == 0 ? 37.5f * (float) Math.sin(i * 0.5) : 0;
        }
        RiskModel m = new RiskModel(w, new float[] {0.1f, -0.5f, -2f}, new float[] {0.7f, 0.68f, 0.22f}, "trained on x.tsv");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        RiskModel back = RiskModel.read(new ByteArrayInputStream(out.toByteArray()));
        float[] q = RiskModelFile.quantize(w);
        assertArrayEquals(q, back.weights);
        assertArrayEquals(q, RiskModelFile.quantize(q), "rounding is idempotent");
        assertArrayEquals(m.bias, back.bias);
        assertArrayEquals(m.thresholds, back.thresholds);
        assertEquals(m.provenance, back.provenance);
        double[] max = {2.4, 0.003, 37.5};
        for (int i = 0; i < w.length; i++) {
            double step = max[i % 3] / 16384;
            assertTrue(Math.abs(q[i] - w[i]) <= step / 2, i + ": " + w[i] + " -> " + q[i]);
            assertTrue(w[i] != 0 || q[i] == 0, i + ": zero stays zero");
        }
        assertTrue(out.size() < 3000 * 3 * 4, out.size() + " bytes");
    }

    /** The exponent keeps the largest weight within 16 bits, using at least half the range. */
    @Test
    void exponentUsesTheSixteenBitRange() {
        for (double max : new double[] {2.4, 1, 0.5, 32767.4, 32767.6, 1e-6, 4.0}) {
            int e = RiskModelFile.exponent(max);
            long top = Math.round(Math.scalb(max, e));
            assertTrue(top <= Short.MAX_VALUE && top >= 16384, max + ": " + e + " -> " + top);
        }
    }
}
