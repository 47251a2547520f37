package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class DenseTest {

    private static Dense built(int in, int units, Activation a, long seed) {
        Dense d = new Dense(units, a);
        d.build("dense", Shape.flat(in), new SplittableRandom(seed));
        // non-zero biases so the check covers them
        float[] b = d.params().get(1).value().data;
        Random rnd = new Random(seed);
        for (int i = 0; i < units; i++) b[i] = (float) rnd.nextGaussian() * 0.3f;
        return d;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientsMatchFiniteDifferences(Activation a) {
        Random rnd = new Random(42);
        Dense d = built(7, 5, a, 1);
        FMatrixRMaj x = GradCheck.random(4, 7, rnd, 1f);
        FMatrixRMaj r = GradCheck.random(4, 5, rnd, 1f);
        java.util.function.DoubleSupplier loss = () -> GradCheck.project(d.forward(x, true), r);

        d.forward(x, true);
        FMatrixRMaj dIn = d.backward(r).copy();
        Param w = d.params().get(0), b = d.params().get(1);
        float[] gw = w.grad().data.clone(), gb = b.grad().data.clone();

        GradCheck.check(a + " kernel", w.value().data, gw, w.size(), loss);
        GradCheck.check(a + " bias", b.value().data, gb, b.size(), loss);
        GradCheck.check(a + " input", x.data, dIn.data, 28, loss);
    }

    @Test
    void forwardIsXTimesWPlusBiasThroughTheActivation() {
        Dense d = built(3, 2, Activation.TANH, 3);
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1, 2, 3}, {-1, 0, 0.5f}});
        FMatrixRMaj expected = new FMatrixRMaj(2, 2);
        CommonOps_FDRM.mult(x, d.params().get(0).value(), expected);
        float[] b = d.params().get(1).value().data;
        FMatrixRMaj out = d.forward(x, false);
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 2; c++) {
                assertThat(out.get(r, c)).isCloseTo((float) Math.tanh(expected.get(r, c) + b[c]), org.assertj.core.data.Offset.offset(1e-6f));
            }
        }
    }

    @Test
    void softmaxRowsSumToOneEvenForHugeLogits() {
        Dense d = built(2, 3, Activation.SOFTMAX, 4);
        FMatrixRMaj x = new FMatrixRMaj(new float[][] {{1e4f, -1e4f}});
        FMatrixRMaj out = d.forward(x, false);
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            assertThat(Float.isFinite(out.get(0, c))).isTrue();
            sum += out.get(0, c);
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void initialisersStayWithinTheirKerasLimits() {
        Dense he = new Dense(50, Activation.RELU, Initializers.HE);
        he.build("d", Shape.flat(200), new SplittableRandom(1));
        Dense gl = new Dense(50, Activation.TANH, Initializers.GLOROT);
        gl.build("d", Shape.flat(200), new SplittableRandom(1));
        float heLimit = (float) Math.sqrt(6.0 / 200), glLimit = (float) Math.sqrt(6.0 / 250);
        float heMax = 0, glMax = 0;
        for (float v : he.params().get(0).value().data) heMax = Math.max(heMax, Math.abs(v));
        for (float v : gl.params().get(0).value().data) glMax = Math.max(glMax, Math.abs(v));
        assertThat(heMax).isLessThanOrEqualTo(heLimit).isGreaterThan(heLimit * 0.95f);
        assertThat(glMax).isLessThanOrEqualTo(glLimit).isGreaterThan(glLimit * 0.95f);
        assertThat(he.params().get(1).value().data).containsOnly(0f);
    }

    @Test
    void sameSeedGivesSameWeightsAndOtherSeedDiffers() {
        float[] a = built(10, 4, Activation.RELU, 9).params().get(0).value().data;
        float[] b = built(10, 4, Activation.RELU, 9).params().get(0).value().data;
        float[] c = built(10, 4, Activation.RELU, 10).params().get(0).value().data;
        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void rejectsNonFlatInputAndBadUnits() {
        assertThatThrownBy(() -> new Dense(0, Activation.RELU)).hasMessageContaining("0");
        assertThatThrownBy(() -> new Dense(3, Activation.RELU).build("d", Shape.image(4, 4, 1), new SplittableRandom(1)))
                .hasMessageContaining("Flatten");
        assertThatThrownBy(() -> Activation.parse("swish")).hasMessageContaining("swish");
    }
}
