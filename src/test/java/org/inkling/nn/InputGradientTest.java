package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The input gradient against central differences of what the network predicts. For a softmax
 * network the logits are not visible from outside, but for class weights that sum to zero
 * Σ w_c·z_c and Σ w_c·log p_c differ by (Σ w_c)·logsumexp(z) = 0, so the log-probabilities check it.
 */
class InputGradientTest {
    private static float[] randomInput(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = r.nextFloat();
        return x;
    }

    private static void checkSoftmaxNetwork(Sequential m, float eps) {
        float[] x = randomInput(m.inputSize(), 7);
        float[] w = new float[m.outputSize()];
        w[1] = 1f;
        w[3] = -0.5f;
        w[4] = -0.5f;
        float[] grad = new float[x.length], out = new float[w.length];
        new InputGradient(m).compute(x, w, grad, out);
        assertThat(out).containsExactly(m.predict(x));
        GradCheck.check("d(w·z)/dx", x, grad, x.length, () -> {
            float[] p = m.predict(x);
            double s = 0;
            for (int c = 0; c < p.length; c++) s += w[c] * Math.log(p[c]);
            return s;
        }, eps);
    }

    @Test
    void mlpGradientMatchesFiniteDifferences() {
        checkSoftmaxNetwork(Sequential.mlp(20, new int[] {16, 12}, Activation.TANH, 5, 3), GradCheck.EPS);
    }

    @Test
    void convolutionalGradientMatchesFiniteDifferences() {
        Sequential m = new Sequential(Shape.image(8, 8, 1), List.of(new Conv2D(3, 3, Activation.TANH), new MaxPool2D(2),
                new Flatten(), new Dense(6, Activation.TANH), new Dense(5, Activation.SOFTMAX)), 5);
        checkSoftmaxNetwork(m, 1e-3f);
    }

    @Test
    void withoutSoftmaxTheGradientIsOfTheOutputs() {
        Sequential m = new Sequential(10, List.of(new Dense(8, Activation.SIGMOID), new Dense(3, Activation.TANH)), 9);
        float[] x = randomInput(10, 1);
        float[] w = {0.3f, -1f, 2f};
        float[] grad = new float[10], out = new float[3];
        new InputGradient(m).compute(x, w, grad, out);
        GradCheck.check("d(w·y)/dx", x, grad, x.length, () -> {
            float[] y = m.predict(x);
            return w[0] * y[0] + w[1] * y[1] + w[2] * (double) y[2];
        });
    }

    @Test
    void refreshTakesTheNewWeightsAndLeavesTheSourceAlone() {
        Sequential m = Sequential.mlp(6, new int[] {4}, Activation.RELU, 3, 1);
        InputGradient g = new InputGradient(m);
        float[] before = m.params().get(0).value().data.clone();
        float[] x = randomInput(6, 2), w = {1f, -1f, 0f}, g1 = new float[6], g2 = new float[6], out = new float[3];
        g.compute(x, w, g1, out);
        assertThat(m.params().get(0).value().data).containsExactly(before);
        Sequential other = Sequential.mlp(6, new int[] {4}, Activation.RELU, 3, 2);
        assertThat(g.matches(other)).isTrue();
        assertThat(g.matches(Sequential.mlp(6, new int[] {5}, Activation.RELU, 3, 2))).isFalse();
        g.refresh(other);
        g.compute(x, w, g2, out);
        assertThat(out).containsExactly(other.predict(x));
        assertThat(g2).isNotEqualTo(g1);
    }

    @Test
    void activationsEndWithThePrediction() {
        Sequential m = new Sequential(Shape.image(6, 6, 1), List.of(new Conv2D(2, 3, Activation.RELU), new Flatten(),
                new Dense(4, Activation.SOFTMAX)), 3);
        float[] x = randomInput(36, 4);
        List<float[]> a = m.activations(x);
        assertThat(a).hasSize(3);
        assertThat(a.get(0)).hasSize(4 * 4 * 2);
        assertThat(a.get(1)).containsExactly(a.get(0));
        assertThat(a.get(2)).containsExactly(m.predict(x));
    }
}
