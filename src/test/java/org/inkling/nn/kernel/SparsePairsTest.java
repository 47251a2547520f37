package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two-row path for mostly blank A: the bits of the FMA chain, on any split and thread count. */
class SparsePairsTest {
    private final int threadsBefore = VectorGemm.maxThreads();

    @AfterEach
    void restoreThreads() {
        VectorGemm.setMaxThreads(threadsBefore);
    }

    @Test
    void blankInputsTakeThePathAndDenseOnesDoNot() {
        SplittableRandom rng = new SplittableRandom(5);
        assertThat(SparsePairs.sparseEnough(VectorGemmTest.sparse(rng, 128 * 784, 0.19), 128 * 784)).isTrue();
        assertThat(SparsePairs.sparseEnough(VectorGemmTest.sparse(rng, 128 * 512, 0.5), 128 * 512)).isFalse();
        assertThat(SparsePairs.fits(false, false, 128, 512)).isTrue();
        assertThat(SparsePairs.fits(true, false, 784, 512)).as("a transposed A stays packed").isFalse();
        assertThat(SparsePairs.fits(false, false, 128, SparsePairs.NB - 1)).as("narrower than a block").isFalse();
    }

    @Test
    void everyShapeGivesTheChainsBitsWithBiasAndReluOnAnyThreadCount() {
        SplittableRandom rng = new SplittableRandom(11);
        // the first layer; odd rows (a row paired with itself); a partial column block (n 200, 513);
        // depths that end inside a block of steps and inside a vector of steps (31, 100, 785)
        int[][] shapes = {{128, 512, 784}, {129, 513, 31}, {7, 200, 100}, {3, 128, 785}, {2, 256, 16}, {64, 384, 1}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = VectorGemmTest.sparse(rng, m * k, 0.15);
            float[] b = VectorGemmTest.random(rng, k * n);
            float[] bias = VectorGemmTest.random(rng, n);
            assertThat(SparsePairs.sparseEnough(a, m * k)).as("%dx%dx%d takes the path", m, n, k).isTrue();
            float[] chain = VectorGemmTest.fmaChain(VectorGemmTest.Op.MULT, m, n, k, a, b);
            float[] activated = chain.clone();
            for (int i = 0; i < activated.length; i++) activated[i] = Math.max(activated[i] + bias[i % n], 0f);
            for (int threads : VectorGemmTest.THREAD_COUNTS) {
                VectorGemm.setMaxThreads(threads);
                float[] c = new float[m * n];
                Arrays.fill(c, Float.NaN);
                VectorGemm.mult(m, n, k, a, b, c);
                assertThat(c).as("%dx%dx%d on %d threads", m, n, k, threads).isEqualTo(chain);
                Arrays.fill(c, Float.NaN);
                VectorGemm.multBiasActivate(m, n, k, a, b, c, bias, true);
                assertThat(c).as("%dx%dx%d with bias and relu on %d threads", m, n, k, threads).isEqualTo(activated);
            }
        }
    }

    @Test
    void anyBlockOfCComesOutAsTheWholeProductsBlock() {
        // the parts a split hands out: rows from any even or odd start, columns from any vector
        SplittableRandom rng = new SplittableRandom(13);
        int m = 21, n = 300, k = 150;
        float[] a = VectorGemmTest.sparse(rng, m * k, 0.2);
        float[] b = VectorGemmTest.random(rng, k * n);
        float[] chain = VectorGemmTest.fmaChain(VectorGemmTest.Op.MULT, m, n, k, a, b);
        int[][] blocks = {{0, 21, 0, 300}, {3, 10, 32, 160}, {5, 6, 0, 300}, {20, 21, 288, 300}, {0, 2, 128, 256}};
        for (int[] blk : blocks) {
            float[] c = new float[m * n];
            Arrays.fill(c, Float.NaN);
            SparsePairs.run(a, b, c, n, k, blk[0], blk[1], blk[2], blk[3], null, false, new Workspace());
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    boolean inside = i >= blk[0] && i < blk[1] && j >= blk[2] && j < blk[3];
                    if (inside) {
                        assertThat(c[i * n + j]).as("(%d, %d) in %s", i, j, Arrays.toString(blk)).isEqualTo(chain[i * n + j]);
                    } else {
                        assertThat(c[i * n + j]).as("(%d, %d) outside %s is left alone", i, j, Arrays.toString(blk)).isNaN();
                    }
                }
            }
        }
    }

    @Test
    void signedZerosAreSkippedAndNaNOrInfinityInAIsNot() {
        SplittableRandom rng = new SplittableRandom(17);
        int m = 6, n = 128, k = 70;
        float[] a = new float[m * k];
        for (int i = 0; i < a.length; i++) a[i] = i % 3 == 0 ? -0f : 0f;
        a[1 * k + 5] = 0.5f;                 // one value in row 1: row 0 (its pair) still all zeros
        a[2 * k + 40] = Float.NaN;           // NaN must reach its row's outputs
        a[4 * k + 63] = Float.POSITIVE_INFINITY;
        a[5 * k + 64] = -2f;                 // the first step of the second block
        float[] b = VectorGemmTest.random(rng, k * n);
        float[] chain = VectorGemmTest.fmaChain(VectorGemmTest.Op.MULT, m, n, k, a, b);
        float[] c = new float[m * n];
        Arrays.fill(c, 7f);
        SparsePairs.run(a, b, c, n, k, 0, m, 0, n, null, false, new Workspace());
        assertThat(c).isEqualTo(chain);
        assertThat(Arrays.copyOfRange(c, 0, n)).as("an all-zero row gives +0, whatever stood there").containsOnly(0f);
        assertThat(c[2 * n]).isNaN();
        assertThat(Float.floatToRawIntBits(c[0])).as("+0, not -0").isZero();
    }
}
