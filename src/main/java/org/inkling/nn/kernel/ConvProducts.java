package org.inkling.nn.kernel;

/**
 * A convolution's products computed from the images themselves (see {@link ConvJob}): no
 * unfolded (im2col) matrix is written, and the input gradient is folded as it is computed. The
 * same bits as {@link VectorGemm} on the explicit matrix followed by col2im, on any number of
 * threads. For {@link ConvShape#readsImagesInPlace} shapes only.
 *
 * <p>Arrays: images {@code batch × (h·w·c)}, weights {@code taps × filters} (Keras' kernel
 * {@code (k, k, c, filters)} read row-major), outputs and their gradients
 * {@code (batch·oh·ow) × filters}, all row-major.
 */
public final class ConvProducts {
    private static final ThreadLocal<ConvJob> JOB = ThreadLocal.withInitial(ConvJob::new);

    private ConvProducts() {}

    /** out = act(cols·W + bias), act relu when {@code relu}, else none; no bias when {@code bias} is null. */
    public static void forward(ConvShape s, int batch, int filters, float[] images, float[] weights, float[] bias,
                               boolean relu, float[] out) {
        check(s, batch, filters, images, weights, out, s.taps);
        if (bias != null && bias.length < filters) {
            throw new IllegalArgumentException("bias too short: " + bias.length + " for " + filters + " filters");
        }
        run(ConvJob.Kind.FORWARD, s, batch, filters, images, weights, out, bias, relu);
    }

    /** dW = colsᵀ·dZ. */
    public static void weightGradient(ConvShape s, int batch, int filters, float[] images, float[] dz, float[] dW) {
        check(s, batch, filters, images, dW, dz, s.taps);
        run(ConvJob.Kind.WEIGHT_GRADIENT, s, batch, filters, images, dz, dW, null, false);
    }

    /** dIn = col2im(dZ·Wᵀ): the gradient with respect to the images, overwritten. */
    public static void inputGradient(ConvShape s, int batch, int filters, float[] dz, float[] weights, float[] dIn) {
        check(s, batch, filters, dIn, weights, dz, s.taps);
        run(ConvJob.Kind.INPUT_GRADIENT, s, batch, filters, dz, weights, dIn, null, false);
    }

    private static void check(ConvShape s, int batch, int filters, float[] images, float[] weights, float[] perPixel, int taps) {
        if (!s.readsImagesInPlace()) {
            throw new IllegalArgumentException("a convolution whose kernel row holds " + s.run + " values (not a multiple of "
                    + MicroKernel.MR + ") needs the explicit im2col");
        }
        if (batch < 0 || filters < 1) {
            throw new IllegalArgumentException("batch " + batch + ", filters " + filters);
        }
        if (images.length < (long) batch * s.imageSize || weights.length < (long) taps * filters
                || perPixel.length < (long) batch * s.pixels * filters) {
            throw new IllegalArgumentException("arrays too short for " + batch + " images of " + s.h + "x" + s.w + "x" + s.c
                    + " and " + filters + " filters: images " + images.length + ", weights " + weights.length
                    + ", per pixel " + perPixel.length);
        }
    }

    private static void run(ConvJob.Kind kind, ConvShape s, int batch, int filters, float[] a, float[] b, float[] c,
                            float[] bias, boolean relu) {
        if (batch == 0) {
            if (kind == ConvJob.Kind.WEIGHT_GRADIENT) {
                java.util.Arrays.fill(c, 0, s.taps * filters, 0f);
            }
            return;
        }
        ConvJob job = JOB.get();
        job.set(kind, s, batch, filters, a, b, c, bias, relu);
        try {
            long macs = (long) job.m * job.n * job.k;
            int threads = VectorGemm.maxThreads();
            if (threads > 1 && macs >= VectorGemm.PARALLEL_MACS
                    && (macs >= VectorGemm.WAKE_MACS || GemmPool.get().workerAwake())
                    && job.planSplit(threads) > 1 && GemmPool.get().tryRun(job, threads)) {
                return;
            }
            job.runAll(Workspace.get());
        } finally {
            job.clear();
        }
    }
}
