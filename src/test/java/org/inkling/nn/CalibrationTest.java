package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /**
     * Labels drawn from softmax(z) while the "network" says softmax(3z): an overconfident model whose
     * right temperature is 3.
     */
    @Test
    void itRecoversTheTemperatureOfAnOverconfidentModel() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 20000, k = 4;
        float[][] said = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            double[] z = new double[k];
            for (int c = 0; c < k; c++) z[c] = 1.5 * rng.nextGaussian();
            double[] truth = softmax(z, 1);
            double u = rng.nextDouble(), acc = 0;
            labels[i] = k - 1;
            for (int c = 0; c < k; c++) {
                acc += truth[c];
                if (u < acc) {
                    labels[i] = c;
                    break;
                }
            }
            double[] over = softmax(z, 3);
            said[i] = new float[k];
            for (int c = 0; c < k; c++) said[i][c] = (float) over[c];
        }
        double t = Calibration.fitTemperature(said, labels);
        assertThat(t).isCloseTo(3.0, within(0.15));
        double before = Calibration.reliability(said, labels, 1.0, 15).ece();
        double after = Calibration.reliability(said, labels, t, 15).ece();
        assertThat(before).isGreaterThan(0.1);
        assertThat(after).isLessThan(0.02);
        assertThat(Calibration.nll(said, labels, t)).isLessThan(Calibration.nll(said, labels, 1.0));
    }

    @Test
    void reliabilityBinsCountConfidenceAndAccuracy() {
        float[][] p = {{0.95f, 0.05f}, {0.95f, 0.05f}, {0.55f, 0.45f}, {0.3f, 0.7f}};
        int[] labels = {0, 1, 0, 1};
        Calibration.Reliability r = Calibration.reliability(p, labels, 1.0, 10);
        assertThat(r.count()[9]).isEqualTo(2);
        assertThat(r.accuracy()[9]).isEqualTo(0.5);
        assertThat(r.confidence()[9]).isCloseTo(0.95, within(1e-6));
        assertThat(r.count()[5]).isEqualTo(1);
        assertThat(r.count()[7]).isEqualTo(1);
        assertThat(r.accuracy()[0]).isNaN();
        // |0.5 - 0.95| * 2 + |1 - 0.55| + |1 - 0.7|, over 4
        assertThat(r.ece()).isCloseTo((0.9 + 0.45 + 0.3) / 4, within(1e-6));
    }

    private static double[] softmax(double[] z, double scale) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : z) max = Math.max(max, v * scale);
        double[] e = new double[z.length];
        for (int i = 0; i < z.length; i++) sum += e[i] = Math.exp(z[i] * scale - max);
        for (int i = 0; i < z.length; i++) e[i] /= sum;
        return e;
    }
}
