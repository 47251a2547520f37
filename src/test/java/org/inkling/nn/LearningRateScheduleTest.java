package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkling.nn.TrainingListener.BatchEvent;
import org.inkling.nn.TrainingListener.TrainingPlan;
import org.junit.jupiter.api.Test;

/** The schedule's formula, its text forms, and what the trainer and optimisers do with it. */
class LearningRateScheduleTest {

    @Test
    void cosineFollowsKerasCosineDecayAtStartMiddleQuarterAndEnd() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0.1);
        // step 0: cos(0) = 1, so (1 - a) * 0.5 * 2 + a = 1
        assertThat(s.factor(0, 10)).isEqualTo(1.0);
        // middle: cos(pi/2) = 0, so 0.9 * 0.5 + 0.1 = 0.55
        assertThat(s.factor(5, 10)).isCloseTo(0.55, offset(1e-15));
        // a quarter: cos(pi/4) = sqrt(2)/2, so 0.45 * (1 + 0.70710678...) + 0.1
        assertThat(s.factor(25, 100)).isCloseTo(0.45 * (1 + Math.sqrt(0.5)) + 0.1, offset(1e-15));
        // the end, and beyond it (Keras clamps step to decay_steps): alpha
        assertThat(s.factor(10, 10)).isCloseTo(0.1, offset(1e-15));
        assertThat(s.factor(37, 10)).isCloseTo(0.1, offset(1e-15));
        assertThat(s.rate(0.02, 5, 10)).isCloseTo(0.02 * 0.55, offset(1e-15));
        // alpha 0 decays to nothing; half way is half the rate
        assertThat(LearningRateSchedule.cosine(0).factor(3, 6)).isCloseTo(0.5, offset(1e-15));
        assertThat(LearningRateSchedule.cosine(0).factor(6, 6)).isZero();
        // strictly decreasing in between
        double prev = 2;
        for (int k = 0; k <= 10; k++) {
            assertThat(s.factor(k, 10)).isLessThan(prev);
            prev = s.factor(k, 10);
        }
    }

    @Test
    void constantIsFactorOneEverywhere() {
        LearningRateSchedule c = LearningRateSchedule.constant();
        for (long k : new long[] {0, 1, 99, 1000}) assertThat(c.factor(k, 100)).isEqualTo(1.0);
        assertThat(c.rate(0.001f, 7, 100)).isEqualTo((double) 0.001f);
    }

    @Test
    void parsesAndPrintsTheTextFormsAndRoundTripsTheMap() {
        assertThat(LearningRateSchedule.parse("constant")).isSameAs(LearningRateSchedule.constant());
        assertThat(LearningRateSchedule.parse(" Cosine ")).isEqualTo(LearningRateSchedule.cosine(0));
        assertThat(LearningRateSchedule.parse("cosine:0.01")).isEqualTo(LearningRateSchedule.cosine(0.01));
        for (String text : List.of("constant", "cosine", "cosine:0.01", "cosine:1.0")) {
            LearningRateSchedule s = LearningRateSchedule.parse(text);
            assertThat(s.toString()).isEqualTo(text);
            assertThat(LearningRateSchedule.fromMap(s.toMap())).isEqualTo(s);
        }
        assertThat(LearningRateSchedule.cosine(0.05).toMap()).isEqualTo(Map.of("name", "cosine", "alpha", 0.05));
        assertThat(LearningRateSchedule.fromMap(null)).isSameAs(LearningRateSchedule.constant());
    }

    @Test
    void badTextIsRejectedNamingIt() {
        for (String bad : List.of("linear", "cosine:abc", "cosine:2", "cosine:-0.1", "cosine:", "constant:1", "")) {
            assertThatThrownBy(() -> LearningRateSchedule.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> LearningRateSchedule.parse("cosine:abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> LearningRateSchedule.parse("cosine:2")).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> LearningRateSchedule.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LearningRateSchedule.cosine(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> LearningRateSchedule.fromMap(Map.of("name", "step"))).hasMessageContaining("'step'");
    }

    @Test
    void settingTheRateChangesStepsButNotTheRecordedConfig() {
        for (double wd : new double[] {0, 0.01}) {
            List<Optimizer> scheduled = List.of(new Sgd(0.1, 0.9, true, wd), new RmsProp(0.001, 0.9, 1e-7, wd),
                    new Adam(0.001, 0.9, 0.999, 1e-7, wd));
            List<Optimizer> built = List.of(new Sgd(0.03, 0.9, true, wd), new RmsProp(0.0003, 0.9, 1e-7, wd),
                    new Adam(0.0003, 0.9, 0.999, 1e-7, wd));
            double[] rates = {0.03, 0.0003, 0.0003};
            for (int o = 0; o < 3; o++) {
                Param a = param(), b = param();
                Optimizer s = scheduled.get(o), r = built.get(o);
                s.init(List.of(a));
                r.init(List.of(b));
                s.setLearningRate(rates[o]);
                for (int t = 0; t < 3; t++) {
                    for (int i = 0; i < a.size(); i++) a.grad().data[i] = b.grad().data[i] = (float) Math.sin(i + 7 * t);
                    s.step();
                    r.step();
                }
                // the set rate drives the update (decay included) exactly as a rate given at construction
                assertThat(a.value().data).as(s.kerasName()).containsExactly(b.value().data);
                assertThat(s.learningRate()).isEqualTo((double) (float) rates[o]);
                assertThat(s.config().get("learning_rate")).isEqualTo(s.initialLearningRate());
                assertThat(s.config().get("learning_rate")).isNotEqualTo(s.learningRate());
                s.reset();
                assertThat(s.learningRate()).isEqualTo(s.initialLearningRate());
            }
        }
        Sgd sgd = new Sgd();
        assertThatThrownBy(() -> sgd.setLearningRate(-0.1)).hasMessageContaining("-0.1");
        assertThatThrownBy(() -> sgd.setLearningRate(Double.NaN)).hasMessageContaining("NaN");
        sgd.setLearningRate(0); // the end of cosine decay with alpha 0
    }

    private static Param param() {
        Param p = new Param("p", new int[] {37}, 1, 37);
        for (int i = 0; i < 37; i++) p.value().data[i] = (float) Math.cos(i);
        return p;
    }

    /** An optimiser as the trainer saw it before schedules: setLearningRate is ignored; records the rates asked for. */
    private static final class IgnoresRateChanges implements Optimizer {
        final Optimizer inner;
        final List<Double> asked = new ArrayList<>();

        IgnoresRateChanges(Optimizer inner) {
            this.inner = inner;
        }

        @Override public void init(List<Param> params) { inner.init(params); }
        @Override public void step() { inner.step(); }
        @Override public void reset() { inner.reset(); }
        @Override public long iterations() { return inner.iterations(); }
        @Override public double learningRate() { return inner.learningRate(); }
        @Override public double initialLearningRate() { return inner.initialLearningRate(); }
        @Override public void setLearningRate(double rate) { asked.add(rate); }
        @Override public String kerasName() { return inner.kerasName(); }
        @Override public Map<String, Object> config() { return inner.config(); }
    }

    private static float[][] weights(Sequential m) {
        float[][] w = new float[m.params().size()][];
        for (int i = 0; i < w.length; i++) w[i] = m.params().get(i).value().data.clone();
        return w;
    }

    @Test
    void theConstantScheduleTrainsBitIdenticallyToNoSchedule() {
        ArrayExamples data = ArrayExamples.blobs(203, 12, 4, 5);
        for (int o = 0; o < 3; o++) {
            Optimizer[] pair = new Optimizer[2];
            for (int k = 0; k < 2; k++) {
                pair[k] = switch (o) {
                    case 0 -> new Sgd(0.05, 0.9, false, 0.001);
                    case 1 -> new RmsProp();
                    default -> new Adam(0.003, 0.9, 0.999, 1e-7, 0.004);
                };
            }
            TrainConfig base = TrainConfig.of(3, 32, 8).withValidationSplit(0.1);
            Sequential before = Sequential.mlp(12, new int[] {10}, Activation.RELU, 4, 9);
            IgnoresRateChanges old = new IgnoresRateChanges(pair[0]);
            Trainer.fit(before, old, Losses.SPARSE_CATEGORICAL_CROSSENTROPY, data, base, null, null);
            Sequential now = Sequential.mlp(12, new int[] {10}, Activation.RELU, 4, 9);
            Trainer.fit(now, pair[1], Losses.SPARSE_CATEGORICAL_CROSSENTROPY, data,
                    base.withSchedule(LearningRateSchedule.constant()), null, null);
            float[][] a = weights(before), b = weights(now);
            for (int i = 0; i < a.length; i++) assertThat(b[i]).as(pair[1].kerasName()).containsExactly(a[i]);
            // 182 training examples in batches of 32: 6 batches per epoch, every one asked the initial rate
            assertThat(old.asked).hasSize(18).containsOnly(old.initialLearningRate());
        }
        assertThat(TrainConfig.of(1, 1, 1).schedule()).isSameAs(LearningRateSchedule.constant());
    }

    @Test
    void aCosineRunsSgdStepsByTheDecayedRateExactly() {
        ArrayExamples data = ArrayExamples.blobs(50, 6, 3, 2);
        Sequential m = Sequential.mlp(6, new int[] {5}, Activation.TANH, 3, 4);
        double initial = 0.5, alpha = 0.1;
        int epochs = 3, batchesPerEpoch = 4; // 50 examples in batches of 16: 16, 16, 16, 2
        int total = epochs * batchesPerEpoch;
        float[][] before = weights(m);
        List<Integer> checked = new ArrayList<>();
        List<Float> biggestChange = new ArrayList<>();
        TrainingListener check = new TrainingListener() {
            int step;

            @Override
            public void onTrainingBegin(TrainingPlan p) {
                assertThat(p.batchesPerEpoch()).isEqualTo(batchesPerEpoch);
            }

            @Override
            public void onBatchEnd(BatchEvent e) {
                // lr(k) by hand from Keras' CosineDecay formula, not from the class under test
                double decayed = (1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * Math.min(step, total) / total)) + alpha;
                float a = (float) (initial * decayed);
                float biggest = 0;
                boolean differsFromConstant = false;
                for (int p = 0; p < before.length; p++) {
                    float[] w = m.params().get(p).value().data, g = m.params().get(p).grad().data;
                    for (int i = 0; i < w.length; i++) {
                        assertThat(w[i]).as("step %d param %d weight %d", step, p, i).isEqualTo(before[p][i] - g[i] * a);
                        differsFromConstant |= w[i] != before[p][i] - g[i] * (float) initial;
                        biggest = Math.max(biggest, Math.abs(w[i] - before[p][i]));
                        before[p][i] = w[i];
                    }
                }
                if (step > 0) assertThat(differsFromConstant).as("step %d used a decayed rate", step).isTrue();
                biggestChange.add(biggest);
                checked.add(step++);
            }
        };
        Sgd sgd = new Sgd(initial, 0, false, 0);
        TrainingResult r = Trainer.fit(m, sgd, Losses.SPARSE_CATEGORICAL_CROSSENTROPY, data,
                TrainConfig.of(epochs, 16, 3).withSchedule(LearningRateSchedule.cosine(alpha)), check, null);
        assertThat(r.completed()).isTrue();
        assertThat(checked).hasSize(total);
        assertThat(biggestChange).allMatch(c -> c > 0);
        assertThat(sgd.learningRate()).isCloseTo(initial * LearningRateSchedule.cosine(alpha).factor(total - 1, total), offset(1e-7));
        assertThat(sgd.config().get("learning_rate")).isEqualTo(initial);
    }
}
