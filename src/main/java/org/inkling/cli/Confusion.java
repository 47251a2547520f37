package org.inkling.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of true label against prediction, for inputs that carry labels. */
final class Confusion {
    private final int[][] counts;
    private int total;
    private int correct;

    Confusion(int classes) {
        counts = new int[classes][classes];
    }

    void add(int label, int predicted) {
        counts[label][predicted]++;
        total++;
        if (label == predicted) correct++;
    }

    int total() {
        return total;
    }

    double accuracy() {
        return total == 0 ? Double.NaN : correct / (double) total;
    }

    double[] perClassAccuracy() {
        double[] a = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            int n = 0;
            for (int v : counts[c]) n += v;
            a[c] = n == 0 ? Double.NaN : counts[c][c] / (double) n;
        }
        return a;
    }

    int[][] matrix() {
        return counts;
    }

    Map<String, Object> toSummary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("accuracy", accuracy());
        s.put("count", total);
        s.put("per_class_accuracy", perClassAccuracy());
        s.put("confusion_matrix", counts);
        return s;
    }
}
