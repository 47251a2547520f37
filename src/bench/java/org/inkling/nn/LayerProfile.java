package org.inkling.nn;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.ejml.data.FMatrixRMaj;

/**
 * Where a training step's time goes, layer by layer: each layer's forward and backward pass, the
 * loss and the optimiser, timed separately over real MNIST batches of 128 and scaled to an epoch
 * (469 steps). Each figure is the fastest of {@code rounds} rounds' medians, because on a shared
 * machine interference only ever adds time. With the system property {@code profile.cpu=true} the
 * figures are the calling thread's CPU time instead of wall time: with {@code -Dinkling.threads=1}
 * that is the work a step costs, much less disturbed by other programs on the machine than the
 * wall clock (they take the core away, which CPU time does not count).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... org.inkling.nn.LayerProfile [ARCH] [STEPS] [ROUNDS] [MNIST_DIR]
 * </pre>
 * (bench/profile-layers.sh builds the class path and runs it.)
 */
public final class LayerProfile {
    private LayerProfile() {}

    private static final boolean CPU = Boolean.getBoolean("profile.cpu");
    private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long now() {
        return CPU ? MX.getCurrentThreadCpuTime() : System.nanoTime();
    }

    public static void main(String[] args) throws IOException {
        String arch = args.length > 0 ? args[0] : "cnn";
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Path.of(args.length > 3 ? args[3] : "../shared/data/mnist");
        int batch = 128;
        float[] images = readImages(dir.resolve("train-images-idx3-ubyte.gz"), batch * steps);
        byte[] labelBytes = readLabels(dir.resolve("train-labels-idx1-ubyte.gz"), batch * steps);

        Sequential model = Architectures.build(arch, 784, Activation.RELU, 10, 1);
        Optimizer opt = new RmsProp();
        opt.init(model.params());
        List<Layer> layers = model.layers();
        int n = layers.size();
        // columns: forward of each layer, loss, backward of each layer, optimiser
        int cols = 2 * n + 2;
        double[][] best = new double[cols][];
        FMatrixRMaj x = new FMatrixRMaj(batch, 784);
        FMatrixRMaj grad = new FMatrixRMaj(batch, 10);
        int[] labels = new int[batch];
        double[] bestTotal = {Double.MAX_VALUE};
        for (int round = -1; round < rounds; round++) { // round -1 warms the JIT up
            double[][] t = new double[cols][steps];
            for (int s = 0; s < steps; s++) {
                System.arraycopy(images, s * batch * 784, x.data, 0, batch * 784);
                for (int i = 0; i < batch; i++) labels[i] = labelBytes[s * batch + i];
                FMatrixRMaj a = x;
                for (int l = 0; l < n; l++) {
                    long t0 = now();
                    if (pooled(layers, l)) {
                        // the convolution computes the pool's output itself (as Sequential runs it): one figure for both
                        a = ((Conv2D) layers.get(l)).forwardPooled(a, (MaxPool2D) layers.get(l + 1));
                        t[l][s] = now() - t0;
                        l++;
                        continue;
                    }
                    a = layers.get(l).forward(a, true);
                    t[l][s] = now() - t0;
                }
                long t0 = now();
                Losses.SPARSE_CATEGORICAL_CROSSENTROPY.lossAndGradient(a, labels, grad, true);
                t[n][s] = now() - t0;
                FMatrixRMaj g = grad;
                for (int l = n - 1; l >= 0; l--) {
                    t0 = now();
                    if (l > 0 && pooled(layers, l - 1)) {
                        l--;
                        g = ((Conv2D) layers.get(l)).backwardPooled(g, (MaxPool2D) layers.get(l + 1), l > 0);
                    } else {
                        g = l == n - 1 ? ((Dense) layers.get(l)).backwardFromLogits(g, true) : layers.get(l).backward(g, l > 0);
                    }
                    t[n + 1 + l][s] = now() - t0;
                }
                t0 = now();
                opt.step();
                t[cols - 1][s] = now() - t0;
            }
            if (round < 0) continue;
            double total = 0;
            double[] med = new double[cols];
            for (int c = 0; c < cols; c++) {
                double[] v = t[c].clone();
                Arrays.sort(v);
                med[c] = v[steps / 2];
                total += med[c];
            }
            for (int c = 0; c < cols; c++) {
                if (best[c] == null || med[c] < best[c][0]) best[c] = new double[] {med[c]};
            }
            bestTotal[0] = Math.min(bestTotal[0], total);
        }
        double sum = 0;
        for (double[] b : best) sum += b[0];
        System.out.printf(Locale.ROOT, "%s%s, batch %d, %d threads, skip zeros %s: per step (best of %d rounds' medians over %d steps), and per epoch of 469 steps%n",
                CPU ? "CPU time of the calling thread, " : "", arch, batch, Engine.threads(), Engine.skipsZeros(), rounds, steps);
        List<String> names = new ArrayList<>();
        for (int l = 0; l < n; l++) names.add(layers.get(l).name() + (pooled(layers, l) ? " forward with its pool" : " forward"));
        names.add("loss");
        for (int l = 0; l < n; l++) names.add(layers.get(l).name() + (pooled(layers, l) ? " backward with its pool" : " backward"));
        names.add("optimiser");
        for (int c = 0; c < cols; c++) {
            System.out.printf(Locale.ROOT, "  %-28s %9.1f us  %6.3f s  %5.1f%%%n", names.get(c), best[c][0] / 1e3, best[c][0] * 469 / 1e9, 100 * best[c][0] / sum);
        }
        System.out.printf(Locale.ROOT, "  %-28s %9.1f us  %6.3f s   (sum of the best parts; best whole round %.3f s)%n", "step", sum / 1e3, sum * 469 / 1e9, bestTotal[0] * 469 / 1e9);
    }

    /** Whether layer l is a convolution that pools its own output in the model (see Sequential). */
    private static boolean pooled(List<Layer> layers, int l) {
        return l + 1 < layers.size() && layers.get(l) instanceof Conv2D c && layers.get(l + 1) instanceof MaxPool2D p
                && c.poolsInPlaceOf(p);
    }

    private static float[] readImages(Path file, int count) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            in.readInt();
            in.readInt();
            in.readInt();
            in.readInt();
            byte[] b = new byte[count * 784];
            in.readFully(b);
            float[] f = new float[b.length];
            for (int i = 0; i < b.length; i++) f[i] = (b[i] & 0xFF) / 255f;
            return f;
        }
    }

    private static byte[] readLabels(Path file, int count) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            in.readInt();
            in.readInt();
            byte[] b = new byte[count];
            in.readFully(b);
            return b;
        }
    }
}
