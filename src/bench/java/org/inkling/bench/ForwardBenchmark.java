package org.inkling.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
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
 * The 784-512-10 forward pass (dense+relu, dense+softmax) at the kernel level: what one drawing
 * costs (batch 1) and what scoring the test set costs (batch 10000). Bias, relu and softmax are
 * written plainly here; the engine's own {@code Sequential.predict} is measured by
 * {@code inkling bench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class ForwardBenchmark {
    @Param({"1", "10000"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private FMatrixRMaj x;
    private FMatrixRMaj w1;
    private FMatrixRMaj w2;
    private float[] b1;
    private float[] b2;
    private FMatrixRMaj h;
    private FMatrixRMaj out;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(2);
        x = GemmBenchmark.random(batch, 784, rng);
        w1 = GemmBenchmark.random(784, 512, rng);
        w2 = GemmBenchmark.random(512, 10, rng);
        b1 = GemmBenchmark.random(1, 512, rng).data;
        b2 = GemmBenchmark.random(1, 10, rng).data;
        h = new FMatrixRMaj(batch, 512);
        out = new FMatrixRMaj(batch, 10);
        VectorGemm.setMaxThreads(threads);
    }

    @Benchmark
    public FMatrixRMaj forward() {
        Gemm.mult(x, w1, h);
        float[] hd = h.data;
        for (int r = 0, o = 0; r < batch; r++) {
            for (int j = 0; j < 512; j++, o++) {
                hd[o] = Math.max(0f, hd[o] + b1[j]);
            }
        }
        Gemm.mult(h, w2, out);
        float[] od = out.data;
        for (int r = 0; r < batch; r++) {
            int o = r * 10;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < 10; j++) {
                od[o + j] += b2[j];
                max = Math.max(max, od[o + j]);
            }
            float sum = 0f;
            for (int j = 0; j < 10; j++) {
                od[o + j] = (float) Math.exp(od[o + j] - max);
                sum += od[o + j];
            }
            for (int j = 0; j < 10; j++) {
                od[o + j] /= sum;
            }
        }
        return out;
    }
}
