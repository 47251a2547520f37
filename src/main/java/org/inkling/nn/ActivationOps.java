package org.inkling.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;

/**
 * The fused element-wise passes of a layer: bias + activation on the way forward, the activation's
 * derivative (from its output) on the way back, and the bias gradient. Rows are examples (or
 * example×position for convolutions), columns are units/channels; the bias runs along columns.
 */
final class ActivationOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private ActivationOps() {}

    /** z[r][c] = act(z[r][c] + bias[c]) in one pass over the first {@code z.numRows} rows. */
    static void biasActivate(FMatrixRMaj z, float[] bias, Activation act) {
        final int rows = z.numRows, cols = z.numCols;
        final float[] d = z.data;
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            switch (act) {
                case RELU -> reluRow(d, o, bias, cols);
                case LINEAR -> addRow(d, o, bias, cols);
                case SIGMOID -> {
                    for (int c = 0; c < cols; c++) d[o + c] = (float) (1.0 / (1.0 + Math.exp(-(d[o + c] + bias[c]))));
                }
                case TANH -> {
                    for (int c = 0; c < cols; c++) d[o + c] = (float) Math.tanh(d[o + c] + bias[c]);
                }
                case SOFTMAX -> softmaxRow(d, o, bias, cols);
            }
        }
    }

    private static void reluRow(float[] d, int o, float[] bias, int cols) {
        int c = 0;
        for (int upper = S.loopBound(cols); c < upper; c += S.length()) {
            FloatVector v = FloatVector.fromArray(S, d, o + c).add(FloatVector.fromArray(S, bias, c));
            v.max(0f).intoArray(d, o + c);
        }
        for (; c < cols; c++) d[o + c] = Math.max(d[o + c] + bias[c], 0f);
    }

    private static void addRow(float[] d, int o, float[] bias, int cols) {
        int c = 0;
        for (int upper = S.loopBound(cols); c < upper; c += S.length()) {
            FloatVector.fromArray(S, d, o + c).add(FloatVector.fromArray(S, bias, c)).intoArray(d, o + c);
        }
        for (; c < cols; c++) d[o + c] += bias[c];
    }

    /** Shifts by the row maximum so exp never overflows; sums in double for a stable normaliser. */
    private static void softmaxRow(float[] d, int o, float[] bias, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            d[o + c] += bias[c];
            max = Math.max(max, d[o + c]);
        }
        double sum = 0;
        for (int c = 0; c < cols; c++) {
            double e = Math.exp(d[o + c] - max);
            d[o + c] = (float) e;
            sum += e;
        }
        float inv = (float) (1.0 / sum);
        for (int c = 0; c < cols; c++) d[o + c] *= inv;
    }

    /**
     * dZ = dA ⊙ act'(z), computed from the output a = act(z). For softmax the full Jacobian applies:
     * dZ_i = a_i (dA_i − Σ_j dA_j a_j). {@code dz} may be {@code da}.
     */
    static void backward(FMatrixRMaj a, FMatrixRMaj da, FMatrixRMaj dz, Activation act) {
        final int rows = a.numRows, cols = a.numCols, n = rows * cols;
        final float[] ad = a.data, g = da.data, out = dz.data;
        switch (act) {
            case LINEAR -> System.arraycopy(g, 0, out, 0, n);
            case RELU -> {
                int i = 0;
                for (int upper = S.loopBound(n); i < upper; i += S.length()) {
                    FloatVector av = FloatVector.fromArray(S, ad, i);
                    FloatVector gv = FloatVector.fromArray(S, g, i);
                    gv.blend(0f, av.compare(VectorOperators.LE, 0f)).intoArray(out, i);
                }
                for (; i < n; i++) out[i] = ad[i] > 0f ? g[i] : 0f;
            }
            case SIGMOID -> {
                for (int i = 0; i < n; i++) out[i] = g[i] * ad[i] * (1f - ad[i]);
            }
            case TANH -> {
                for (int i = 0; i < n; i++) out[i] = g[i] * (1f - ad[i] * ad[i]);
            }
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) {
                    int o = r * cols;
                    double dot = 0;
                    for (int c = 0; c < cols; c++) dot += (double) g[o + c] * ad[o + c];
                    float s = (float) dot;
                    for (int c = 0; c < cols; c++) out[o + c] = ad[o + c] * (g[o + c] - s);
                }
            }
        }
    }

    /** bias[c] = Σ_r dz[r][c]: the bias gradient. */
    static void columnSums(FMatrixRMaj dz, float[] bias) {
        final int rows = dz.numRows, cols = dz.numCols;
        final float[] d = dz.data;
        java.util.Arrays.fill(bias, 0, cols, 0f);
        for (int r = 0; r < rows; r++) {
            int o = r * cols, c = 0;
            for (int upper = S.loopBound(cols); c < upper; c += S.length()) {
                FloatVector.fromArray(S, bias, c).add(FloatVector.fromArray(S, d, o + c)).intoArray(bias, c);
            }
            for (; c < cols; c++) bias[c] += d[o + c];
        }
    }
}
