package org.inkling.cli;

import java.util.Locale;

/** Plain-text tables for people: accuracy per class and the confusion matrix. */
final class Reports {
    private Reports() {}

    /** {@code loss} may be NaN when it does not apply (stroke files). */
    static String classification(double accuracy, double loss, double[] perClass, int[][] confusion) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Accuracy: %.4f", accuracy));
        if (!Double.isNaN(loss)) sb.append(String.format(Locale.ROOT, " - loss: %.4f", loss));
        sb.append("\n\nPer class:   ");
        for (int c = 0; c < perClass.length; c++) sb.append(String.format(Locale.ROOT, "%7d", c));
        sb.append("\n  accuracy   ");
        for (double a : perClass) sb.append(Double.isNaN(a) ? "      -" : String.format(Locale.ROOT, "%7.3f", a));
        sb.append("\n\nConfusion matrix (rows: true digit, columns: predicted)\n      ");
        for (int c = 0; c < confusion.length; c++) sb.append(String.format(Locale.ROOT, "%6d", c));
        sb.append('\n');
        for (int r = 0; r < confusion.length; r++) {
            sb.append(String.format(Locale.ROOT, "%6d", r));
            for (int v : confusion[r]) sb.append(String.format(Locale.ROOT, "%6d", v));
            sb.append('\n');
        }
        return sb.toString();
    }
}
