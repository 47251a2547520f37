package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConvolutionTest {

    private static Conv2D conv(int filters, int k, Activation a, Shape in, long seed) {
        Conv2D c = new Conv2D(filters, k, a);
        c.build("conv2d", in, new SplittableRandom(seed));
        Random rnd = new Random(seed);
        float[] b = c.params().get(1).value().data;
        for (int i = 0; i < b.length; i++) b[i] = (float) rnd.nextGaussian() * 0.2f;
        return c;
    }

    @Test
    void convolutionMatchesADirectLoop() {
        Shape in = Shape.image(6, 5, 2);
        Conv2D c = conv(3, 3, Activation.LINEAR, in, 1);
        FMatrixRMaj x = GradCheck.random(2, in.size(), new Random(2), 1f);
        FMatrixRMaj out = c.forward(x, false);
        assertThat(c.outputShape()).isEqualTo(Shape.image(4, 3, 3));
        float[] k = c.params().get(0).value().data, bias = c.params().get(1).value().data;
        for (int b = 0; b < 2; b++) {
            for (int y = 0; y < 4; y++) {
                for (int xx = 0; xx < 3; xx++) {
                    for (int f = 0; f < 3; f++) {
                        double sum = bias[f];
                        for (int kh = 0; kh < 3; kh++) for (int kw = 0; kw < 3; kw++) for (int ch = 0; ch < 2; ch++) {
                            // kernel (kh, kw, ch, f), input (y+kh, x+kw, ch), channels last
                            sum += k[((kh * 3 + kw) * 2 + ch) * 3 + f] * x.get(b, ((y + kh) * 5 + xx + kw) * 2 + ch);
                        }
                        assertThat(out.get(b, (y * 3 + xx) * 3 + f)).isCloseTo((float) sum, offset(1e-5f));
                    }
                }
            }
        }
        FMatrixRMaj inferred = new FMatrixRMaj(2, out.numCols);
        c.infer(x, inferred, new FMatrixRMaj(1, 1));
        assertThat(inferred.data).containsExactly(java.util.Arrays.copyOf(out.data, 2 * out.numCols));
        assertThat(inferred.numRows).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "SIGMOID", "TANH", "LINEAR"})
    void convGradientsMatchFiniteDifferences(Activation a) {
        Shape in = Shape.image(5, 6, 2);
        Conv2D c = conv(3, 3, a, in, 3);
        Random rnd = new Random(4);
        FMatrixRMaj x = GradCheck.random(2, in.size(), rnd, 1f);
        FMatrixRMaj r = GradCheck.random(2, c.outputShape().size(), rnd, 1f);
        java.util.function.DoubleSupplier loss = () -> GradCheck.project(c.forward(x, true), r);
        c.forward(x, true);
        FMatrixRMaj dIn = c.backward(r).copy();
        Param k = c.params().get(0), b = c.params().get(1);
        float[] gk = k.grad().data.clone(), gb = b.grad().data.clone();
        GradCheck.check(a + " kernel", k.value().data, gk, k.size(), loss);
        GradCheck.check(a + " bias", b.value().data, gb, b.size(), loss);
        GradCheck.check(a + " input", x.data, dIn.data, x.getNumElements(), loss);
    }

    /**
     * Eight channels under a 3-wide kernel row (24 values) take the path that reads the images in
     * place and folds the input gradient as it goes: it too matches a direct loop and finite
     * differences, for each activation (relu and linear fuse bias and activation into the product).
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"RELU", "SIGMOID", "TANH", "LINEAR"})
    void theInPlacePathMatchesADirectLoopAndFiniteDifferences(Activation a) {
        Shape in = Shape.image(5, 6, 8);
        Conv2D c = conv(5, 3, a, in, 6);
        Random rnd = new Random(8);
        FMatrixRMaj x = GradCheck.random(3, in.size(), rnd, 1f);
        FMatrixRMaj out = c.forward(x, true).copy();
        float[] k = c.params().get(0).value().data, bias = c.params().get(1).value().data;
        for (int b = 0; b < 3; b++) {
            for (int y = 0; y < 3; y++) {
                for (int xx = 0; xx < 4; xx++) {
                    for (int f = 0; f < 5; f++) {
                        double sum = bias[f];
                        for (int kh = 0; kh < 3; kh++) for (int kw = 0; kw < 3; kw++) for (int ch = 0; ch < 8; ch++) {
                            sum += k[((kh * 3 + kw) * 8 + ch) * 5 + f] * x.get(b, ((y + kh) * 6 + xx + kw) * 8 + ch);
                        }
                        double expected = switch (a) {
                            case RELU -> Math.max(sum, 0);
                            case SIGMOID -> 1 / (1 + Math.exp(-sum));
                            case TANH -> Math.tanh(sum);
                            default -> sum;
                        };
                        assertThat(out.get(b, (y * 4 + xx) * 5 + f)).isCloseTo((float) expected, offset(1e-5f));
                    }
                }
            }
        }
        FMatrixRMaj r = GradCheck.random(3, c.outputShape().size(), rnd, 1f);
        java.util.function.DoubleSupplier loss = () -> GradCheck.project(c.forward(x, true), r);
        c.forward(x, true);
        FMatrixRMaj dIn = c.backward(r).copy();
        Param kp = c.params().get(0), bp = c.params().get(1);
        float[] gk = kp.grad().data.clone(), gb = bp.grad().data.clone();
        // relu's kink: 24 inputs to a unit put some sums near zero, where a wide step crosses it
        float eps = a == Activation.RELU ? 1e-3f : GradCheck.EPS;
        GradCheck.check(a + " kernel", kp.value().data, gk, kp.size(), loss, eps);
        GradCheck.check(a + " bias", bp.value().data, gb, bp.size(), loss, eps);
        GradCheck.check(a + " input", x.data, dIn.data, x.getNumElements(), loss, eps);
    }

    /** Keras/TensorFlow "same": (k - 1) / 2 zeros before, the rest after, output as large as the input. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 4, 5})
    void samePaddingMatchesADirectLoopOverAZeroPaddedImage(int k) {
        Shape in = Shape.image(6, 5, 2);
        Conv2D c = new Conv2D(3, k, Activation.LINEAR, Initializers.GLOROT, Conv2D.Padding.SAME);
        c.build("conv2d", in, new SplittableRandom(7));
        float[] bias = c.params().get(1).value().data;
        for (int i = 0; i < bias.length; i++) bias[i] = 0.1f * (i + 1);
        FMatrixRMaj x = GradCheck.random(2, in.size(), new Random(8), 1f);
        FMatrixRMaj out = c.forward(x, false);
        assertThat(c.outputShape()).isEqualTo(Shape.image(6, 5, 3));
        float[] kern = c.params().get(0).value().data;
        int pad = (k - 1) / 2;
        for (int b = 0; b < 2; b++) {
            for (int y = 0; y < 6; y++) {
                for (int xx = 0; xx < 5; xx++) {
                    for (int f = 0; f < 3; f++) {
                        double sum = bias[f];
                        for (int kh = 0; kh < k; kh++) for (int kw = 0; kw < k; kw++) for (int ch = 0; ch < 2; ch++) {
                            int iy = y + kh - pad, ix = xx + kw - pad;
                            if (iy < 0 || iy >= 6 || ix < 0 || ix >= 5) continue;
                            sum += kern[((kh * k + kw) * 2 + ch) * 3 + f] * x.get(b, (iy * 5 + ix) * 2 + ch);
                        }
                        assertThat(out.get(b, (y * 5 + xx) * 3 + f)).as("k=%d (%d,%d,%d)", k, y, xx, f).isCloseTo((float) sum, offset(1e-5f));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {2, 3})
    void samePaddingGradientsMatchFiniteDifferences(int k) {
        Shape in = Shape.image(5, 4, 2);
        Conv2D c = new Conv2D(3, k, Activation.TANH, Initializers.GLOROT, Conv2D.Padding.SAME);
        c.build("conv2d", in, new SplittableRandom(9));
        Random rnd = new Random(10);
        FMatrixRMaj x = GradCheck.random(2, in.size(), rnd, 1f);
        FMatrixRMaj r = GradCheck.random(2, c.outputShape().size(), rnd, 1f);
        java.util.function.DoubleSupplier loss = () -> GradCheck.project(c.forward(x, true), r);
        c.forward(x, true);
        FMatrixRMaj dIn = c.backward(r).copy();
        Param kp = c.params().get(0), bp = c.params().get(1);
        float[] gk = kp.grad().data.clone(), gb = bp.grad().data.clone();
        GradCheck.check("same kernel", kp.value().data, gk, kp.size(), loss);
        GradCheck.check("same bias", bp.value().data, gb, bp.size(), loss);
        GradCheck.check("same input", x.data, dIn.data, x.getNumElements(), loss);
    }

    @Test
    void paddingSurvivesTheModelFileConfig() {
        Layer copy = Layers.fromConfig(new Conv2D(4, 3, Activation.RELU, Initializers.HE, Conv2D.Padding.SAME).config());
        assertThat(((Conv2D) copy).padding()).isEqualTo(Conv2D.Padding.SAME);
        java.util.Map<String, Object> old = new java.util.HashMap<>(new Conv2D(4, 3, Activation.RELU).config());
        old.remove("padding");   // files written before padding existed
        assertThat(((Conv2D) Layers.fromConfig(old)).padding()).isEqualTo(Conv2D.Padding.VALID);
    }

    /**
     * Ties and many channels (two whole vectors and a tail of three): each window's gradient goes
     * to the first position, row by row, holding the maximum, as a direct loop routes it.
     */
    @Test
    void maxPoolRoutesEachGradientToTheFirstMaximumOnVectorAndTailChannels() {
        int ch = 35;
        MaxPool2D p = new MaxPool2D(2);
        Shape in = Shape.image(5, 6, ch);
        p.build("max_pooling2d", in, new SplittableRandom(1));
        Random rnd = new Random(12);
        FMatrixRMaj x = new FMatrixRMaj(3, in.size());
        for (int i = 0; i < x.data.length; i++) x.data[i] = rnd.nextInt(3); // 0, 1 or 2: ties in most windows
        p.forward(x, true);
        FMatrixRMaj r = GradCheck.random(3, p.outputShape().size(), rnd, 1f);
        FMatrixRMaj dIn = p.backward(r).copy();
        float[] expected = new float[x.data.length];
        for (int b = 0; b < 3; b++) for (int y = 0; y < 2; y++) for (int xx = 0; xx < 3; xx++) for (int c = 0; c < ch; c++) {
            int first = -1;
            float max = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < 4; k++) {
                int i = b * in.size() + ((2 * y + k / 2) * 6 + 2 * xx + k % 2) * ch + c;
                if (x.data[i] > max) {
                    max = x.data[i];
                    first = i;
                }
            }
            expected[first] = r.get(b, (y * 3 + xx) * ch + c);
        }
        assertThat(dIn.data).containsExactly(expected);
    }

    /**
     * In a network, a relu convolution followed by a pool takes its gradient already masked by the
     * pool (which sends nothing to a maximum that is not above zero) and skips its own relu pass:
     * the gradients are bit for bit those of the same two layers used on their own.
     */
    @Test
    void aReluConvolutionBeforeAPoolGetsTheSameGradientsFromThePoolsMask() {
        Shape in = Shape.image(9, 9, 8);
        Conv2D linked = new Conv2D(32, 3, Activation.RELU);
        MaxPool2D linkedPool = new MaxPool2D(2);
        new Sequential(in, List.of(linked, linkedPool, new Flatten(), new Dense(10, Activation.SOFTMAX)), 4);
        Conv2D alone = conv(32, 3, Activation.RELU, in, 4);
        MaxPool2D alonePool = new MaxPool2D(2);
        alonePool.build("max_pooling2d", alone.outputShape(), new SplittableRandom(1));
        for (int i = 0; i < 2; i++) {
            float[] v = linked.params().get(i).value().data;
            System.arraycopy(v, 0, alone.params().get(i).value().data, 0, v.length);
        }
        // a negative bias for half the filters: whole windows at zero, which the pool must mask
        float[] bias = alone.params().get(1).value().data;
        for (int f = 0; f < 32; f += 2) bias[f] = -2f;
        System.arraycopy(bias, 0, linked.params().get(1).value().data, 0, 32);
        Random rnd = new Random(13);
        FMatrixRMaj x = GradCheck.random(3, in.size(), rnd, 1f);
        FMatrixRMaj r = GradCheck.random(3, linkedPool.outputShape().size(), rnd, 1f);
        linkedPool.forward(linked.forward(x, true), true);
        FMatrixRMaj dLinked = linked.backward(linkedPool.backward(r, true), true).copy();
        alonePool.forward(alone.forward(x, true), true);
        FMatrixRMaj dAlone = alone.backward(alonePool.backward(r, true), true).copy();
        assertThat(dLinked.data).containsExactly(java.util.Arrays.copyOf(dAlone.data, dLinked.getNumElements()));
        for (int i = 0; i < 2; i++) {
            assertThat(linked.params().get(i).grad().data).as("parameter %d's gradient", i).containsExactly(alone.params().get(i).grad().data);
        }
        long masked = 0;
        FMatrixRMaj pooled = alonePool.forward(alone.forward(x, true), true);
        for (int i = 0; i < pooled.getNumElements(); i++) if (pooled.data[i] <= 0f) masked++;
        assertThat(masked).as("windows whose maximum is zero").isPositive();
    }

    /**
     * A relu convolution with few taps computes the 2x2 pool after it itself in a network
     * (nn.kernel.ConvPool): the pool's output and where its maxima were, the weight and bias
     * gradients, the input gradient (explaining a reading), and predictions are bit for bit those
     * of the two layers' own passes, on any number of threads; on a gray MNIST-sized image (blank
     * patches skipped) and on an odd-sized three-channel one (trailing row and column dropped).
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"28, 1", "11, 3"})
    void aConvolutionThatPoolsItsOwnOutputGivesTheSeparateLayersBits(int side, int channels) {
        int threadsBefore = Engine.threads();
        try {
            Shape in = Shape.image(side, side, channels);
            Random rnd = new Random(side);
            FMatrixRMaj x = GradCheck.random(5, in.size(), rnd, 1f);
            // blank regions, as on a drawing, and a few negative values
            for (int i = 0; i < x.getNumElements(); i++) if (rnd.nextInt(5) < 3) x.data[i] = 0f;
            FMatrixRMaj r = GradCheck.random(5, 10, rnd, 1f);
            Float[][] reference = null;
            for (int threads : new int[] {1, 2, 3, 16}) {
                Engine.setThreads(threads);
                Conv2D conv = new Conv2D(32, 3, Activation.RELU);
                MaxPool2D pool = new MaxPool2D(2);
                Dense dense = new Dense(10, Activation.SOFTMAX);
                Sequential m = new Sequential(in, List.of(conv, pool, new Flatten(), dense), 4);
                assertThat(conv.poolsInPlaceOf(pool)).isTrue();
                float[] bias = conv.params().get(1).value().data;
                for (int f = 0; f < 32; f += 3) bias[f] = -0.5f; // whole windows at zero, which backward must mask
                for (int f = 1; f < 32; f += 3) bias[f] = 0.1f;

                FMatrixRMaj fusedOut = m.forward(x, true).copy();
                float[] fusedPooled = pool.pooledOutput(5).data.clone(), fusedWhere = pool.maxima().data.clone();
                FMatrixRMaj fusedIn = m.backward(r, true, true).copy();
                float[][] fusedGrads = grads(m);
                m.backward(r, true, false);
                float[][] fusedGradsNoInput = grads(m);
                FMatrixRMaj predicted = m.predict(x);

                List<Layer> ls = m.layers();
                FMatrixRMaj a = x;
                for (Layer l : ls) a = l.forward(a, true);
                FMatrixRMaj separateOut = a.copy();
                float[] separatePooled = pool.pooledOutput(5).data.clone(), separateWhere = pool.maxima().data.clone();
                FMatrixRMaj g = dense.backwardFromLogits(r, true);
                for (int i = ls.size() - 2; i >= 0; i--) g = ls.get(i).backward(g, true);
                float[][] separateGrads = grads(m);

                assertThat(fusedPooled).as("pooled output").containsExactly(separatePooled);
                assertThat(fusedWhere).as("where the maxima were").containsExactly(separateWhere);
                assertThat(fusedOut.data).as("network output").containsExactly(separateOut.data);
                assertThat(fusedIn.data).as("input gradient").containsExactly(java.util.Arrays.copyOf(g.data, fusedIn.getNumElements()));
                for (int i = 0; i < separateGrads.length; i++) {
                    assertThat(fusedGrads[i]).as("parameter %d's gradient", i).containsExactly(separateGrads[i]);
                    assertThat(fusedGradsNoInput[i]).as("parameter %d's gradient, no input gradient", i).containsExactly(separateGrads[i]);
                }
                for (int b = 0; b < 5; b++) {
                    float[] row = java.util.Arrays.copyOfRange(x.data, b * in.size(), (b + 1) * in.size());
                    List<float[]> acts = m.activations(row);
                    assertThat(java.util.Arrays.copyOfRange(predicted.data, b * 10, b * 10 + 10)).as("prediction %d", b)
                            .containsExactly(acts.get(acts.size() - 1));
                }
                long masked = 0;
                for (float w : fusedWhere) if (w < 0) masked++;
                assertThat(masked).as("windows whose maximum is not above zero").isPositive();
                Float[][] now = {box(fusedOut.data), box(fusedIn.data), box(fusedGrads[0]), box(fusedGrads[1])};
                if (reference == null) {
                    reference = now;
                } else {
                    for (int i = 0; i < now.length; i++) assertThat(now[i]).as("%d threads, array %d", threads, i).containsExactly(reference[i]);
                }
            }
        } finally {
            Engine.setThreads(threadsBefore);
        }
    }

    private static float[][] grads(Sequential m) {
        float[][] out = new float[m.params().size()][];
        for (int i = 0; i < out.length; i++) out[i] = m.params().get(i).grad().data.clone();
        return out;
    }

    private static Float[] box(float[] v) {
        Float[] b = new Float[v.length];
        for (int i = 0; i < v.length; i++) b[i] = v[i];
        return b;
    }

    @Test
    void maxPoolPicksWindowMaximaDropsTheOddEdgeAndRoutesGradients() {
        MaxPool2D p = new MaxPool2D(2);
        Shape in = Shape.image(5, 4, 3);
        assertThat(p.build("max_pooling2d", in, new SplittableRandom(1))).isEqualTo(Shape.image(2, 2, 3));
        Random rnd = new Random(5);
        // distinct values 0.05 apart, so a finite-difference step never swaps a window's maximum
        FMatrixRMaj x = new FMatrixRMaj(2, in.size());
        List<Integer> ranks = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 120).boxed().toList());
        java.util.Collections.shuffle(ranks, rnd);
        for (int i = 0; i < 120; i++) x.data[i] = ranks.get(i) * 0.05f - 3f;
        FMatrixRMaj out = p.forward(x, true);
        for (int b = 0; b < 2; b++) for (int y = 0; y < 2; y++) for (int xx = 0; xx < 2; xx++) for (int ch = 0; ch < 3; ch++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int py = 0; py < 2; py++) for (int px = 0; px < 2; px++) {
                max = Math.max(max, x.get(b, ((2 * y + py) * 4 + 2 * xx + px) * 3 + ch));
            }
            assertThat(out.get(b, (y * 2 + xx) * 3 + ch)).isEqualTo(max);
        }
        FMatrixRMaj r = GradCheck.random(2, 12, rnd, 1f);
        FMatrixRMaj dIn = p.backward(r).copy();
        GradCheck.check("pool input", x.data, dIn.data, x.getNumElements(), () -> GradCheck.project(p.forward(x, true), r));
    }

    @Test
    void smallCnnGradientsMatchFiniteDifferencesEndToEnd() {
        Sequential m = new Sequential(Shape.image(7, 7, 1), List.of(new Conv2D(2, 3, Activation.TANH), new MaxPool2D(2),
                new Conv2D(3, 2, Activation.SIGMOID), new Flatten(), new Dense(4, Activation.TANH), new Dense(3, Activation.SOFTMAX)), 2);
        Random rnd = new Random(6);
        FMatrixRMaj x = GradCheck.random(3, 49, rnd, 1f);
        int[] labels = {2, 0, 1};
        Loss loss = Losses.SPARSE_CATEGORICAL_CROSSENTROPY;
        FMatrixRMaj g = new FMatrixRMaj(3, 3);
        loss.lossAndGradient(m.forward(x, true), labels, g, true);
        m.backward(g, true);
        for (Param p : m.params()) {
            float[] analytical = p.grad().data.clone();
            GradCheck.check(p.name(), p.value().data, analytical, p.size(), () -> loss.loss(m.forward(x, true), labels), 1e-3f);
        }
    }

    /** 8x8 images holding one horizontal (class 0) or vertical (class 1) bar somewhere. */
    private static ArrayExamples bars(int n, long seed) {
        Random rnd = new Random(seed);
        float[][] x = new float[n][64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            int pos = rnd.nextInt(8), from = rnd.nextInt(3), len = 4 + rnd.nextInt(2);
            for (int t = from; t < from + len; t++) x[i][y[i] == 0 ? pos * 8 + t : t * 8 + pos] = 1f;
            for (int p = 0; p < 64; p++) x[i][p] += (float) rnd.nextGaussian() * 0.05f;
        }
        return new ArrayExamples(x, y);
    }

    @Test
    void aCnnLearnsBarOrientation() {
        Sequential m = Architectures.build("conv4,pool,8", 64, Activation.RELU, 2, 1);
        ArrayExamples train = bars(400, 1), test = bars(200, 2);
        Trainer.fit(m, new Adam(0.01, 0.9, 0.999, 1e-7, 0), Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train,
                TrainConfig.of(15, 16, 1), null, null);
        assertThat(Evaluator.evaluate(m, test).accuracy()).isEqualTo(1.0);
    }

    @Test
    void summaryAndCountsMatchKerasForTheMnistCnn() {
        Sequential m = Architectures.build("cnn", 784, Activation.RELU, 10, 1);
        assertThat(m.inputShape()).isEqualTo(Shape.image(28, 28, 1));
        assertThat(m.layers()).extracting(Layer::name).containsExactly(
                "conv2d", "max_pooling2d", "conv2d_1", "max_pooling2d_1", "flatten", "dense", "dense_1");
        assertThat(m.summary()).contains("conv2d (Conv2D)").contains("(None, 26, 26, 32)").contains("320")
                .contains("(None, 5, 5, 64)").contains("flatten (Flatten)").contains("(None, 1600)")
                .contains("Total params: 225,034");
        assertThat(m.predict(new float[784])).hasSize(10);
    }

    @Test
    void cnnModelFilesRoundTripAndCopiesPredictTheSame() throws Exception {
        Sequential m = Architectures.build("conv3x5,pool,6", 144, Activation.TANH, 4, 3);
        byte[] bytes = ModelFile.toBytes(SavedModel.of("cnn", m));
        SavedModel back = ModelFile.load(new ByteArrayInputStream(bytes), "cnn.inkling");
        float[] x = new float[144];
        for (int i = 0; i < 144; i++) x[i] = (i % 7) / 7f;
        assertThat(back.network().predict(x)).containsExactly(m.predict(x));
        assertThat(m.copy().predict(x)).containsExactly(m.predict(x));
        assertThat(back.network().params().get(0).shape()).containsExactly(5, 5, 1, 3);
    }

    @Test
    void architectureStringsParseAndBadOnesSayWhy() {
        assertThat(Architectures.parse("512, 512", Activation.RELU, 10)).extracting(Layer::typeName)
                .containsExactly("Dense", "Dense", "Dense");
        assertThat(Architectures.parse("", Activation.RELU, 10)).hasSize(1);
        assertThat(Architectures.parse("conv8x5,pool3", Activation.RELU, 10)).extracting(Layer::typeName)
                .containsExactly("Conv2D", "MaxPooling2D", "Flatten", "Dense");
        assertThat(Architectures.build("512", 784, Activation.RELU, 10, 1).parameterCount()).isEqualTo(407_050);
        assertThatThrownBy(() -> Architectures.parse("512,conv8", Activation.RELU, 10)).hasMessageContaining("'conv8' cannot follow");
        assertThatThrownBy(() -> Architectures.parse("512,,10", Activation.RELU, 10)).hasMessageContaining("cannot read ''");
        assertThatThrownBy(() -> Architectures.parse("dense512", Activation.RELU, 10)).hasMessageContaining("'dense512'");
        assertThatThrownBy(() -> Architectures.build("conv8", 783, Activation.RELU, 10, 1)).hasMessageContaining("square");
        assertThatThrownBy(() -> Architectures.build("conv8x30", 784, Activation.RELU, 10, 1)).hasMessageContaining("does not fit");
        assertThat(Architectures.hasImageLayers("CNN")).isTrue();
        assertThat(Architectures.hasImageLayers("conv8,pool,32")).isTrue();
        assertThat(Architectures.hasImageLayers("512, 512")).isFalse();
        assertThat(Architectures.hasImageLayers("")).isFalse();
    }
}
