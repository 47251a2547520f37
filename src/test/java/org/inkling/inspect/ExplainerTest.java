package org.inkling.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.inkling.nn.Activation;
import org.inkling.nn.Dense;
import org.inkling.nn.Sequential;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    /** A drawing-like input: a blob of ink on a blank 28x28 field, so the mask matters. */
    private static float[] drawing(long seed) {
        Random r = new Random(seed);
        float[] x = new float[784];
        for (int y = 6; y < 22; y++) for (int c = 9; c < 18; c++) if (r.nextFloat() < 0.6f) x[y * 28 + c] = r.nextFloat();
        return x;
    }

    /** Softmax regression: logit_c = x · W[:, c] + b_c. */
    private static Sequential linear(long seed) {
        return new Sequential(784, List.of(new Dense(10, Activation.SOFTMAX)), seed);
    }

    private static float weight(Sequential m, int pixel, int digit) {
        return m.params().get(0).value().data[pixel * 10 + digit];
    }

    @Test
    void forALinearModelTheMapIsTheWeightImageOfTheClassMaskedByTheInput() {
        Sequential m = linear(3);
        float[] x = drawing(4);
        for (int digit : new int[] {0, 7}) {
            Explanation e = new Explainer(m).explain(x, digit, -1);
            for (int i = 0; i < 784; i++) {
                assertThat(e.contributions()[i]).as("pixel %d", i).isCloseTo(x[i] * weight(m, i, digit), offset(1e-6f));
            }
        }
    }

    @Test
    void byDefaultTheMapWeighsTheTopDigitAgainstTheRunnerUp() {
        Sequential m = linear(5);
        float[] x = drawing(6);
        float[] p = m.predict(x);
        Explanation e = new Explainer(m).explain(x);
        Integer[] order = java.util.stream.IntStream.range(0, 10).boxed()
                .sorted((a, b) -> Float.compare(p[b], p[a])).toArray(Integer[]::new);
        assertThat(e.toward()).isEqualTo(order[0]);
        assertThat(e.against()).isEqualTo(order[1]);
        assertThat(e.probabilities()).containsExactly(p);
        double margin = 0;
        for (int i = 0; i < 784; i++) {
            float expected = x[i] * (weight(m, i, e.toward()) - weight(m, i, e.against()));
            assertThat(e.contributions()[i]).isCloseTo(expected, offset(1e-6f));
            if (x[i] == 0f) assertThat(e.contributions()[i]).isZero();
            margin += e.contributions()[i];
        }
        // with zero biases the contributions add up to the logit margin: log(p_top / p_second)
        assertThat(margin).isCloseTo(Math.log(p[e.toward()] / (double) p[e.against()]), offset(1e-3));
        assertThat(e.maxMagnitude()).isPositive();
    }

    @Test
    void anElevenClassModelExplainsItsLikeliestDigitNeverNotADigit() {
        Sequential m = new Sequential(784, List.of(new Dense(11, Activation.SOFTMAX)), 7);
        m.params().get(1).value().data[10] = 20f; // "not a digit" is by far the likeliest output
        float[] x = drawing(8);
        float[] p = m.predict(x);
        Integer[] order = java.util.stream.IntStream.range(0, 10).boxed()
                .sorted((a, b) -> Float.compare(p[b], p[a])).toArray(Integer[]::new);
        assertThat(p[10]).isGreaterThan(p[order[0]]);
        Explanation e = new Explainer(m).explain(x);
        assertThat(e.toward()).isEqualTo(order[0]);
        assertThat(e.against()).isEqualTo(order[1]);
        assertThat(e.probabilities()).hasSize(11);
        for (int i = 0; i < 784; i++) {
            float w = m.params().get(0).value().data[i * 11 + e.toward()] - m.params().get(0).value().data[i * 11 + e.against()];
            assertThat(e.contributions()[i]).as("pixel %d", i).isCloseTo(x[i] * w, offset(1e-5f));
        }
    }

    @Test
    void aBlankInputHasAnEmptyMap() {
        Explanation e = new Explainer(linear(1)).explain(new float[784]);
        assertThat(e.maxMagnitude()).isZero();
    }

    @Test
    void refreshRefusesAnotherArchitecture() {
        Explainer ex = new Explainer(linear(1));
        assertThat(ex.refresh(linear(2))).isTrue();
        assertThat(ex.refresh(Sequential.mlp(784, new int[] {8}, Activation.RELU, 10, 1))).isFalse();
        assertThatThrownBy(() -> ex.explain(new float[784], 3, 3)).hasMessageContaining("distinct");
    }
}
