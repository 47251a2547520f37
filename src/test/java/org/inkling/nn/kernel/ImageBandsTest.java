package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The weight gradient of square images with 2×4 panels: every row covered once, the chain's bits on any thread count. */
class ImageBandsTest {
    private final int threadsBefore = VectorGemm.maxThreads();

    @AfterEach
    void restoreThreads() {
        VectorGemm.setMaxThreads(threadsBefore);
    }

    @Test
    void onlySquaresWithASideOfFoursAreTakenForImages() {
        assertThat(ImageBands.side(784)).isEqualTo(28);
        assertThat(ImageBands.side(64)).isEqualTo(8);
        assertThat(ImageBands.side(36)).as("side 6 is not a multiple of four").isZero();
        assertThat(ImageBands.side(16)).as("side 4 is too small").isZero();
        assertThat(ImageBands.side(785)).isZero();
        assertThat(ImageBands.side(512)).isZero();
    }

    @Test
    void thePanelsCoverEveryRowOnce() {
        for (int side : new int[] {8, 12, 28}) {
            int m = side * side;
            int[] seen = new int[m];
            for (int ir = 0; ir < m; ir += MicroKernel.MR) {
                int r0 = ImageBands.firstRow(ir, side);
                assertThat(r0 % side).as("a panel does not cross the image's edge").isLessThanOrEqualTo(side - 4);
                for (int r = 0; r < 4; r++) {
                    seen[r0 + r]++;
                    seen[r0 + side + r]++;
                }
            }
            assertThat(seen).as("side %d", side).containsOnly(1);
        }
    }

    @Test
    void imageWeightGradientsGiveTheChainsBitsOnAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(23);
        // the first layer's Xᵀ·dZ; edge tiles (n 100); two depth blocks (k 700); a small image (side 8)
        int[][] shapes = {{28, 512, 128}, {28, 100, 128}, {28, 64, 700}, {8, 96, 40}};
        for (int[] s : shapes) {
            int side = s[0], m = side * side, n = s[1], k = s[2];
            float[] x = blankFramedImages(rng, k, side);
            float[] dz = VectorGemmTest.sparse(rng, k * n, 0.5);
            float[] chain = VectorGemmTest.fmaChain(VectorGemmTest.Op.TRANS_A, m, n, k, x, dz);
            for (int threads : VectorGemmTest.THREAD_COUNTS) {
                VectorGemm.setMaxThreads(threads);
                float[] c = new float[m * n];
                Arrays.fill(c, Float.NaN);
                VectorGemm.multTransA(m, n, k, x, dz, c);
                assertThat(c).as("%d² x %d x %d on %d threads", side, n, k, threads).isEqualTo(chain);
            }
        }
    }

    /** A dense A of an image's shape (a relu layer's 40² features) is not taken for images; the bits are the chain's either way. */
    @Test
    void denseInputsOfAnImagesShapeKeepTheBits() {
        SplittableRandom rng = new SplittableRandom(29);
        int m = 784, n = 256, k = 128;
        float[] x = VectorGemmTest.random(rng, k * m);
        float[] dz = VectorGemmTest.random(rng, k * n);
        float[] chain = VectorGemmTest.fmaChain(VectorGemmTest.Op.TRANS_A, m, n, k, x, dz);
        for (int threads : new int[] {1, 2, 16}) {
            VectorGemm.setMaxThreads(threads);
            float[] c = new float[m * n];
            VectorGemm.multTransA(m, n, k, x, dz, c);
            assertThat(c).as("%d threads", threads).isEqualTo(chain);
        }
    }

    @Test
    void signedZerosAreSkippedAndNaNInAnImageReachesItsPixelsRow() {
        int side = 8, m = side * side, n = 64, k = 20;
        float[] x = new float[k * m];
        for (int i = 0; i < x.length; i++) x[i] = i % 3 == 0 ? -0f : 0f;
        x[5 * m + 9] = 0.5f;                    // pixel 9 in image 5: its 2×4 block keeps that step only
        x[7 * m + 20] = Float.NaN;              // pixel 20 in image 7
        x[19 * m + 63] = Float.POSITIVE_INFINITY;
        float[] dz = VectorGemmTest.random(new SplittableRandom(31), k * n);
        float[] c = new float[m * n];
        Arrays.fill(c, 7f);
        VectorGemm.multTransA(m, n, k, x, dz, c);
        assertThat(c).isEqualTo(VectorGemmTest.fmaChain(VectorGemmTest.Op.TRANS_A, m, n, k, x, dz));
        assertThat(c[20 * n]).isNaN();
        assertThat(Float.floatToRawIntBits(c[0])).as("a blank pixel's row is +0, not -0").isZero();
    }

    /** k images side×side, blank but for a few strokes inside a frame of four pixels, as MNIST digits are. */
    private static float[] blankFramedImages(SplittableRandom rng, int k, int side) {
        float[] x = new float[k * side * side];
        int lo = side / 7, hi = side - side / 7;
        for (int p = 0; p < k; p++) {
            for (int dot = 0; dot < side * 2; dot++) {
                int r = lo + rng.nextInt(hi - lo), col = lo + rng.nextInt(hi - lo);
                x[p * side * side + r * side + col] = (float) rng.nextDouble();
            }
            if (p % 5 == 0) x[p * side * side + side / 2] = -0f;
        }
        return x;
    }
}
