package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;

class SequentialTest {

    @Test
    void summaryListsLayersShapesAndCountsLikeKeras() {
        Sequential m = Sequential.mlp(784, new int[] {512}, Activation.RELU, 10, 1);
        assertThat(m.parameterCount()).isEqualTo(784 * 512 + 512 + 512 * 10 + 10);
        String s = m.summary();
        assertThat(s).contains("dense (Dense)").contains("dense_1 (Dense)").contains("(None, 512)")
                .contains("(None, 10)").contains("401920").contains("5130").contains("Total params: 407,050");
        assertThat(m.params()).extracting(Param::name)
                .containsExactly("dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias");
    }

    @Test
    void predictGivesProbabilitiesMatchingTheTrainingForwardPass() {
        Sequential m = Sequential.mlp(20, new int[] {16, 8}, Activation.TANH, 4, 3);
        FMatrixRMaj batch = GradCheck.random(1100, 20, new Random(1), 1f);
        FMatrixRMaj probs = m.predict(batch);
        FMatrixRMaj forward = m.forward(batch, false);
        for (int r = 0; r < batch.numRows; r += 37) {
            float[] x = java.util.Arrays.copyOfRange(batch.data, r * 20, r * 20 + 20);
            float[] p = m.predict(x);
            double sum = 0;
            for (int c = 0; c < 4; c++) {
                assertThat(p[c]).isCloseTo(probs.get(r, c), offset(1e-5f));
                assertThat(p[c]).isCloseTo(forward.get(r, c), offset(1e-5f));
                sum += p[c];
            }
            assertThat(sum).isCloseTo(1.0, offset(1e-5));
        }
    }

    @Test
    void predictionFromManyThreadsAtOnceAgreesWithOneThread() throws Exception {
        Sequential m = Sequential.mlp(64, new int[] {32}, Activation.RELU, 10, 5);
        Random rnd = new Random(2);
        float[][] xs = new float[50][64];
        for (float[] x : xs) for (int i = 0; i < 64; i++) x[i] = rnd.nextFloat();
        float[][] expected = new float[50][];
        for (int i = 0; i < 50; i++) expected[i] = m.predict(xs[i]);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> fs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> {
                    float[] out = new float[10];
                    for (int rep = 0; rep < 200; rep++) {
                        for (int i = 0; i < 50; i++) {
                            m.predict(xs[i], out);
                            if (!java.util.Arrays.equals(out, expected[i])) return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : fs) assertThat(f.get()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The convolutional network's passes (im2col, max-pool) split over the engine's threads; their
     * operands must belong to the call, not the layer, or two threads predicting at once (the live
     * bars during an evaluation) read each other's images. Each thread predicts its own MNIST
     * digits, one at a time and in batches big enough to split, and must get the sequential bits.
     */
    @Test
    void cnnPredictionFromManyThreadsAtOnceAgreesWithOneThread() throws Exception {
        int threadsBefore = Engine.threads();
        Engine.setThreads(2);
        int callers = 4, perCaller = 12;
        MnistIdx data = MnistIdx.read("t10k", callers * perCaller);
        Sequential m = Architectures.build(Architectures.CNN, 784, Activation.RELU, 10, 11);
        float[][] xs = new float[callers * perCaller][784];
        for (int i = 0; i < xs.length; i++) data.copyInput(i, xs[i], 0);
        float[][] expected = new float[xs.length][];
        for (int i = 0; i < xs.length; i++) expected[i] = m.predict(xs[i]);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> fs = new java.util.ArrayList<>();
            for (int t = 0; t < callers; t++) {
                int first = t * perCaller;
                fs.add(pool.submit(() -> {
                    FMatrixRMaj batch = new FMatrixRMaj(perCaller, 784);
                    for (int i = 0; i < perCaller; i++) System.arraycopy(xs[first + i], 0, batch.data, i * 784, 784);
                    float[] out = new float[10];
                    for (int rep = 0; rep < 40; rep++) {
                        for (int i = first; i < first + perCaller; i++) {
                            m.predict(xs[i], out);
                            if (!java.util.Arrays.equals(out, expected[i])) return "image " + i + " alone, repetition " + rep;
                        }
                        FMatrixRMaj y = m.predict(batch);
                        for (int i = 0; i < perCaller; i++) {
                            float[] row = java.util.Arrays.copyOfRange(y.data, i * 10, i * 10 + 10);
                            if (!java.util.Arrays.equals(row, expected[first + i])) return "image " + (first + i) + " in a batch, repetition " + rep;
                        }
                    }
                    return "same bits";
                }));
            }
            for (Future<String> f : fs) assertThat(f.get()).isEqualTo("same bits");
        } finally {
            pool.shutdownNow();
            Engine.setThreads(threadsBefore);
        }
    }

    @Test
    void copyIsIndependentAndCopyWeightsFromSynchronises() {
        Sequential a = Sequential.mlp(6, new int[] {5}, Activation.RELU, 3, 1);
        Sequential b = a.copy();
        float[] x = {1, 2, 3, 4, 5, 6};
        assertThat(b.predict(x)).containsExactly(a.predict(x));
        a.params().get(0).value().data[0] += 1f;
        a.params().get(1).value().data[0] += 1f;
        assertThat(b.params().get(0).value().data[0]).isNotEqualTo(a.params().get(0).value().data[0]);
        b.copyWeightsFrom(a);
        assertThat(b.predict(x)).containsExactly(a.predict(x));
        Sequential other = Sequential.mlp(6, new int[] {4}, Activation.RELU, 3, 1);
        assertThatThrownBy(() -> other.copyWeightsFrom(a)).hasMessageContaining("dense/kernel");
    }

    @Test
    void twoHiddenLayerNetworkGradientsMatchFiniteDifferencesEndToEnd() {
        Sequential m = Sequential.mlp(5, new int[] {6, 4}, Activation.TANH, 3, 7);
        Random rnd = new Random(3);
        for (Param p : m.params()) {
            if (p.name().endsWith("bias")) for (int i = 0; i < p.size(); i++) p.value().data[i] = (float) rnd.nextGaussian() * 0.2f;
        }
        FMatrixRMaj x = GradCheck.random(4, 5, rnd, 1f);
        int[] labels = {0, 2, 1, 2};
        Loss loss = Losses.SPARSE_CATEGORICAL_CROSSENTROPY;
        FMatrixRMaj out = m.forward(x, true);
        FMatrixRMaj g = new FMatrixRMaj(4, 3);
        loss.lossAndGradient(out, labels, g, true);
        m.backward(g, true);
        for (Param p : m.params()) {
            float[] analytical = p.grad().data.clone();
            GradCheck.check(p.name(), p.value().data, analytical, p.size(), () -> loss.loss(m.forward(x, true), labels));
        }
        // the same through the unfused path (softmax Jacobian, then d/dp of the clipped log)
        m.forward(x, true);
        loss.lossAndGradient(m.forward(x, true), labels, g, false);
        m.backward(g, false);
        float[] unfused = m.params().get(0).grad().data.clone();
        loss.lossAndGradient(m.forward(x, true), labels, g, true);
        m.backward(g, true);
        for (int i = 0; i < unfused.length; i++) {
            assertThat(unfused[i]).isCloseTo(m.params().get(0).grad().data[i], offset(1e-5f));
        }
    }

    @Test
    void rejectsWrongInputLengths() {
        Sequential m = Sequential.mlp(4, new int[] {}, Activation.RELU, 2, 1);
        assertThatThrownBy(() -> m.predict(new float[3])).hasMessageContaining("expected 4").hasMessageContaining("got 3");
        assertThatThrownBy(() -> m.predict(new FMatrixRMaj(2, 5))).hasMessageContaining("got 5");
    }
}
