package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Once the JIT has compiled the kernels, a stream of products allocates nothing, on the calling
 * thread or on the workers: the training loop must not feed the garbage collector. Allocation is
 * sampled in windows of calls until a window allocates zero bytes (the first windows still run
 * interpreted code, which boxes vectors); a path that allocates on every call never gets there.
 */
class SteadyStateAllocationTest {
    private static final int WINDOW = 50;
    /**
     * Warm-up allowed per shape. On a quiet machine a shape is compiled within a second; with the
     * two cores shared by a dozen other processes, C2 took 4 s for the one-image kernel (seen with
     * -XX:+PrintCompilation), while the path that allocates on every call never gets to zero.
     */
    private static final long BUDGET_NANOS = 20_000_000_000L;

    @Test
    void hotShapesAllocateNothingOnceCompiled() {
        assumeThat(ManagementFactory.getThreadMXBean()).isInstanceOf(com.sun.management.ThreadMXBean.class);
        int before = VectorGemm.maxThreads();
        try {
            VectorGemm.setMaxThreads(4);
            assertAllocationFree();
        } finally {
            VectorGemm.setMaxThreads(before);
        }
    }

    private static void assertAllocationFree() {
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.MULT, 128, 512, 784);   // packed, four threads
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.TRANS_B, 128, 200, 300); // packed transposed B
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.MULT, 128, 10, 512);    // narrow direct path
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.MULT, 1, 512, 784);     // one image
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.TRANS_A, 7, 33, 5);     // tiny, with a column tail
        // Mostly blank inputs take the kernels that skip zero steps.
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.MULT, 128, 512, 784, 0.2);
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.TRANS_A, 784, 512, 128, 0.2);
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.MULT, 1, 512, 784, 0.2);
        // the convolutions' shapes: A read in place, and the deep path
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.MULT, 3380, 32, 9, 0.2);
        assertSteadyStateIsAllocationFree(VectorGemmTest.Op.TRANS_A, 9, 32, 3380, 0.2);
        // the first convolution with its pool (both passes), and the second's weight gradient
        // with whole pixels of dZ at zero
        SplittableRandom rng = new SplittableRandom(3);
        ConvShape first = new ConvShape(28, 28, 1, 3), second = new ConvShape(13, 13, 32, 3);
        int batch = 16;
        float[] images = VectorGemmTest.sparse(rng, batch * first.imageSize, 0.2);
        float[] w1 = VectorGemmTest.random(rng, first.taps * 32), bias = VectorGemmTest.random(rng, 64);
        float[] pooled = new float[batch * 13 * 13 * 32], where = new float[pooled.length], dw1 = new float[w1.length];
        float[] dPooled = VectorGemmTest.random(rng, pooled.length), dBias = new float[32];
        assertSteadyStateIsAllocationFree("ConvPool.forward", () ->
                ConvPool.forward(first, batch, 32, images, w1, bias, pooled, where));
        assertSteadyStateIsAllocationFree("ConvPool.backward", () ->
                ConvPool.backward(first, batch, 32, images, where, dPooled, dw1, dBias));
        float[] dz = VectorGemmTest.sparse(rng, batch * second.pixels * 64, 0.2), dw2 = new float[second.taps * 64];
        for (int r = 0; r < batch * second.pixels; r += 3) java.util.Arrays.fill(dz, r * 64, r * 64 + 64, 0f);
        assertSteadyStateIsAllocationFree("ConvProducts.weightGradient", () ->
                ConvProducts.weightGradient(second, batch, 64, pooled, dz, dw2));
    }

    private static void assertSteadyStateIsAllocationFree(String what, Runnable call) {
        call.run(); // starts the workers if the call uses them
        long[] threads = threadsToWatch();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long last = -1;
        while (System.nanoTime() - start < BUDGET_NANOS) {
            long before = total(mx, threads);
            for (int i = 0; i < WINDOW; i++) {
                call.run();
            }
            last = total(mx, threads) - before;
            if (last == 0) {
                return;
            }
        }
        assertThat(last).as("bytes allocated by %d calls of %s after %d s of warm-up", WINDOW, what,
                BUDGET_NANOS / 1_000_000_000L).isZero();
    }

    private static void assertSteadyStateIsAllocationFree(VectorGemmTest.Op op, int m, int n, int k) {
        assertSteadyStateIsAllocationFree(op, m, n, k, 1.0);
    }

    private static void assertSteadyStateIsAllocationFree(VectorGemmTest.Op op, int m, int n, int k, double density) {
        SplittableRandom rng = new SplittableRandom(9);
        float[] a = density < 1 ? VectorGemmTest.sparse(rng, m * k, density) : VectorGemmTest.random(rng, m * k);
        float[] b = VectorGemmTest.random(rng, k * n);
        float[] c = new float[m * n];
        VectorGemmTest.apply(op, m, n, k, a, b, c); // starts the workers if the shape uses them
        long[] threads = threadsToWatch();
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long last = -1;
        while (System.nanoTime() - start < BUDGET_NANOS) {
            long before = total(mx, threads);
            for (int i = 0; i < WINDOW; i++) {
                VectorGemmTest.apply(op, m, n, k, a, b, c);
            }
            last = total(mx, threads) - before;
            if (last == 0) {
                return;
            }
        }
        assertThat(last).as("bytes allocated by %d calls of %s %dx%dx%d (A density %s) after %d s of warm-up", WINDOW, op, m, n, k,
                density, BUDGET_NANOS / 1_000_000_000L).isZero();
    }

    private static long[] threadsToWatch() {
        java.util.List<Long> ids = new java.util.ArrayList<>(java.util.List.of(Thread.currentThread().threadId()));
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("inkling-gemm-worker")) {
                ids.add(t.threadId());
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long total(com.sun.management.ThreadMXBean mx, long[] ids) {
        long sum = 0;
        for (long id : ids) {
            sum += mx.getThreadAllocatedBytes(id);
        }
        return sum;
    }
}
