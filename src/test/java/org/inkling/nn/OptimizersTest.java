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
