package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class LossesTest {
    private static final int[] LABELS = {2, 0, 1, 2};

    private static FMatrixRMaj probabilities(Random rnd) {
        FMatrixRMaj p = new FMatrixRMaj(4, 3);
        for (int r = 0; r < 4; r++) {
            double s = 0;
            for (int c = 0; c < 3; c++) s += p.data[r * 3 + c] = 0.2f + rnd.nextFloat();
            for (int c = 0; c < 3; c++) p.data[r * 3 + c] /= (float) s;
        }
        return p;
    }

    @Test
    void crossEntropyIsMeanNegativeLogOfTheLabelProbability() {
        FMatrixRMaj p = new FMatrixRMaj(new float[][] {{0.1f, 0.7f, 0.2f}, {0.5f, 0.25f, 0.25f}});
        double expected = -(Math.log(0.7f) + Math.log(0.25f)) / 2;
        assertThat(Losses.SPARSE_CATEGORICAL_CROSSENTROPY.loss(p, new int[] {1, 2})).isCloseTo(expected, offset(1e-6));
        FMatrixRMaj zero = new FMatrixRMaj(new float[][] {{0f, 1f}});
        assertThat(Losses.SPARSE_CATEGORICAL_CROSSENTROPY.loss(zero, new int[] {0})).isCloseTo(-Math.log(1e-7), offset(1e-6));
    }

    @Test
    void crossEntropyGradientWrtProbabilitiesMatchesFiniteDifferences() {
        FMatrixRMaj p = probabilities(new Random(1));
        FMatrixRMaj g = new FMatrixRMaj(4, 3);
        Losses.SPARSE_CATEGORICAL_CROSSENTROPY.lossAndGradient(p, LABELS, g, false);
        GradCheckFine.check(p.data, g.data, () -> Losses.SPARSE_CATEGORICAL_CROSSENTROPY.loss(p, LABELS));
    }

    @Test
    void fusedSoftmaxCrossEntropyGradientMatchesFiniteDifferencesThroughTheLayer() {
        Random rnd = new Random(5);
        Dense d = new Dense(3, Activation.SOFTMAX);
        d.build("out", Shape.flat(6), new SplittableRandom(2));
        FMatrixRMaj x = GradCheck.random(4, 6, rnd, 1f);
        Loss l = Losses.SPARSE_CATEGORICAL_CROSSENTROPY;
        FMatrixRMaj out = d.forward(x, true);
        FMatrixRMaj g = new FMatrixRMaj(4, 3);
        double loss = l.lossAndGradient(out, LABELS, g, true);
        assertThat(loss).isCloseTo(l.loss(out, LABELS), offset(1e-9));
        FMatrixRMaj dIn = d.backwardFromLogits(g, true).copy();
        Param w = d.params().get(0), b = d.params().get(1);
        float[] gw = w.grad().data.clone(), gb = b.grad().data.clone();
        java.util.function.DoubleSupplier f = () -> l.loss(d.forward(x, true), LABELS);
        GradCheck.check("kernel", w.value().data, gw, w.size(), f);
        GradCheck.check("bias", b.value().data, gb, b.size(), f);
        GradCheck.check("input", x.data, dIn.data, 24, f);
    }

    @Test
    void meanSquaredErrorAgainstOneHotAndItsGradient() {
        FMatrixRMaj p = new FMatrixRMaj(new float[][] {{0.5f, 0.5f}, {1f, 0f}});
        // row 0 label 1: (0.25 + 0.25)/2; row 1 label 1: (1 + 1)/2 -> mean 0.625
        assertThat(Losses.MEAN_SQUARED_ERROR.loss(p, new int[] {1, 1})).isCloseTo(0.625, offset(1e-7));
        FMatrixRMaj q = probabilities(new Random(3));
        FMatrixRMaj g = new FMatrixRMaj(4, 3);
        Losses.MEAN_SQUARED_ERROR.lossAndGradient(q, LABELS, g, false);
        GradCheckFine.check(q.data, g.data, () -> Losses.MEAN_SQUARED_ERROR.loss(q, LABELS));
    }

    @Test
    void badLabelsAndNamesAreRejected() {
        FMatrixRMaj p = new FMatrixRMaj(1, 3);
        assertThatThrownBy(() -> Losses.SPARSE_CATEGORICAL_CROSSENTROPY.loss(p, new int[] {3})).hasMessageContaining("label 3");
        assertThatThrownBy(() -> Losses.parse("hinge")).hasMessageContaining("hinge");
        assertThat(Losses.parse("mse")).isSameAs(Losses.MEAN_SQUARED_ERROR);
    }

    @Test
    void accuracyCountsArgmaxHits() {
        FMatrixRMaj p = new FMatrixRMaj(new float[][] {{0.1f, 0.9f}, {0.8f, 0.2f}, {0.3f, 0.7f}});
        assertThat(Metrics.accuracy(p, new int[] {1, 1, 1})).isCloseTo(2.0 / 3, offset(1e-12));
    }

    /** Losses are smooth and cheap: a smaller step gives a tighter check. */
    private static final class GradCheckFine {
        static void check(float[] v, float[] g, java.util.function.DoubleSupplier f) {
            for (int i = 0; i < 12; i++) {
                float old = v[i];
                float h = 1e-3f;
                v[i] = old + h;
                double plus = f.getAsDouble();
                v[i] = old - h;
                double minus = f.getAsDouble();
                v[i] = old;
                double num = (plus - minus) / (2.0 * h);
                assertThat(g[i]).as("element %d", i).isCloseTo((float) num, offset((float) (1e-3 + 1e-2 * Math.abs(num))));
            }
        }
    }
}
