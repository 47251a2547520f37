package org.inkling.nn;

/**
 * A model and its {@link VerdictRule} measured on labelled digits: accuracy over all (the likeliest
 * digit, as if nothing could be refused), how many the rule accepts and the accuracy over those, and
 * the calibration error before and after the rule's temperature. The command line's {@code evaluate}
 * and the training job report these same numbers.
 *
 * @param loss mean cross-entropy of the raw outputs (probabilities clipped at 1e-7, as Keras does)
 * @param confusion [true digit][likeliest digit]
 */
public record VerdictEvaluation(int count, double accuracy, double loss, int[][] confusion, int accepted, int unsure,
                                int notDigit, double acceptedAccuracy, Calibration.Reliability before,
                                Calibration.Reliability after) {
    /** Bins of the reliability diagrams and of the calibration error. */
    public static final int BINS = 15;

    public static VerdictEvaluation of(Sequential network, VerdictRule rule, Examples data) {
        int digits = org.inkling.base.DigitGeometry.DIGITS;
        float[][] p = Calibration.predictAll(network, data);
        int n = data.size();
        int[] labels = new int[n];
        int[][] confusion = new int[digits][digits];
        float[] image = new float[data.inputSize()];
        int right = 0, accepted = 0, acceptedRight = 0, unsure = 0, notDigit = 0;
        double nll = 0;
        for (int i = 0; i < n; i++) {
            labels[i] = Losses.checkLabel(data.label(i), digits, i);
            data.copyInput(i, image, 0);
            Verdict v = rule.judge(image, p[i]);
            int top = Metrics.argmax(v.digitProbabilities());
            confusion[labels[i]][top]++;
            if (top == labels[i]) right++;
            switch (v.kind()) {
                case DIGIT -> {
                    accepted++;
                    if (v.digit() == labels[i]) acceptedRight++;
                }
                case UNSURE -> unsure++;
                case NOT_A_DIGIT -> notDigit++;
            }
            nll -= Math.log(Math.max(p[i][labels[i]], 1e-7f));
        }
        return new VerdictEvaluation(n, n == 0 ? Double.NaN : right / (double) n, n == 0 ? Double.NaN : nll / n, confusion,
                accepted, unsure, notDigit, accepted == 0 ? Double.NaN : acceptedRight / (double) accepted,
                Calibration.reliability(p, labels, 1.0, BINS), Calibration.reliability(p, labels, rule.temperature(), BINS));
    }

    /** Share of the examples answered with a digit. */
    public double acceptedShare() {
        return count == 0 ? Double.NaN : accepted / (double) count;
    }

    public double[] perClassAccuracy() {
        double[] a = new double[confusion.length];
        for (int c = 0; c < confusion.length; c++) {
            int total = 0;
            for (int v : confusion[c]) total += v;
            a[c] = total == 0 ? Double.NaN : confusion[c][c] / (double) total;
        }
        return a;
    }
}
