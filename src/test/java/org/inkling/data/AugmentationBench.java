package org.inkling.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Time per batch of 128 real MNIST images for several augmentation settings. Not a test: run
 * with {@code java -cp target/classes:target/test-classes org.inkling.data.AugmentationBench [mnistDir]}.
 */
public final class AugmentationBench {
    private AugmentationBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = args.length > 0 ? Path.of(args[0]) : TestMnist.dir();
        MnistDataset train = MnistDataset.load(dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"));
        int rows = 128;
        int cols = MnistDataset.PIXELS;
        String[] configs = {
            "rotate=12,scale=0.12,shear=0.25,shift=2", "thickness=1",
            "rotate=12,scale=0.12,shear=0.25,shift=2,thickness=0.3", "elastic=34:4", "default"};
        float[] clean = new float[rows * cols];
        float[] x = new float[rows * cols];
        for (String spec : configs) {
            Augmentation aug = new Augmentation(AugmentationConfig.parse(spec));
            SplittableRandom rng = new SplittableRandom(1);
            int batches = 3000;
            long[] times = new long[batches];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long cpu = 0;
            for (int rep = 0; rep < 2; rep++) { // first pass warms up the JIT
                cpu = 0;
                for (int b = 0; b < batches; b++) {
                    int base = (b * rows) % (train.size() - rows);
                    for (int r = 0; r < rows; r++) {
                        train.copyInput(base + r, clean, r * cols);
                    }
                    System.arraycopy(clean, 0, x, 0, x.length);
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    aug.augment(x, rows, cols, rng);
                    times[b] = System.nanoTime() - t0;
                    cpu += mx.getCurrentThreadCpuTime() - c0;
                }
            }
            Arrays.sort(times);
            // Wall-clock quantiles suffer when other processes share the cores; the mean thread CPU
            // time is the steadier figure on a busy machine.
            System.out.printf("%-56s wall median %.3f ms, p90 %.3f ms; CPU mean %.3f ms per batch of %d%n", spec,
                    times[batches / 2] / 1e6, times[batches * 9 / 10] / 1e6, cpu / 1e6 / batches, rows);
        }
    }
}
