package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VectorGemmTest {
    private static final int[] SIZES = {1, 2, 7, 15, 16, 17, 31, 129, 513, 784};
    /** Keeps the whole sweep within a few seconds while still pairing every size with every other. */
    private static final long MAX_MACS = 1_000_000L;

    enum Op { MULT, TRANS_A, TRANS_B }

    /** Thread counts the split is tested with: fewer, as many as and more than this machine's cores. */
    static final int[] THREAD_COUNTS = {1, 2, 3, 4, 8, 16};
    private final int threadsBefore = VectorGemm.maxThreads();

    @AfterEach
    void restoreThreads() {
        VectorGemm.setMaxThreads(threadsBefore);
    }

    @Test
    void everyShapeMatchesEjmlAndTheSequentialFmaChainExactly() {
        SplittableRandom rng = new SplittableRandom(42);
        int checked = 0;
        for (int m : SIZES) {
            for (int n : SIZES) {
                for (int k : SIZES) {
                    if ((long) m * n * k > MAX_MACS) {
                        continue;
                    }
                    for (Op op : Op.values()) {
                        checkShape(op, m, n, k, rng);
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(2500);
    }

    @Test
    void hotShapesOfTrainingAndPredictionMatch() {
        SplittableRandom rng = new SplittableRandom(7);
        checkShape(Op.MULT, 128, 512, 784, rng);      // X·W1
        checkShape(Op.MULT, 128, 10, 512, rng);       // H·W2
        checkShape(Op.MULT, 128, 512, 512, rng);      // H1·W2 of the deeper net
        checkShape(Op.TRANS_A, 784, 512, 128, rng);   // Xᵀ·dZ
        checkShape(Op.TRANS_A, 512, 10, 128, rng);    // Hᵀ·dZ2
        checkShape(Op.TRANS_B, 128, 784, 512, rng);   // dZ·W1ᵀ
        checkShape(Op.TRANS_B, 128, 512, 10, rng);    // dZ2·W2ᵀ
        checkShape(Op.MULT, 1, 512, 784, rng);        // one image
        checkShape(Op.MULT, 1, 10, 512, rng);
        checkShape(Op.MULT, 600, 512, 40, rng);       // more rows than columns: split by rows
        checkShape(Op.MULT, 3380, 32, 9, rng);        // the first convolution of 5 images, A read in place
        checkShape(Op.TRANS_A, 9, 32, 3380, rng);     // its weight gradient: the deep path
        checkShape(Op.TRANS_A, 15, 64, 2100, rng);    // the deep path with a partial tile of rows
    }

    @Test
    void resultDoesNotDependOnThreadCountAndRepeatsBitForBit() {
        SplittableRandom rng = new SplittableRandom(3);
        // the MLP's products, the CNN's (conv1, conv2 forward, weight and input gradients), odd edges
        int[][] shapes = {{128, 512, 784}, {784, 512, 128}, {128, 784, 512}, {129, 513, 31}, {600, 10, 512}, {17, 1000, 300},
            {1, 512, 784}, {2, 700, 300}, {3380, 32, 9}, {1936, 64, 288}, {288, 64, 1936}, {1936, 288, 64}, {9, 32, 3380}, {15, 64, 2100}};
        for (int[] s : shapes) {
            for (Op op : Op.values()) {
                int m = s[0], n = s[1], k = s[2];
                for (double density : new double[] {1.0, 0.2}) {
                    float[] a = density < 1 ? sparse(rng, m * k, density) : random(rng, m * k);
                    float[] b = random(rng, k * n);
                    VectorGemm.setMaxThreads(1);
                    float[] one = new float[m * n];
                    apply(op, m, n, k, a, b, one);
                    for (int threads : THREAD_COUNTS) {
                        VectorGemm.setMaxThreads(threads);
                        float[] c = new float[m * n];
                        Arrays.fill(c, Float.NaN);
                        apply(op, m, n, k, a, b, c);
                        assertThat(c).as("%s %dx%dx%d density %s: 1 vs %d threads", op, m, n, k, density, threads).isEqualTo(one);
                    }
                }
            }
        }
    }

    @Test
    void biasAndReluOnEachFinishedTileGiveTheBitsOfASeparatePass() {
        SplittableRandom rng = new SplittableRandom(41);
        // in place (n 32, 64), packed with blank steps (n 512), packed over two depth blocks (k 700),
        // direct (one row, narrow n 10), edges (n 33, m 13)
        int[][] shapes = {{3380, 32, 9}, {1936, 64, 288}, {128, 512, 784}, {40, 200, 700}, {1, 512, 784}, {128, 10, 512}, {13, 33, 50}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            float[] a = sparse(rng, m * k, 0.3);
            float[] b = random(rng, k * n);
            float[] bias = random(rng, n);
            for (boolean relu : new boolean[] {true, false}) {
                float[] expected = fmaChain(Op.MULT, m, n, k, a, b);
                for (int i = 0; i < m * n; i++) {
                    float v = expected[i] + bias[i % n];
                    expected[i] = relu ? Math.max(v, 0f) : v;
                }
                for (int threads : new int[] {1, 3, 16}) {
                    VectorGemm.setMaxThreads(threads);
                    float[] c = new float[m * n];
                    Arrays.fill(c, Float.NaN);
                    VectorGemm.multBiasActivate(m, n, k, a, b, c, bias, relu);
                    assertThat(c).as("%dx%dx%d relu=%s on %d threads", m, n, k, relu, threads).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void theThreadSettingIsCheckedAndNamesTheValue() {
        assertThatThrownBy(() -> VectorGemm.setMaxThreads(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> VectorGemm.setMaxThreads(VectorGemm.THREAD_LIMIT + 1)).isInstanceOf(IllegalArgumentException.class);
        VectorGemm.setMaxThreads(16);
        assertThat(VectorGemm.maxThreads()).isEqualTo(16);
    }

    @Test
    void aRowAloneGivesTheSameBitsAsInsideABatch() {
        SplittableRandom rng = new SplittableRandom(11);
        int m = 128, n = 512, k = 784;
        float[] x = random(rng, m * k);
        float[] w = random(rng, k * n);
        float[] batch = new float[m * n];
        VectorGemm.mult(m, n, k, x, w, batch);
        for (int row : new int[] {0, 5, 127}) {
            float[] one = new float[n];
            VectorGemm.mult(1, n, k, Arrays.copyOfRange(x, row * k, row * k + k), w, one);
            assertThat(one).isEqualTo(Arrays.copyOfRange(batch, row * n, row * n + n));
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnCorrectProduct() throws Exception {
        SplittableRandom rng = new SplittableRandom(5);
        int m = 128, n = 512, k = 784;
        float[][] as = new float[4][], bs = new float[4][], expected = new float[4][];
        for (int t = 0; t < 4; t++) {
            as[t] = random(rng, m * k);
            bs[t] = random(rng, k * n);
            expected[t] = fmaChain(Op.MULT, m, n, k, as[t], bs[t]);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] futures = new Future<?>[4];
            for (int t = 0; t < 4; t++) {
                int id = t;
                futures[t] = pool.submit(() -> {
                    float[] c = new float[m * n];
                    for (int rep = 0; rep < 20; rep++) {
                        Arrays.fill(c, Float.NaN);
                        VectorGemm.mult(m, n, k, as[id], bs[id], c);
                        if (!Arrays.equals(c, expected[id])) {
                            fail("caller %d got a wrong product on repetition %d", id, rep);
                        }
                    }
                    return null;
                });
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void zerosInAAreSkippedWithoutChangingABit() {
        SplittableRandom rng = new SplittableRandom(19);
        int[][] shapes = {{128, 512, 784}, {784, 512, 128}, {128, 784, 512}, {128, 10, 512}, {512, 10, 128},
            {1, 512, 784}, {1, 10, 512}, {3, 40, 17}, {129, 513, 31}, {17, 1000, 300}, {9, 33, 700}, {9, 32, 3000}, {12, 64, 2048}};
        for (double density : new double[] {0.0, 0.02, 0.2, 0.5, 0.97}) {
            for (int[] s : shapes) {
                for (Op op : Op.values()) {
                    checkProduct(op, s[0], s[1], s[2], sparse(rng, s[0] * s[2], density), random(rng, s[2] * s[1]));
                }
            }
        }
    }

    @Test
    void blankRowsColumnsAndWholeBlocksOfAGiveExactZerosOrTheRestOfTheChain() {
        SplittableRandom rng = new SplittableRandom(23);
        int m = 40, n = 200, k = 700; // k spans several depth blocks; n is wide enough to look for blank steps
        float[] a = random(rng, m * k);
        for (int p = 0; p < k; p++) {
            a[5 * k + p] = 0f;                            // one blank row of A
        }
        for (int i = 0; i < m; i++) {
            for (int p = 300; p < 650; p++) {
                a[i * k + p] = (p % 2 == 0) ? 0f : -0f;   // a whole depth block blank, signed zeros
            }
        }
        float[] b = random(rng, k * n);
        checkProduct(Op.MULT, m, n, k, a, b);
        float[] c = new float[m * n];
        Arrays.fill(c, Float.NaN);
        VectorGemm.mult(m, n, k, new float[m * k], b, c);
        assertThat(c).as("an all-zero A overwrites stale output with zeros").containsOnly(0f);
    }

    @Test
    void aProductThatTurnsSparseAfterManyDenseRowsIsStillExact() {
        // Each thread stops looking for blank steps after a run of dense panels; the rest must
        // still come out right (it is then computed whole, which gives the same bits).
        SplittableRandom rng = new SplittableRandom(37);
        int m = 256, n = 256, k = 300;
        float[] a = VectorGemmTest.random(rng, m * k);
        float[] blank = sparse(rng, 160 * k, 0.05);
        System.arraycopy(blank, 0, a, 96 * k, blank.length);
        checkProduct(Op.MULT, m, n, k, a, random(rng, k * n));
        checkProduct(Op.TRANS_A, m, n, k, a, random(rng, k * n));
    }

    @Test
    void aSparseRowAloneGivesTheSameBitsAsInsideABatch() {
        SplittableRandom rng = new SplittableRandom(29);
        int m = 128, n = 512, k = 784;
        float[] x = sparse(rng, m * k, 0.2);
        float[] w = random(rng, k * n);
        float[] batch = new float[m * n];
        VectorGemm.mult(m, n, k, x, w, batch);
        for (int row = 0; row < m; row += 9) {
            float[] one = new float[n];
            VectorGemm.mult(1, n, k, Arrays.copyOfRange(x, row * k, row * k + k), w, one);
            assertThat(one).as("row %d", row).isEqualTo(Arrays.copyOfRange(batch, row * n, row * n + n));
        }
    }

    @Test
    void emptyInnerDimensionGivesZeros() {
        float[] c = {1, 2, 3, 4, 5, 6};
        VectorGemm.mult(2, 3, 0, new float[0], new float[0], c);
        assertThat(c).containsOnly(0f);
    }

    @Test
    void badArgumentsAreRejectedWithTheSizes() {
        assertThatThrownBy(() -> VectorGemm.mult(2, 2, 2, new float[3], new float[4], new float[4]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m=2");
        float[] same = new float[4];
        assertThatThrownBy(() -> VectorGemm.mult(2, 2, 2, same, new float[4], same))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("output");
    }

    private static void checkShape(Op op, int m, int n, int k, SplittableRandom rng) {
        checkProduct(op, m, n, k, random(rng, m * k), random(rng, k * n));
    }

    private static void checkProduct(Op op, int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        Arrays.fill(c, Float.NaN); // stale output must be overwritten, not accumulated into
        apply(op, m, n, k, a, b, c);

        float[] chain = fmaChain(op, m, n, k, a, b);
        if (!Arrays.equals(c, chain)) {
            int i = mismatch(c, chain);
            fail("%s %dx%dx%d: element (%d,%d) is %s, the FMA chain gives %s", op, m, n, k, i / n, i % n, c[i], chain[i]);
        }

        float[] ref = ejml(op, m, n, k, a, b);
        float[] absSum = absProduct(op, m, n, k, a, b);
        double u = Math.ulp(1f) / 2;
        for (int i = 0; i < m * n; i++) {
            // Two float sums of k products each differ by at most about 2·k·u·Σ|a||b|.
            double tol = 2.0 * (k + 1) * u * absSum[i] + Float.MIN_NORMAL;
            if (!(Math.abs(c[i] - ref[i]) <= tol)) {
                fail("%s %dx%dx%d: element (%d,%d) is %s, EJML gives %s (tolerance %s)", op, m, n, k, i / n, i % n, c[i], ref[i], tol);
            }
        }
    }

    private static int mismatch(float[] x, float[] y) {
        for (int i = 0; i < x.length; i++) {
            if (Float.floatToRawIntBits(x[i]) != Float.floatToRawIntBits(y[i])) {
                return i;
            }
        }
        return -1;
    }

    static void apply(Op op, int m, int n, int k, float[] a, float[] b, float[] c) {
        switch (op) {
            case MULT -> VectorGemm.mult(m, n, k, a, b, c);
            case TRANS_A -> VectorGemm.multTransA(m, n, k, a, b, c);
            case TRANS_B -> VectorGemm.multTransB(m, n, k, a, b, c);
        }
    }

    /** A(i,p) for the op's storage of a: m×k, or k×m when transposed. */
    private static float aAt(Op op, float[] a, int m, int k, int i, int p) {
        return op == Op.TRANS_A ? a[p * m + i] : a[i * k + p];
    }

    private static float bAt(Op op, float[] b, int n, int k, int p, int j) {
        return op == Op.TRANS_B ? b[j * k + p] : b[p * n + j];
    }

    /** The summation order VectorGemm promises: one FMA chain over p from zero. */
    static float[] fmaChain(Op op, int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s = Math.fma(aAt(op, a, m, k, i, p), bAt(op, b, n, k, p, j), s);
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    private static float[] absProduct(Op op, int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += Math.abs((double) aAt(op, a, m, k, i, p) * bAt(op, b, n, k, p, j));
                }
                c[i * n + j] = (float) s;
            }
        }
        return c;
    }

    private static float[] ejml(Op op, int m, int n, int k, float[] a, float[] b) {
        FMatrixRMaj c = new FMatrixRMaj(m, n);
        switch (op) {
            case MULT -> CommonOps_FDRM.mult(FMatrixRMaj.wrap(m, k, a), FMatrixRMaj.wrap(k, n, b), c);
            case TRANS_A -> CommonOps_FDRM.multTransA(FMatrixRMaj.wrap(k, m, a), FMatrixRMaj.wrap(k, n, b), c);
            case TRANS_B -> CommonOps_FDRM.multTransB(FMatrixRMaj.wrap(m, k, a), FMatrixRMaj.wrap(n, k, b), c);
        }
        return c.data;
    }

    /** Values in [-1, 1) where a fraction {@code density} is non-zero; a third of the zeros are -0. */
    static float[] sparse(SplittableRandom rng, int size, double density) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            if (rng.nextDouble() < density) {
                x[i] = (float) (rng.nextDouble() * 2 - 1);
            } else if (rng.nextInt(3) == 0) {
                x[i] = -0f;
            }
        }
        return x;
    }

    static float[] random(SplittableRandom rng, int size) {
        float[] x = new float[size];
        for (int i = 0; i < size; i++) {
            x[i] = (float) (rng.nextDouble() * 2 - 1);
        }
        return x;
    }
}
