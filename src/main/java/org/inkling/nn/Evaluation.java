package org.inkling.nn;

/**
 * Loss, accuracy and the confusion matrix of a model on some examples.
 *
 * @param confusion {@code confusion[actual][predicted]} counts
 */
public record Evaluation(double loss, double accuracy, int[][] confusion) {
    /** Number of examples evaluated. */
    public int count() {
        int n = 0;
        for (int[] row : confusion) for (int v : row) n += v;
        return n;
    }

    /** Accuracy on the examples of each class; NaN for a class with no examples. */
    public double[] perClassAccuracy() {
        double[] acc = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            int total = 0;
            for (int v : confusion[c]) total += v;
            acc[c] = total == 0 ? Double.NaN : confusion[c][c] / (double) total;
        }
        return acc;
    }
}
