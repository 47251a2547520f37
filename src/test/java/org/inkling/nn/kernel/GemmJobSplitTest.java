package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The parts of a split product, run one after the other on one thread in any order, give exactly
 * the product computed whole, for every thread count. Whether a product is split at run time
 * depends on its size and on whether the workers are awake, so this checks every plan directly.
 */
class GemmJobSplitTest {
    @Test
    void thePartsOfEverySplitGiveTheBitsOfTheWholeProduct() {
        SplittableRandom rng = new SplittableRandom(31);
        int[][] shapes = {
            {1, 512, 784}, {1, 16, 40}, {1, 17, 40}, {1, 40, 33}, {1, 513, 300}, {1, 1000, 20},
            {2, 784, 512}, {3, 90, 64}, {5, 10, 512}, {8, 10, 512}, {128, 10, 512}, {512, 10, 128},
            {128, 512, 784}, {784, 512, 128}, {129, 513, 31}, {17, 1000, 300}, {600, 40, 64}, {3380, 32, 9}, {288, 64, 1936}, {9, 64, 3000}, {15, 96, 2100}};
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
                        for (int threads : VectorGemmTest.THREAD_COUNTS) {
                            int parts = job.planSplit(threads);
                            if (parts < 2) {
                                continue;
                            }
                            splitPlans++;
                            assertThat(parts).isLessThanOrEqualTo(threads);
                            float[] split = new float[m * n];
                            Arrays.fill(split, Float.NaN);
                            job.set(transA, transB, m, n, k, a, b, split, direct);
                            assertThat(job.planSplit(threads)).isEqualTo(parts);
                            int extent = job.splitRows ? m : n;
                            assertThat(job.partStart(0)).isZero();
                            assertThat(job.partStart(parts)).isEqualTo(extent);
                            for (int part = parts - 1; part >= 0; part--) { // any order: last part first
                                assertThat(job.partStart(part)).as("part %d of %d is not empty", part, parts).isLessThan(job.partStart(part + 1));
                                job.runPart(part, Workspace.get());
                            }
                            assertThat(split).as("%dx%dx%d transA=%s transB=%s density %s, %d parts", m, n, k, transA, transB,
                                    density, parts).isEqualTo(whole);
                        }
                    }
                }
            }
        }
        assertThat(splitPlans).isGreaterThan(400);
    }
}
