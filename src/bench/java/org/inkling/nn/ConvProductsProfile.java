package org.inkling.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.inkling.nn.kernel.ConvProducts;
import org.inkling.nn.kernel.ConvShape;
import org.inkling.nn.kernel.VectorGemm;

/**
 * The MNIST network's second convolution (13x13x32 images, 3x3 kernel, 64 filters, batch 128)
 * product by product: the three products read from the images in place ({@link ConvProducts}),
 * beside the same products on an explicit im2col matrix ({@link VectorGemm}), and the relu
 * derivative with the bias gradient. Each figure is the best call of {@code reps}, in the calling
 * thread's CPU time (other programs on a shared machine take the core away, which that time does
 * not count), so run it with {@code -Dinkling.threads=1}.
 *
 * <pre>
 * bench/profile-conv.sh [REPS]
 * </pre>
 */
public final class ConvProductsProfile {
    private ConvProductsProfile() {}

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private static double bestMicros(Runnable op, int reps) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < reps; r++) {
            long t0 = MX.getCurrentThreadCpuTime();
            op.run();
            best = Math.min(best, (MX.getCurrentThreadCpuTime() - t0) / 1e3);
        }
        return best;
    }

    public static void main(String[] args) {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        SplittableRandom rng = new SplittableRandom(1);
        int batch = 128, filters = 64;
        ConvShape s = new ConvShape(13, 13, 32, 3);
        int rows = batch * 11 * 11, taps = 3 * 3 * 32;
        float[] images = new float[batch * 13 * 13 * 32];
        for (int i = 0; i < images.length; i++) images[i] = rng.nextDouble() < 0.7 ? (float) rng.nextDouble() : 0f;
        float[] w = new float[taps * filters];
        for (int i = 0; i < w.length; i++) w[i] = (float) rng.nextGaussian();
        float[] dz = new float[rows * filters];
        for (int i = 0; i < dz.length; i++) dz[i] = rng.nextDouble() < 0.5 ? (float) rng.nextGaussian() : 0f;
        float[] out = new float[rows * filters], dw = new float[taps * filters], din = new float[images.length];
        float[] bias = new float[filters];
        // the explicit path's operands: an im2col matrix (its values do not change the time) and dZ·Wᵀ
        float[] cols = new float[rows * taps], dCols = new float[rows * taps];
        for (int i = 0; i < cols.length; i++) cols[i] = images[i % images.length];
        FMatrixRMaj a = new FMatrixRMaj(rows, filters), g = new FMatrixRMaj(rows, filters), d = new FMatrixRMaj(rows, filters);
        for (int i = 0; i < a.data.length; i++) {
            a.data[i] = Math.max(0f, (float) rng.nextGaussian());
            g.data[i] = (float) rng.nextGaussian();
        }
        double macs = (double) rows * taps * filters;
        System.out.printf(Locale.ROOT, "conv 3x3x64 over 13x13x32, batch 128 (%.0f M multiply-adds a product), %d threads, best of %d calls, CPU time of the calling thread%n",
                macs / 1e6, VectorGemm.maxThreads(), reps);
        for (int round = 0; round < 3; round++) {
            double[] t = {
                bestMicros(() -> ConvProducts.forward(s, batch, filters, images, w, bias, true, out), reps),
                bestMicros(() -> ConvProducts.weightGradient(s, batch, filters, images, dz, dw), reps),
                bestMicros(() -> ConvProducts.inputGradient(s, batch, filters, dz, w, din), reps),
                bestMicros(() -> VectorGemm.multBiasActivate(rows, filters, taps, cols, w, out, bias, true), reps),
                bestMicros(() -> VectorGemm.multTransA(taps, filters, rows, cols, dz, dw), reps),
                bestMicros(() -> VectorGemm.multTransB(rows, taps, filters, dz, w, dCols), reps),
                bestMicros(() -> ActivationOps.backwardAndColumnSums(a, g, d, Activation.RELU, bias), reps),
            };
            System.out.printf(Locale.ROOT, "  in place: forward %.0f us (%.0f GFLOP/s), weight gradient %.0f us (%.0f), input gradient with its fold %.0f us (%.0f)%n",
                    t[0], 2 * macs / t[0] / 1e3, t[1], 2 * macs / t[1] / 1e3, t[2], 2 * macs / t[2] / 1e3);
            System.out.printf(Locale.ROOT, "  on an im2col matrix: forward %.0f us, weight gradient %.0f us, dZ·Wᵀ %.0f us (before col2im); relu' with the bias gradient %.0f us%n",
                    t[3], t[4], t[5], t[6]);
        }
    }
}
