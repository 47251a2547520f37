package org.inkling.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * Honest probabilities: fits the temperature of {@link VerdictRule} on held-out examples and measures
 * how far stated confidence is from the accuracy it comes with (expected calibration error).
 *
 * <p>Temperature scaling (Guo et al., 2017) divides the logits by one number {@code T} fitted to
 * minimise the negative log-likelihood of held-out labels; it changes no argmax, only how sure the
 * answer says it is. Here the NLL is minimised over {@code log T} by golden-section search (it is
 * unimodal there).
 */
public final class Calibration {
    private Calibration() {}

    /** The network's probabilities for every example, one row each. */
    public static float[][] predictAll(Sequential model, Examples data) {
        int n = data.size(), in = data.inputSize(), batch = 256;
        float[][] out = new float[n][];
        FMatrixRMaj x = new FMatrixRMaj(1, 1);
        Sequential.Workspace ws = model.workspace();
        for (int start = 0; start < n; start += batch) {
            int rows = Math.min(batch, n - start);
            x.reshape(rows, in);
            for (int r = 0; r < rows; r++) data.copyInput(start + r, x.data, r * in);
            FMatrixRMaj y = model.infer(x, ws);
            for (int r = 0; r < rows; r++) {
                out[start + r] = java.util.Arrays.copyOfRange(y.data, r * y.numCols, (r + 1) * y.numCols);
            }
        }
        return out;
    }

    /** Mean negative log-likelihood of the labels under probabilities scaled by temperature {@code t}. */
    public static double nll(float[][] probabilities, int[] labels, double t) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            float[] q = VerdictRule.scale(probabilities[i], t);
            sum -= Math.log(Math.max(q[labels[i]], 1e-12));
        }
        return sum / labels.length;
    }

    /** The temperature in [0.25, 8] that minimises the held-out NLL. */
    public static double fitTemperature(float[][] probabilities, int[] labels) {
        if (probabilities.length != labels.length || labels.length == 0) {
            throw new IllegalArgumentException("need as many labels as predictions, and at least one: "
                    + probabilities.length + " vs " + labels.length);
        }
        double lo = Math.log(0.25), hi = Math.log(8), g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo), b = lo + g * (hi - lo);
        double fa = nll(probabilities, labels, Math.exp(a)), fb = nll(probabilities, labels, Math.exp(b));
        for (int i = 0; i < 40; i++) {
            if (fa < fb) {
                hi = b; b = a; fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(probabilities, labels, Math.exp(a));
            } else {
                lo = a; a = b; fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(probabilities, labels, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    /**
     * Confidence against accuracy in equal-width bins of the top probability.
     *
     * @param count examples per bin
     * @param confidence mean top probability per bin (NaN for an empty bin)
     * @param accuracy share right per bin (NaN for an empty bin)
     * @param ece expected calibration error: the count-weighted mean of |accuracy - confidence|
     */
    public record Reliability(int[] count, double[] confidence, double[] accuracy, double ece) {
        public int bins() {
            return count.length;
        }
    }

    /** Reliability of the top class of each row (after temperature {@code t}) against the labels. */
    public static Reliability reliability(float[][] probabilities, int[] labels, double t, int bins) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        int[] count = new int[bins];
        double[] conf = new double[bins], right = new double[bins];
        for (int i = 0; i < labels.length; i++) {
            float[] q = VerdictRule.scale(probabilities[i], t);
            int top = Metrics.argmax(q);
            int bin = Math.min(bins - 1, (int) (q[top] * bins));
            count[bin]++;
            conf[bin] += q[top];
            if (top == labels[i]) right[bin]++;
        }
        double ece = 0;
        double[] accuracy = new double[bins];
        for (int b = 0; b < bins; b++) {
            if (count[b] == 0) {
                conf[b] = Double.NaN;
                accuracy[b] = Double.NaN;
                continue;
            }
            conf[b] /= count[b];
            accuracy[b] = right[b] / count[b];
            ece += count[b] * Math.abs(accuracy[b] - conf[b]);
        }
        return new Reliability(count, conf, accuracy, labels.length == 0 ? Double.NaN : ece / labels.length);
    }
}
