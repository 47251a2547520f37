package org.inkling.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.ejml.data.FMatrixRMaj;
import org.inkling.nn.kernel.Parallel;

/**
 * The fused element-wise passes of a layer: bias + activation on the way forward, the activation's
 * derivative (from its output) on the way back, and the bias gradient. Rows are examples (or
 * example×position for convolutions), columns are units/channels; the bias runs along columns.
 */
final class ActivationOps {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private ActivationOps() {}

    /** Below this many elements a pass stays on the calling thread. */
    private static final int PARALLEL_ELEMENTS = 1 << 15;
    private static final ThreadLocal<Passes> PASSES = ThreadLocal.withInitial(Passes::new);

    /** z[r][c] = act(z[r][c] + bias[c]) in one pass over the first {@code z.numRows} rows. */
    static void biasActivate(FMatrixRMaj z, float[] bias, Activation act) {
        biasActivateRows(z.data, z.numCols, bias, act, 0, z.numRows);
    }

    /**
     * As {@link #biasActivate(FMatrixRMaj, float[], Activation)}; when {@code parallel}, big passes
     * (a convolution's every pixel) run over ranges of rows on the engine's threads, each element
     * written by one thread: the same bits.
     */
    static void biasActivate(FMatrixRMaj z, float[] bias, Activation act, boolean parallel) {
        int rows = z.numRows, cols = z.numCols;
        if (!parallel || (long) rows * cols < PARALLEL_ELEMENTS) {
            biasActivateRows(z.data, cols, bias, act, 0, rows);
            return;
        }
        Passes p = PASSES.get();
        p.set(z.data, null, null, cols, bias, act);
        try {
            Parallel.forRange(rows, Math.max(2, 2 * PARALLEL_ELEMENTS / cols), 1, p.activateRows);
        } finally {
            p.clear();
        }
    }

    private static void biasActivateRows(float[] d, int cols, float[] bias, Activation act, int from, int to) {
        for (int r = from; r < to; r++) {
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

    /**
     * {@link #backward} and then {@link #columnSums} of its result, in one pass over the rows (a
     * convolution's every pixel, read once instead of twice), for the activations a hidden layer
     * takes (not softmax). The same bits as the two calls: each column's sum still runs over the
     * rows in order. Big passes are split by ranges of columns (whole vectors) over the engine's
     * threads, so each column's sum stays on one thread.
     */
    static void backwardAndColumnSums(FMatrixRMaj a, FMatrixRMaj da, FMatrixRMaj dz, Activation act, float[] bias) {
        if (act == Activation.SOFTMAX) {
            throw new IllegalArgumentException("softmax has no element-wise derivative");
        }
        int rows = a.numRows, cols = a.numCols, units = Math.max(1, cols / S.length());
        Passes p = PASSES.get();
        p.set(a.data, da.data, dz.data, cols, bias, act);
        p.rows = rows;
        p.units = units;
        try {
            if ((long) rows * cols < PARALLEL_ELEMENTS) {
                p.backColumns.run(0, units);
            } else {
                Parallel.forRange(units, 2, 1, p.backColumns);
            }
        } finally {
            p.clear();
        }
    }

    /** Columns [c0, c1) of {@link #backwardAndColumnSums}. */
    private static void backwardColumns(float[] ad, float[] g, float[] out, int rows, int cols, int c0, int c1, Activation act, float[] bias) {
        java.util.Arrays.fill(bias, c0, c1, 0f);
        int upper = c0 + (c1 - c0) / S.length() * S.length();
        for (int r = 0; r < rows; r++) {
            int o = r * cols, c = c0;
            if (act == Activation.RELU) {
                for (; c < upper; c += S.length()) {
                    FloatVector av = FloatVector.fromArray(S, ad, o + c);
                    FloatVector dv = FloatVector.fromArray(S, g, o + c).blend(0f, av.compare(VectorOperators.LE, 0f));
                    dv.intoArray(out, o + c);
                    FloatVector.fromArray(S, bias, c).add(dv).intoArray(bias, c);
                }
            }
            for (; c < c1; c++) {
                int i = o + c;
                float v = switch (act) {
                    case RELU -> ad[i] > 0f ? g[i] : 0f;
                    case LINEAR -> g[i];
                    case SIGMOID -> g[i] * ad[i] * (1f - ad[i]);
                    case TANH -> g[i] * (1f - ad[i] * ad[i]);
                    case SOFTMAX -> throw new IllegalStateException();
                };
                out[i] = v;
                bias[c] += v;
            }
        }
    }

    /** The operands of one parallel pass, and its kept range bodies (so that a pass allocates nothing). */
    private static final class Passes {
        float[] a, g, out, bias;
        int cols, rows, units;
        Activation act;
        final Parallel.Range activateRows = (from, to) -> biasActivateRows(a, cols, bias, act, from, to);
        final Parallel.Range backColumns = (from, to) -> backwardColumns(a, g, out, rows, cols,
                from * S.length(), to == units ? cols : to * S.length(), act, bias);
        final Parallel.Range sumColumns = (from, to) -> sumColumns(a, rows, cols,
                from * S.length(), to == units ? cols : to * S.length(), bias);

        void set(float[] a, float[] g, float[] out, int cols, float[] bias, Activation act) {
            this.a = a;
            this.g = g;
            this.out = out;
            this.cols = cols;
            this.bias = bias;
            this.act = act;
        }

        void clear() {
            set(null, null, null, 0, null, null);
        }
    }

    /**
     * As {@link #columnSums(FMatrixRMaj, float[])}; when {@code parallel}, a big pass is split by
     * ranges of columns over the engine's threads, each column's sum kept on one thread in row
     * order: the same bits.
     */
    static void columnSums(FMatrixRMaj dz, float[] bias, boolean parallel) {
        int rows = dz.numRows, cols = dz.numCols, units = Math.max(1, cols / S.length());
        if (!parallel || (long) rows * cols < PARALLEL_ELEMENTS) {
            columnSums(dz, bias);
            return;
        }
        Passes p = PASSES.get();
        p.set(dz.data, null, null, cols, bias, null);
        p.rows = rows;
        p.units = units;
        try {
            Parallel.forRange(units, 2, 1, p.sumColumns);
        } finally {
            p.clear();
        }
    }

    /** Columns [c0, c1) of {@link #columnSums}. */
    private static void sumColumns(float[] d, int rows, int cols, int c0, int c1, float[] bias) {
        java.util.Arrays.fill(bias, c0, c1, 0f);
        int upper = c0 + (c1 - c0) / S.length() * S.length();
        for (int r = 0; r < rows; r++) {
            int o = r * cols, c = c0;
            for (; c < upper; c += S.length()) {
                FloatVector.fromArray(S, bias, c).add(FloatVector.fromArray(S, d, o + c)).intoArray(bias, c);
            }
            for (; c < c1; c++) bias[c] += d[o + c];
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
