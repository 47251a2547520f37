package org.inkling.inspect;

import java.util.Arrays;
import java.util.function.BooleanSupplier;
import org.ejml.data.FMatrixRMaj;
import org.inkling.nn.Examples;
import org.inkling.nn.Sequential;

/**
 * A model's ten probabilities for every example of a labelled set, and what the views read from
 * them: the confusion matrix, accuracy, per-class accuracy and the examples of one cell, ordered.
 * 10,000 MNIST test images keep 400 KB of probabilities. For a model with an eleventh output, "not a
 * digit", the reading is the likeliest digit, as {@code inkling evaluate} and the recorded test
 * accuracy count it (a refusal is the verdict's business, not a misreading).
 */
public final class Predictions {
    private static final int CHUNK = 512;

    private final int classes;
    private final int[] labels;
    private final int[] predicted;
    private final float[] probabilities;

    private Predictions(int classes, int[] labels, int[] predicted, float[] probabilities) {
        this.classes = classes;
        this.labels = labels;
        this.predicted = predicted;
        this.probabilities = probabilities;
    }

    /** Predicts every example of {@code data} with {@code model}, in chunks. */
    public static Predictions of(Sequential model, Examples data) {
        return of(model, data, () -> false);
    }

    /**
     * As {@link #of(Sequential, Examples)}, checking {@code cancelled} between chunks; returns null
     * when it says so. Examples whose label is not one of the model's classes are refused.
     */
    public static Predictions of(Sequential model, Examples data, BooleanSupplier cancelled) {
        if (data.inputSize() != model.inputSize()) {
            throw new IllegalArgumentException("the examples have " + data.inputSize() + " values each, the model takes " + model.inputSize());
        }
        int n = data.size(), in = data.inputSize(), classes = model.outputSize();
        int digits = Math.min(classes, org.inkling.base.DigitGeometry.DIGITS);
        int[] labels = new int[n];
        int[] predicted = new int[n];
        float[] probs = new float[Math.multiplyExact(n, classes)];
        FMatrixRMaj batch = new FMatrixRMaj(1, in);
        for (int start = 0; start < n; start += CHUNK) {
            if (cancelled.getAsBoolean()) return null;
            int rows = Math.min(CHUNK, n - start);
            batch.reshape(rows, in);
            for (int r = 0; r < rows; r++) {
                int label = data.label(start + r);
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("example " + (start + r) + " has label " + label + ", the model knows 0.." + (classes - 1));
                }
                labels[start + r] = label;
                data.copyInput(start + r, batch.data, r * in);
            }
            FMatrixRMaj out = model.predict(batch);
            System.arraycopy(out.data, 0, probs, start * classes, rows * classes);
            for (int r = 0; r < rows; r++) {
                predicted[start + r] = Ranking.top(Arrays.copyOfRange(out.data, r * classes, r * classes + digits), -1);
            }
        }
        return new Predictions(classes, labels, predicted, probs);
    }

    public int size() {
        return labels.length;
    }

    public int classes() {
        return classes;
    }

    public int label(int i) {
        return labels[i];
    }

    public int predicted(int i) {
        return predicted[i];
    }

    public float probability(int i, int digit) {
        return probabilities[i * classes + digit];
    }

    /** A copy of example {@code i}'s probabilities. */
    public float[] probabilities(int i) {
        return Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes);
    }

    /** {@code [actual][predicted]} counts. */
    public int[][] confusion() {
        int[][] m = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) m[labels[i]][predicted[i]]++;
        return m;
    }

    /** The share read right; NaN for an empty set. */
    public double accuracy() {
        if (labels.length == 0) return Double.NaN;
        int right = 0;
        for (int i = 0; i < labels.length; i++) if (labels[i] == predicted[i]) right++;
        return right / (double) labels.length;
    }

    /** Per true digit, the share read right; NaN for a digit with no examples. */
    public double[] perClassAccuracy() {
        int[][] m = confusion();
        double[] a = new double[classes];
        for (int c = 0; c < classes; c++) {
            int n = Arrays.stream(m[c]).sum();
            a[c] = n == 0 ? Double.NaN : m[c][c] / (double) n;
        }
        return a;
    }

    /**
     * The examples of digit {@code actual} read as {@code predicted}. A wrong cell lists the most
     * confidently wrong first (the probability given to {@code predicted}, highest first): those say
     * most about what the network learned wrong. The diagonal lists the least sure first, the right
     * readings that came closest to being wrong. Ties keep the set's order.
     */
    public int[] examples(int actual, int predicted) {
        if (actual < 0 || actual >= classes || predicted < 0 || predicted >= classes) {
            throw new IllegalArgumentException("digits must be 0.." + (classes - 1) + ", got " + actual + " and " + predicted);
        }
        Integer[] idx = java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> labels[i] == actual && this.predicted[i] == predicted).boxed().toArray(Integer[]::new);
        java.util.Comparator<Integer> bySureness = java.util.Comparator.comparingDouble(i -> probability(i, predicted));
        Arrays.sort(idx, actual == predicted ? bySureness : bySureness.reversed());
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /** Every misread example, most confidently wrong first. */
    public int[] misread() {
        Integer[] idx = java.util.stream.IntStream.range(0, labels.length)
                .filter(i -> labels[i] != predicted[i]).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, java.util.Comparator.<Integer>comparingDouble(i -> probability(i, predicted[i])).reversed());
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }
}
