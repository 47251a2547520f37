package org.inkling.nn;

import org.ejml.data.FMatrixRMaj;

/** The two losses Inkling trains with. */
public final class Losses {
    private Losses() {}

    /**
     * Keras {@code sparse_categorical_crossentropy} on probabilities: {@code -mean(log(clip(p[y], eps, 1-eps)))}
     * with {@code eps = 1e-7}. Through a softmax its gradient w.r.t. the logits is
     * {@code (p - onehot(y)) / batch}, which never divides by a small probability.
     */
    public static final Loss SPARSE_CATEGORICAL_CROSSENTROPY = new SparseCategoricalCrossentropy();

    /** Keras {@code mean_squared_error} against one-hot targets: mean over classes, then over the batch. */
    public static final Loss MEAN_SQUARED_ERROR = new MeanSquaredError();

    /** Parses the Keras names (also "crossentropy"/"cce" and "mse"). */
    public static Loss parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (n) {
            case "sparse_categorical_crossentropy", "crossentropy", "cce" -> SPARSE_CATEGORICAL_CROSSENTROPY;
            case "mean_squared_error", "mse" -> MEAN_SQUARED_ERROR;
            default -> throw new IllegalArgumentException(
                    "unknown loss '" + name + "' (expected sparse_categorical_crossentropy or mean_squared_error)");
        };
    }

    static int checkLabel(int label, int classes, int row) {
        if (label < 0 || label >= classes) {
            throw new IllegalArgumentException("label " + label + " of row " + row + " is outside 0.." + (classes - 1));
        }
        return label;
    }

    private static final class SparseCategoricalCrossentropy implements Loss {
        private static final double EPS = 1e-7;

        @Override
        public double loss(FMatrixRMaj output, int[] labels) {
            int rows = output.numRows, cols = output.numCols;
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int y = checkLabel(labels[r], cols, r);
                double p = Math.min(Math.max(output.data[r * cols + y], EPS), 1 - EPS);
                sum -= Math.log(p);
            }
            return sum / rows;
        }

        @Override
        public double lossAndGradient(FMatrixRMaj output, int[] labels, FMatrixRMaj grad, boolean wrtLogits) {
            int rows = output.numRows, cols = output.numCols;
            float[] p = output.data, g = grad.data;
            float inv = 1f / rows;
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int o = r * cols, y = checkLabel(labels[r], cols, r);
                double py = p[o + y];
                sum -= Math.log(Math.min(Math.max(py, EPS), 1 - EPS));
                if (wrtLogits) {
                    for (int c = 0; c < cols; c++) g[o + c] = p[o + c] * inv;
                    g[o + y] -= inv;
                } else {
                    for (int c = 0; c < cols; c++) g[o + c] = 0f;
                    // d/dp of -log(clip(p)) is zero where the clip is active, as in Keras.
                    g[o + y] = (py > EPS && py < 1 - EPS) ? (float) (-1.0 / (py * rows)) : 0f;
                }
            }
            return sum / rows;
        }

        @Override
        public boolean fusesWithSoftmax() {
            return true;
        }

        @Override
        public String kerasName() {
            return "sparse_categorical_crossentropy";
        }
    }

    private static final class MeanSquaredError implements Loss {
        @Override
        public double loss(FMatrixRMaj output, int[] labels) {
            int rows = output.numRows, cols = output.numCols;
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int y = checkLabel(labels[r], cols, r);
                for (int c = 0; c < cols; c++) {
                    double d = output.data[r * cols + c] - (c == y ? 1.0 : 0.0);
                    sum += d * d;
                }
            }
            return sum / ((double) rows * cols);
        }

        @Override
        public double lossAndGradient(FMatrixRMaj output, int[] labels, FMatrixRMaj grad, boolean wrtLogits) {
            if (wrtLogits) throw new IllegalArgumentException("mean_squared_error has no fused softmax gradient");
            int rows = output.numRows, cols = output.numCols;
            float scale = 2f / ((float) rows * cols);
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                int o = r * cols, y = checkLabel(labels[r], cols, r);
                for (int c = 0; c < cols; c++) {
                    float d = output.data[o + c] - (c == y ? 1f : 0f);
                    sum += (double) d * d;
                    grad.data[o + c] = scale * d;
                }
            }
            return sum / ((double) rows * cols);
        }

        @Override
        public boolean fusesWithSoftmax() {
            return false;
        }

        @Override
        public String kerasName() {
            return "mean_squared_error";
        }
    }
}
