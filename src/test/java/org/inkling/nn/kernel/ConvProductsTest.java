package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The convolution's products read from the images give exactly the bits of the explicit path
 * (im2col written out, the packed products on it, col2im after), whole, split into parts run in
 * any order, and on 1 to 16 threads: for the MNIST network's second convolution, shapes whose
 * tiles wrap across image rows and images, edge tiles, a depth over two blocks, filters that are
 * not a multiple of a panel, and relu outputs with blank steps and output pixels without a gradient.
 */
class ConvProductsTest {
    private final int threadsBefore = VectorGemm.maxThreads();

    @AfterEach
    void restoreThreads() {
        VectorGemm.setMaxThreads(threadsBefore);
    }

    /** {h, w, c, kernel, filters, batch} */
    private static final int[][] SHAPES = {
        {13, 13, 32, 3, 64, 9},   // the MNIST network's second convolution (121 pixels: groups of 8 images)
        {13, 13, 32, 3, 64, 128}, // ... at the training batch
        {6, 7, 8, 3, 40, 3},      // 20 pixels: tiles wrap rows and images; 40 filters: a part panel
        {5, 5, 64, 3, 24, 2},     // 576 taps: two blocks of depth; fewer filters than a panel
        {4, 4, 16, 1, 33, 1},     // 1x1 kernel, 16 pixels; 33 filters
        {3, 3, 8, 3, 8, 5},       // one output pixel an image: fewer rows than a tile for small batches
        {9, 4, 8, 2, 70, 4},      // even kernel, 70 filters over three panels
    };

    @Test
    void theThreeProductsGiveTheExplicitPathsBitsWholeSplitAndOnAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(5);
        int splitPlans = 0;
        for (int[] sh : SHAPES) {
            ConvShape s = new ConvShape(sh[0], sh[1], sh[2], sh[3]);
            int filters = sh[4], batch = sh[5];
            assertThat(s.readsImagesInPlace()).isTrue();
            int rows = batch * s.pixels;
            // relu-like inputs: a third of the values zero, as after a pooled relu layer
            float[] images = sparse(rng, batch * s.imageSize, 0.66);
            float[] weights = random(rng, s.taps * filters);
            float[] bias = random(rng, filters);
            float[] dz = sparse(rng, rows * filters, 0.5);
            // whole pixels without a gradient, as a max-pool after the convolution leaves them
            // (the weight gradient skips them): every third row, and a run of rows
            for (int r = 0; r < rows; r++) {
                if (r % 3 == 1 || (r >= rows / 2 && r < rows / 2 + 11)) Arrays.fill(dz, r * filters, (r + 1) * filters, 0f);
            }

            float[] cols = im2col(s, batch, images);
            float[] expectOut = new float[rows * filters];
            VectorGemm.multBiasActivate(rows, filters, s.taps, cols, weights, expectOut, bias, true);
            float[] expectLinear = new float[rows * filters];
            VectorGemm.mult(rows, filters, s.taps, cols, weights, expectLinear);
            float[] expectDw = new float[s.taps * filters];
            VectorGemm.multTransA(s.taps, filters, rows, cols, dz, expectDw);
            float[] dCols = new float[rows * s.taps];
            VectorGemm.multTransB(rows, s.taps, filters, dz, weights, dCols);
            float[] expectDin = col2im(s, batch, dCols);

            String what = Arrays.toString(sh);
            for (int threads : VectorGemmTest.THREAD_COUNTS) {
                VectorGemm.setMaxThreads(threads);
                float[] out = filled(rows * filters);
                ConvProducts.forward(s, batch, filters, images, weights, bias, true, out);
                assertThat(out).as("forward %s on %d threads", what, threads).isEqualTo(expectOut);
                float[] linear = filled(rows * filters);
                ConvProducts.forward(s, batch, filters, images, weights, null, false, linear);
                assertThat(linear).as("forward without bias %s", what).isEqualTo(expectLinear);
                float[] dw = filled(s.taps * filters);
                ConvProducts.weightGradient(s, batch, filters, images, dz, dw);
                assertThat(dw).as("weight gradient %s on %d threads", what, threads).isEqualTo(expectDw);
                float[] din = filled(batch * s.imageSize);
                ConvProducts.inputGradient(s, batch, filters, dz, weights, din);
                assertThat(din).as("input gradient %s on %d threads", what, threads).isEqualTo(expectDin);
            }

            // every plan, its parts run one after the other in reverse order
            ConvJob job = new ConvJob();
            for (ConvJob.Kind kind : ConvJob.Kind.values()) {
                float[] a = kind == ConvJob.Kind.INPUT_GRADIENT ? dz : images;
                float[] b = kind == ConvJob.Kind.WEIGHT_GRADIENT ? dz : weights;
                float[] expected = switch (kind) {
                    case FORWARD -> expectOut;
                    case WEIGHT_GRADIENT -> expectDw;
                    case INPUT_GRADIENT -> expectDin;
                };
                for (int threads : VectorGemmTest.THREAD_COUNTS) {
                    float[] c = filled(expected.length);
                    job.set(kind, s, batch, filters, a, b, c, kind == ConvJob.Kind.FORWARD ? bias : null, true);
                    int parts = job.planSplit(threads);
                    if (parts < 2) {
                        continue;
                    }
                    splitPlans++;
                    assertThat(parts).isLessThanOrEqualTo(threads);
                    if (kind == ConvJob.Kind.INPUT_GRADIENT) {
                        for (int p = 1; p < parts; p++) {
                            assertThat(job.partStart(p) * s.pixels % MicroKernel.MR).as("an image part starts a tile").isZero();
                        }
                    }
                    for (int part = parts - 1; part >= 0; part--) {
                        assertThat(job.partStart(part)).isLessThan(job.partStart(part + 1));
                        job.runPart(part, Workspace.get());
                    }
                    assertThat(c).as("%s %s in %d parts", kind, what, parts).isEqualTo(expected);
                }
            }
        }
        assertThat(splitPlans).isGreaterThanOrEqualTo(30);
    }

    @Test
    void shapesWhoseKernelRowIsNotWholeTilesAreRefused() {
        ConvShape gray = new ConvShape(28, 28, 1, 3);
        assertThat(gray.readsImagesInPlace()).isFalse();
        assertThatThrownBy(() -> ConvProducts.forward(gray, 1, 32, new float[784], new float[9 * 32], null, false, new float[676 * 32]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explicit im2col");
        ConvShape s = new ConvShape(13, 13, 32, 3);
        assertThatThrownBy(() -> ConvProducts.forward(s, 2, 64, new float[13 * 13 * 32], new float[288 * 64], null, false, new float[242 * 64]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> new ConvShape(2, 5, 8, 3)).isInstanceOf(IllegalArgumentException.class);
    }

    static float[] im2col(ConvShape s, int batch, float[] images) {
        float[] cols = new float[batch * s.pixels * s.taps];
        int row = 0;
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < s.oh; y++) {
                for (int x = 0; x < s.ow; x++, row++) {
                    for (int kh = 0; kh < s.kernel; kh++) {
                        for (int kw = 0; kw < s.kernel; kw++) {
                            for (int ch = 0; ch < s.c; ch++) {
                                cols[row * s.taps + (kh * s.kernel + kw) * s.c + ch] = images[b * s.imageSize + ((y + kh) * s.w + x + kw) * s.c + ch];
                            }
                        }
                    }
                }
            }
        }
        return cols;
    }

    /** The adjoint of im2col, adding rows in increasing order as Conv2D's col2im does. */
    static float[] col2im(ConvShape s, int batch, float[] cols) {
        float[] d = new float[batch * s.imageSize];
        int row = 0;
        for (int b = 0; b < batch; b++) {
            for (int y = 0; y < s.oh; y++) {
                for (int x = 0; x < s.ow; x++, row++) {
                    for (int kh = 0; kh < s.kernel; kh++) {
                        for (int kw = 0; kw < s.kernel; kw++) {
                            for (int ch = 0; ch < s.c; ch++) {
                                d[b * s.imageSize + ((y + kh) * s.w + x + kw) * s.c + ch] += cols[row * s.taps + (kh * s.kernel + kw) * s.c + ch];
                            }
                        }
                    }
                }
            }
        }
        return d;
    }

    private static float[] filled(int n) {
        float[] f = new float[n];
        Arrays.fill(f, Float.NaN);
        return f;
    }

    private static float[] random(SplittableRandom rng, int n) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = (float) (rng.nextDouble() * 2 - 1);
        return f;
    }

    private static float[] sparse(SplittableRandom rng, int n, double density) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) f[i] = rng.nextDouble() < density ? (float) (rng.nextDouble() * 2 - 1) : 0f;
        return f;
    }
}
