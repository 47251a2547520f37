package org.inkling.nn;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ejml.data.FMatrixRMaj;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.synth.DigitSynthesizer;
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
 * One training step of the engine (forward, fused softmax + cross-entropy gradient, backward,
 * RMSprop update) at batch 128, and one single-image {@code Sequential.predict}: what an epoch
 * (469 steps) and a drawing cost, without data loading, on drawn digits and on dense noise. Lives in {@code org.inkling.nn} to reach
 * the package-private forward and backward passes the trainer uses.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Xmx2g"})
public class TrainingStepBenchmark {
    @Param({"512", "512,512"})
    public String arch;

    @Param({"1", "2"})
    public int threads;

    /**
     * {@code digits}: 128 digits written by the synthesiser and rendered the way MNIST was made
     * (mostly blank, like the real training batches, so the products skip their blank steps);
     * {@code random}: uniform noise, every pixel lit (the dense engine's cost).
     */
    @Param({"digits", "random"})
    public String input;

    private Sequential model;
    private Optimizer optimizer;
    private FMatrixRMaj x;
    private FMatrixRMaj grad;
    private int[] labels;
    private float[] image;
    private float[] probabilities;

    @Setup
    public void setUp() {
        String[] parts = arch.split(",");
        int[] hidden = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            hidden[i] = Integer.parseInt(parts[i]);
        }
        model = Sequential.mlp(784, hidden, Activation.RELU, 10, 1);
        optimizer = new RmsProp();
        optimizer.init(model.params());
        SplittableRandom rng = new SplittableRandom(3);
        x = new FMatrixRMaj(128, 784);
        labels = new int[128];
        if (input.equals("digits")) {
            RenderedDigits digits = DigitSynthesizer.dataset(13, 3);
            for (int r = 0; r < 128; r++) {
                int i = rng.nextInt(digits.size());
                digits.copyInput(i, x.data, r * 784);
                labels[r] = digits.label(i);
            }
        } else {
            for (int i = 0; i < x.data.length; i++) {
                x.data[i] = (float) rng.nextDouble();
            }
            for (int i = 0; i < labels.length; i++) {
                labels[i] = rng.nextInt(10);
            }
        }
        grad = new FMatrixRMaj(128, 10);
        image = new float[784];
        System.arraycopy(x.data, 0, image, 0, 784);
        probabilities = new float[10];
        VectorGemm.setMaxThreads(threads);
    }

    @Benchmark
    public double step() {
        FMatrixRMaj out = model.forward(x, true);
        double loss = Losses.SPARSE_CATEGORICAL_CROSSENTROPY.lossAndGradient(out, labels, grad, true);
        model.backward(grad, true);
        optimizer.step();
        return loss;
    }

    @Benchmark
    public float[] predictOne() {
        model.predict(image, probabilities);
        return probabilities;
    }
}
