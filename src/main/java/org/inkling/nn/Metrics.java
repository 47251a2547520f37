package org.inkling.nn;

import org.ejml.data.FMatrixRMaj;

/** Small helpers for reading network outputs. */
public final class Metrics {
    private Metrics() {}

    /** Index of the largest value in row {@code r} (first one on ties). */
    public static int argmax(FMatrixRMaj m, int r) {
        int cols = m.numCols, o = r * cols, best = 0;
        for (int c = 1; c < cols; c++) {
            if (m.data[o + c] > m.data[o + best]) best = c;
        }
        return best;
    }

    /** Index of the largest value (first one on ties). */
    public static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) best = i;
        }
        return best;
    }

    /** How many of the first {@code output.numRows} rows predict their label. */
    public static int correct(FMatrixRMaj output, int[] labels) {
        int n = 0;
        for (int r = 0; r < output.numRows; r++) {
            if (argmax(output, r) == labels[r]) n++;
        }
        return n;
    }

    /** Fraction of rows whose argmax is their label. */
    public static double accuracy(FMatrixRMaj output, int[] labels) {
        return output.numRows == 0 ? Double.NaN : correct(output, labels) / (double) output.numRows;
    }
}
