package org.inkling.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.dense.row.CommonOps_MT_FDRM;
import org.inkling.nn.Gemm;
import org.inkling.nn.kernel.VectorGemm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot products of training 784-512-10 / 784-512-512-10 at batch 128 and of prediction, for
 * EJML and Inkling's kernels on one and two threads. Shape names are {@code op_MxNxK}: C is M×N
 * and the inner dimension is K, so GFLOP/s = 2·M·N·K / time ({@code bench/table.py --jmh} prints it).
 *
 * <p>Sample mode: every call is timed, so the fastest calls (p0, and the median) are reported
 * beside the mean; on a machine shared with other work the best times are the stable measure of
 * what the kernels can do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class GemmBenchmark {
    /** mult: X·W; transA: Xᵀ·dZ; transB: dZ·Wᵀ. */
    @Param({"mult_128x512x784", "mult_128x10x512", "mult_128x512x512", "transA_784x512x128", "transB_128x784x512",
            "mult_1x512x784", "mult_10000x512x784"})
    public String shape;

    @Param({"inkling", "ejml"})
    public String impl;

    @Param({"1", "2"})
    public int threads;

    private FMatrixRMaj a;
    private FMatrixRMaj b;
    private FMatrixRMaj c;
    private String op;

    @Setup
    public void setUp() {
        String[] parts = shape.split("_");
        op = parts[0];
        String[] dims = parts[1].split("x");
        int m = Integer.parseInt(dims[0]);
        int n = Integer.parseInt(dims[1]);
        int k = Integer.parseInt(dims[2]);
        SplittableRandom rng = new SplittableRandom(1);
        a = switch (op) {
            case "transA" -> random(k, m, rng);
            default -> random(m, k, rng);
        };
        b = switch (op) {
            case "transB" -> random(n, k, rng);
            default -> random(k, n, rng);
        };
        c = new FMatrixRMaj(m, n);
        VectorGemm.setMaxThreads(threads);
    }

    @Benchmark
    public FMatrixRMaj product() {
        boolean mt = threads > 1;
        if (impl.equals("inkling")) {
            switch (op) {
                case "mult" -> Gemm.mult(a, b, c);
                case "transA" -> Gemm.multTransA(a, b, c);
                default -> Gemm.multTransB(a, b, c);
            }
        } else {
            switch (op) {
                case "mult" -> { if (mt) CommonOps_MT_FDRM.mult(a, b, c); else CommonOps_FDRM.mult(a, b, c); }
                case "transA" -> { if (mt) CommonOps_MT_FDRM.multTransA(a, b, c); else CommonOps_FDRM.multTransA(a, b, c); }
                default -> { if (mt) CommonOps_MT_FDRM.multTransB(a, b, c); else CommonOps_FDRM.multTransB(a, b, c); }
            }
        }
        return c;
    }

    static FMatrixRMaj random(int rows, int cols, SplittableRandom rng) {
        FMatrixRMaj x = new FMatrixRMaj(rows, cols);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = (float) (rng.nextDouble() * 2 - 1) * 0.05f;
        }
        return x;
    }
}
