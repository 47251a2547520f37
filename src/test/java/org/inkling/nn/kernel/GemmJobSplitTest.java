package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The two halves of a split product, run one after the other on one thread, give exactly the
 * product computed whole. Whether a product is split at run time depends on its size and on
 * whether the worker thread is awake, so this checks every split plan directly instead.
 */
class GemmJobSplitTest {
    @Test
    void bothHalvesOfEverySplitGiveTheBitsOfTheWholeProduct() {
        SplittableRandom rng = new SplittableRandom(31);
        int[][] shapes = {
            {1, 512, 784}, {1, 16, 40}, {1, 17, 40}, {1, 40, 33}, {1, 513, 300}, {1, 1000, 20},
            {2, 784, 512}, {3, 90, 64}, {5, 10, 512}, {8, 10, 512}, {128, 10, 512}, {512, 10, 128},
            {128, 512, 784}, {784, 512, 128}, {129, 513, 31}, {17, 1000, 300}, {600, 40, 64}};
        int splitPlans = 0;
        for (int[] s : shapes) {
            int m = s[0], n = s[1], k = s[2];
            for (boolean transA : new boolean[] {false, true}) {
                for (boolean transB : new boolean[] {false, true}) {
                    for (double density : new double[] {1.0, 0.2}) {
                        float[] a = density < 1 ? VectorGemmTest.sparse(rng, m * k, density) : VectorGemmTest.random(rng, m * k);
                        float[] b = VectorGemmTest.random(rng, k * n);
                        boolean direct = VectorGemm.isDirect(transB, m, n, k);
                        float[] whole = new float[m * n];
                        GemmJob job = new GemmJob();
                        job.set(transA, transB, m, n, k, a, b, whole, direct);
                        job.runAll(Workspace.get());
                        if (!job.planSplit()) {
                            continue;
                        }
                        splitPlans++;
                        float[] halves = new float[m * n];
                        Arrays.fill(halves, Float.NaN);
                        job.set(transA, transB, m, n, k, a, b, halves, direct);
                        assertThat(job.planSplit()).isTrue();
                        job.runPart(0, Workspace.get());
                        job.runPart(1, Workspace.get());
                        assertThat(halves).as("%dx%dx%d transA=%s transB=%s density %s", m, n, k, transA, transB, density)
                                .isEqualTo(whole);
                    }
                }
            }
        }
        assertThat(splitPlans).isGreaterThan(100);
    }
}
