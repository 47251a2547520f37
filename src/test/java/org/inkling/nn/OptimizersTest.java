package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each optimiser's steps against its Keras rule, recomputed here in double. */
class OptimizersTest {
    /** 37 = vector lanes plus a scalar tail for every species width. */
    private static final int N = 37;
    private static final int STEPS = 4;

    private interface Rule {
        /** One step on w[i] from g[i], with state s (two slots per weight), step t from 1. */
        void apply(double[] w, double[] g, double[][] s, int t);
    }

    private static void checkAgainstRule(Optimizer opt, Rule rule) {
        Param p = new Param("p", new int[] {N}, 1, N);
        Random rnd = new Random(11);
        double[] w = new double[N];
        for (int i = 0; i < N; i++) w[i] = p.value().data[i] = (float) rnd.nextGaussian();
        double[][] s = new double[2][N];
        opt.init(List.of(p));
        for (int t = 1; t <= STEPS; t++) {
            double[] g = new double[N];
            for (int i = 0; i < N; i++) g[i] = p.grad().data[i] = (float) (rnd.nextGaussian() * (t == 1 ? 1e-4 : 1));
            opt.step();
            rule.apply(w, g, s, t);
            for (int i = 0; i < N; i++) {
                assertThat((double) p.value().data[i]).as("%s step %d weight %d", opt.kerasName(), t, i)
                        .isCloseTo(w[i], offset(2e-6 + 2e-5 * Math.abs(w[i])));
            }
        }
        assertThat(opt.iterations()).isEqualTo(STEPS);
    }

    @Test
    void plainSgd() {
        double lr = 0.05;
        checkAgainstRule(new Sgd(lr, 0, false, 0), (w, g, s, t) -> {
            for (int i = 0; i < N; i++) w[i] -= lr * g[i];
        });
    }

    @Test
    void sgdWithMomentum() {
        double lr = 0.05, m = 0.9;
        checkAgainstRule(new Sgd(lr, m, false, 0), (w, g, s, t) -> {
            for (int i = 0; i < N; i++) {
                s[0][i] = m * s[0][i] - lr * g[i];
                w[i] += s[0][i];
            }
        });
    }

    @Test
    void sgdWithNesterovAndWeightDecay() {
        double lr = 0.05, m = 0.8, wd = 0.1;
        checkAgainstRule(new Sgd(lr, m, true, wd), (w, g, s, t) -> {
            for (int i = 0; i < N; i++) {
                w[i] -= w[i] * wd * lr;
                s[0][i] = m * s[0][i] - lr * g[i];
                w[i] += m * s[0][i] - lr * g[i];
            }
        });
    }

    @Test
    void rmsprop() {
        double lr = 0.001, rho = 0.9, eps = 1e-7;
        checkAgainstRule(new RmsProp(), (w, g, s, t) -> {
            for (int i = 0; i < N; i++) {
                s[0][i] = rho * s[0][i] + (1 - rho) * g[i] * g[i];
                w[i] -= lr * g[i] / Math.sqrt(s[0][i] + eps);
            }
        });
    }

    /**
     * Blank gradient rows (±0 over whole vectors, as the first layer's rows for pixels blank in a
     * batch are) take a shorter path in RMSprop's vector loop; every weight and slot must still have
     * the bits of the full step, computed here in float in the same order, signed zeros, infinity
     * and NaN included, with and without weight decay, over a range large enough to be split.
     */
    @Test
    void rmspropGivesTheFullStepsBitsForBlankGradientRows() {
        int n = (1 << 17) + 21;
        for (double decay : new double[] {0, 0.01}) {
            RmsProp opt = new RmsProp(0.001, 0.9, 1e-7, decay);
            Param p = new Param("p", new int[] {n}, 1, n);
            Random rnd = new Random(7);
            float[] w = p.value().data, g = p.grad().data;
            for (int i = 0; i < n; i++) {
                int kind = i % 97;
                w[i] = kind == 3 ? -0f : kind == 4 ? 0f : (float) rnd.nextGaussian();
            }
            float[] ew = w.clone(), ev = new float[n];
            opt.init(List.of(p));
            float r = 0.9f, r1 = 1f - r, a = 0.001f, e = 1e-7f, d = 1f - (float) decay * a;
            for (int step = 0; step < 4; step++) {
                for (int i = 0; i < n; i++) {
                    int row = i / 64; // runs of 64: whole vectors blank, or not; every seventh always blank
                    boolean blank = row % 7 == 6 || (row + step) % 3 != 0;
                    g[i] = blank ? (i % 5 == 0 ? -0f : 0f) : (float) rnd.nextGaussian();
                    if (i == 1000 && step == 1) g[i] = Float.POSITIVE_INFINITY;  // v becomes infinite, then blank
                    if (i == 2000 && step == 0) g[i] = Float.NaN;                // v and w NaN from here on
                }
                opt.step();
                for (int i = 0; i < n; i++) {
                    float gi = g[i];
                    ev[i] = ev[i] * r + gi * gi * r1;
                    ew[i] = ew[i] * d - gi * a / (float) Math.sqrt(ev[i] + e);
                }
                for (int i = 0; i < n; i++) {
                    if (Float.floatToRawIntBits(w[i]) != Float.floatToRawIntBits(ew[i])) {
                        assertThat(w[i]).as("decay %s step %d weight %d (gradient %s)", decay, step, i, g[i]).isEqualTo(ew[i]);
                        assertThat(Float.floatToRawIntBits(w[i])).as("sign of weight %d", i).isEqualTo(Float.floatToRawIntBits(ew[i]));
                    }
                }
            }
            assertThat(w[2000]).isNaN();
            assertThat(Float.floatToRawIntBits(w[391])).as("-0 minus blank gradients of +0 stays -0").isEqualTo(Float.floatToRawIntBits(-0f));
        }
    }

    @Test
    void adamWithBiasCorrectionAndWeightDecay() {
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-7, wd = 0.05;
        checkAgainstRule(new Adam(lr, b1, b2, eps, wd), (w, g, s, t) -> {
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < N; i++) {
                w[i] -= w[i] * wd * lr;
                s[0][i] += (g[i] - s[0][i]) * (1 - b1);
                s[1][i] += (g[i] * g[i] - s[1][i]) * (1 - b2);
                w[i] -= alpha * s[0][i] / (Math.sqrt(s[1][i]) + eps);
            }
        });
    }

    @Test
    void resetForgetsStateSoARunRepeatsExactly() {
        Optimizer opt = new Adam();
        Param p = new Param("p", new int[] {N}, 1, N);
        opt.init(List.of(p));
        java.util.Arrays.fill(p.grad().data, 0.5f);
        opt.step();
        float first = p.value().data[0];
        opt.step();
        opt.reset();
        java.util.Arrays.fill(p.value().data, 0f);
        opt.step();
        assertThat(p.value().data[0]).isEqualTo(first);
        assertThat(opt.iterations()).isEqualTo(1);
    }

    @Test
    void kerasDefaultsAndCreationByName() {
        assertThat(Optimizers.create("RMSprop", null).config())
                .containsEntry("name", "rmsprop").containsEntry("learning_rate", (double) 0.001f)
                .containsEntry("rho", (double) 0.9f).containsEntry("epsilon", (double) 1e-7f);
        assertThat(Optimizers.create("adam", null).config())
                .containsEntry("beta_1", (double) 0.9f).containsEntry("beta_2", (double) 0.999f);
        assertThat(Optimizers.create("sgd", 0.5).learningRate()).isEqualTo(0.5);
        Optimizer again = Optimizers.fromConfig(new Sgd(0.1, 0.9, true, 0).config());
        assertThat(again.config()).isEqualTo(new Sgd(0.1, 0.9, true, 0).config());
        assertThatThrownBy(() -> Optimizers.create("adagrad", null)).hasMessageContaining("adagrad");
    }

    @Test
    void outOfRangeHyperParametersAreRejectedByNameAndValue() {
        assertThatThrownBy(() -> new Sgd(-0.1, 0, false, 0)).hasMessageContaining("learning_rate").hasMessageContaining("-0.1");
        assertThatThrownBy(() -> new Sgd(0.1, 1.5, false, 0)).hasMessageContaining("momentum").hasMessageContaining("1.5");
        assertThatThrownBy(() -> new RmsProp(0.001, 1.0, 1e-7, 0)).hasMessageContaining("rho").hasMessageContaining("1.0");
        assertThatThrownBy(() -> new RmsProp(0.001, 0.9, -1, 0)).hasMessageContaining("epsilon").hasMessageContaining("-1");
        assertThatThrownBy(() -> new Adam(0.001, 0.9, 2, 1e-7, 0)).hasMessageContaining("beta_2").hasMessageContaining("2.0");
        assertThatThrownBy(() -> new Adam(0.001, -0.9, 0.999, 1e-7, 0)).hasMessageContaining("beta_1");
        assertThatThrownBy(() -> new Adam(Double.NaN, 0.9, 0.999, 1e-7, 0)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> new Adam(0.001, 0.9, 0.999, 1e-7, -1)).hasMessageContaining("weight_decay");
        assertThatThrownBy(() -> new Sgd().step()).hasMessageContaining("init");
    }
}
