package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.inkling.nn.TrainingListener.BatchEvent;
import org.inkling.nn.TrainingListener.EpochEvent;
import org.inkling.nn.TrainingListener.TrainingPlan;
import org.inkling.nn.TrainingResult.Status;
import org.junit.jupiter.api.Test;

class TrainerTest {

    @Test
    void learnsXorPerfectly() {
        ArrayExamples xor = ArrayExamples.xor();
        Sequential m = Sequential.mlp(2, new int[] {8}, Activation.TANH, 2, 1);
        TrainingResult r = Trainer.fit(m, new Adam(0.05, 0.9, 0.999, 1e-7, 0), Losses.SPARSE_CATEGORICAL_CROSSENTROPY,
                xor, TrainConfig.of(300, 4, 1), null, null);
        assertThat(r.status()).isEqualTo(Status.COMPLETED);
        assertThat(Evaluator.evaluate(m, xor).accuracy()).isEqualTo(1.0);
        assertThat(r.lastEpoch().loss()).isLessThan(0.05);
    }

    @Test
    void learnsSeparableBlobsWithEveryOptimiserAndBothLosses() {
        ArrayExamples data = ArrayExamples.blobs(300, 5, 3, 2);
        for (Optimizer o : List.of(new Sgd(0.1, 0.9, true, 0), new RmsProp(), new Adam(0.01, 0.9, 0.999, 1e-7, 0))) {
            for (Loss l : List.of(Losses.SPARSE_CATEGORICAL_CROSSENTROPY, Losses.MEAN_SQUARED_ERROR)) {
                Sequential m = Sequential.mlp(5, new int[] {16}, Activation.RELU, 3, 3);
                double before = Evaluator.evaluate(m, data, l).loss();
                Trainer.fit(m, o, l, data, TrainConfig.of(30, 16, 4), null, null);
                Evaluation e = Evaluator.evaluate(m, data, l);
                assertThat(e.accuracy()).as("%s with %s", o.kerasName(), l.kerasName()).isEqualTo(1.0);
                assertThat(e.loss()).isLessThan(before);
            }
        }
    }

    private static float[][] trainedWeights(long shuffleSeed, BatchAugmenter aug) {
        ArrayExamples data = ArrayExamples.blobs(203, 12, 4, 5);
        Sequential m = Sequential.mlp(12, new int[] {10, 7}, Activation.RELU, 4, 9);
        TrainConfig c = TrainConfig.of(3, 32, shuffleSeed).withValidationSplit(0.1).withAugmenter(aug);
        Trainer.fit(m, new RmsProp(), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, data, c, null, null);
        float[][] w = new float[m.params().size()][];
        for (int i = 0; i < w.length; i++) w[i] = m.params().get(i).value().data.clone();
        return w;
    }

    @Test
    void sameSeedDataAndSettingsGiveBitIdenticalWeights() {
        BatchAugmenter noise = (x, rows, cols, rng) -> {
            for (int i = 0; i < rows * cols; i++) x[i] += (float) (rng.nextDouble() - 0.5) * 0.1f;
        };
        float[][] a = trainedWeights(17, noise), b = trainedWeights(17, noise), c = trainedWeights(18, noise);
        for (int i = 0; i < a.length; i++) assertThat(a[i]).containsExactly(b[i]);
        assertThat(a[0]).isNotEqualTo(c[0]);
    }

    @Test
    void validationSplitTakesTheLastExamplesAndEventsArriveInOrder() {
        ArrayExamples data = ArrayExamples.blobs(100, 3, 2, 1);
        List<String> calls = new ArrayList<>();
        AtomicReference<TrainingPlan> plan = new AtomicReference<>();
        List<EpochEvent> epochs = new ArrayList<>();
        TrainingListener li = new TrainingListener() {
            @Override public void onTrainingBegin(TrainingPlan p) { plan.set(p); calls.add("begin"); }
            @Override public void onBatchEnd(BatchEvent e) {
                calls.add("batch " + e.epoch() + "." + e.batch() + "/" + e.batchesPerEpoch());
                // during training batches only the first 90 examples are read
                assertThat(data.read.nextSetBit(90)).isEqualTo(-1);
            }
            @Override public void onEpochEnd(EpochEvent e) {
                epochs.add(e);
                calls.add("epoch " + e.epoch());
                assertThat(data.read.get(95)).isTrue(); // read by validation
                data.read.clear();
            }
            @Override public void onTrainingEnd(TrainingResult r) { calls.add("end " + r.status()); }
        };
        TrainingResult r = Trainer.fit(Sequential.mlp(3, new int[] {4}, Activation.RELU, 2, 1), new Adam(),
                Losses.SPARSE_CATEGORICAL_CROSSENTROPY, data, TrainConfig.of(2, 32, 1).withValidationSplit(0.1), li, null);
        assertThat(plan.get().trainSize()).isEqualTo(90);
        assertThat(plan.get().validationSize()).isEqualTo(10);
        assertThat(calls).containsExactly("begin", "batch 1.1/3", "batch 1.2/3", "batch 1.3/3", "epoch 1",
                "batch 2.1/3", "batch 2.2/3", "batch 2.3/3", "epoch 2", "end COMPLETED");
        assertThat(epochs.get(1).valAccuracy()).isBetween(0.0, 1.0);
        assertThat(epochs.get(1).seconds()).isPositive();
        assertThat(r.history()).containsExactlyElementsOf(epochs);
    }

    @Test
    void aHugeLearningRateStopsTrainingAndKeepsFiniteWeights() {
        ArrayExamples data = ArrayExamples.blobs(256, 8, 3, 1);
        Sequential m = Sequential.mlp(8, new int[] {16}, Activation.RELU, 3, 1);
        TrainingResult r = Trainer.fit(m, new Sgd(1e25, 0.9, false, 0), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, data,
                TrainConfig.of(5, 8, 1), null, null);
        assertThat(r.status()).isEqualTo(Status.DIVERGED);
        assertThat(r.message()).contains("diverged").contains("NaN").contains("restored");
        for (Param p : m.params()) {
            for (int i = 0; i < p.size(); i++) assertThat(Float.isFinite(p.value().data[i])).isTrue();
        }
        float[] probs = m.predict(data.x[0]);
        for (float p : probs) assertThat(Float.isFinite(p)).isTrue();
    }

    @Test
    void cancelStopsBetweenBatches() {
        TrainingControl ctl = new TrainingControl();
        AtomicInteger batches = new AtomicInteger();
        TrainingListener li = new TrainingListener() {
            @Override public void onBatchEnd(BatchEvent e) {
                if (batches.incrementAndGet() == 3) ctl.cancel();
            }
        };
        TrainingResult r = Trainer.fit(Sequential.mlp(4, new int[] {4}, Activation.RELU, 2, 1), new Sgd(),
                Losses.SPARSE_CATEGORICAL_CROSSENTROPY, ArrayExamples.blobs(100, 4, 2, 1), TrainConfig.of(5, 10, 1), li, ctl);
        assertThat(r.status()).isEqualTo(Status.CANCELLED);
        assertThat(batches.get()).isEqualTo(3);
        assertThat(r.epochsCompleted()).isZero();
        assertThat(r.message()).contains("cancelled");
    }

    @Test
    void pauseHoldsTrainingUntilResume() throws Exception {
        TrainingControl ctl = new TrainingControl();
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch pausedAt2 = new CountDownLatch(1);
        TrainingListener li = new TrainingListener() {
            @Override public void onBatchEnd(BatchEvent e) {
                if (batches.incrementAndGet() == 2) {
                    ctl.pause();
                    pausedAt2.countDown();
                }
            }
        };
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        Thread t = new Thread(() -> result.set(Trainer.fit(Sequential.mlp(4, new int[] {4}, Activation.RELU, 2, 1),
                new Sgd(), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, ArrayExamples.blobs(100, 4, 2, 1),
                TrainConfig.of(1, 10, 1), li, ctl)));
        t.start();
        assertThat(pausedAt2.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        assertThat(batches.get()).isEqualTo(2);
        assertThat(ctl.isPaused()).isTrue();
        ctl.resume();
        t.join(10_000);
        assertThat(result.get().status()).isEqualTo(Status.COMPLETED);
        assertThat(batches.get()).isEqualTo(10);
    }

    @Test
    void theTrainingLoopAllocatesAlmostNothingOnceCompiled() {
        // Until the JIT compiles the Vector API code, vector operations allocate; so train until an
        // epoch runs with (almost) no allocation, and fail if that never happens.
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        TrainingControl ctl = new TrainingControl();
        long[] last = {0};
        long[] best = {Long.MAX_VALUE};
        TrainingListener li = new TrainingListener() {
            @Override public void onEpochEnd(EpochEvent e) {
                long now = bean.getCurrentThreadAllocatedBytes();
                if (e.epoch() > 1) best[0] = Math.min(best[0], (now - last[0]) / 16);
                last[0] = now;
                if (best[0] < 512) ctl.cancel();
            }
        };
        // 1000 examples, batch 64: 15 full batches and a partial one of 40 every epoch
        Trainer.fit(Sequential.mlp(30, new int[] {32, 16}, Activation.RELU, 4, 1), new Adam(),
                Losses.SPARSE_CATEGORICAL_CROSSENTROPY, ArrayExamples.blobs(1000, 30, 4, 1), TrainConfig.of(3000, 64, 1), li, ctl);
        // what remains is the listener's small event record
        assertThat(best[0]).isLessThan(512);
    }

    @Test
    void rejectsMismatchedData() {
        assertThatThrownBy(() -> Trainer.fit(Sequential.mlp(3, new int[] {}, Activation.RELU, 2, 1), new Sgd(),
                Losses.SPARSE_CATEGORICAL_CROSSENTROPY, ArrayExamples.blobs(10, 4, 2, 1), TrainConfig.of(1, 4, 1), null, null))
                .hasMessageContaining("4 inputs");
        assertThatThrownBy(() -> TrainConfig.of(0, 4, 1)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> TrainConfig.of(1, 4, 1).withValidationSplit(1.0)).hasMessageContaining("1.0");
    }

    @Test
    void evaluatorCountsAConfusionMatrix() {
        ArrayExamples data = ArrayExamples.blobs(90, 4, 3, 1);
        Sequential m = Sequential.mlp(4, new int[] {}, Activation.RELU, 3, 1);
        Evaluation e = Evaluator.evaluate(m, data);
        assertThat(e.count()).isEqualTo(90);
        int diag = 0;
        for (int c = 0; c < 3; c++) {
            int rowSum = 0;
            for (int v : e.confusion()[c]) rowSum += v;
            assertThat(rowSum).isEqualTo(30);
            diag += e.confusion()[c][c];
            assertThat(e.perClassAccuracy()[c]).isEqualTo(e.confusion()[c][c] / 30.0);
        }
        assertThat(e.accuracy()).isEqualTo(diag / 90.0);
        double expectedLoss = Losses.SPARSE_CATEGORICAL_CROSSENTROPY.loss(
                m.predict(new org.ejml.data.FMatrixRMaj(data.x)), data.y);
        assertThat(e.loss()).isCloseTo(expectedLoss, org.assertj.core.data.Offset.offset(1e-6));
    }
}
