package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * A relu convolution and the 2x2 max-pool after it in one pass over the images, for a convolution
 * with few taps (a gray image's first: 3x3x1): its output, 11 MB a batch for the MNIST network,
 * is never written, nor read back by the pool, nor its gradient (three quarters zeros) written by
 * the pool's backward pass and read by the weight gradient.
 *
 * <p>Forward computes the four outputs of each window in registers, as the products would (each
 * an FMA chain over the taps in order from zero, then bias, then relu), and keeps their maximum
 * and which of the four held it first ({@code where}: 0 to 3 row by row, −1 when the maximum is
 * not above zero, i.e. relu's derivative is zero), as {@code MaxPool2D} does. Backward computes
 * the weight and bias gradients from the pooled gradient and {@code where}: each FMA chain visits
 * the output pixels in row order, as the product over the unfolded matrix does, and leaves out the
 * pixels whose gradient is zero, which add exactly nothing to a chain (see {@link ZeroSteps}). So
 * the bits are those of the separate layers, on any number of threads: forward splits by images,
 * backward by vectors of filters (each chain on one thread).
 *
 * <p>Arrays: images {@code batch × (h·w·c)}, weights {@code taps × filters}, pooled outputs,
 * {@code where} and their gradient {@code batch × (ph·pw·filters)}, all row-major, channels last.
 */
public final class ConvPool {
    private static final ThreadLocal<Pass> PASS = ThreadLocal.withInitial(Pass::new);

    private ConvPool() {}

    /** Whether this kernel takes a convolution of {@code filters} (whole vectors of them). */
    public static boolean fits(ConvShape s, int filters) {
        return filters % L == 0 && s.oh >= 2 && s.ow >= 2;
    }

    /**
     * out = the 2x2 maxima of relu(conv(images) + bias); {@code where} (may be null, for
     * prediction) = which position of each window first held its maximum, −1 for a maximum not
     * above zero.
     */
    public static void forward(ConvShape s, int batch, int filters, float[] images, float[] weights, float[] bias,
                               float[] out, float[] where) {
        check(s, batch, filters, images, weights, out);
        if (where != null && where.length < out.length) {
            throw new IllegalArgumentException("where too short: " + where.length);
        }
        if (bias.length < filters) {
            throw new IllegalArgumentException("bias too short: " + bias.length + " for " + filters + " filters");
        }
        Pass p = PASS.get().set(s, filters, images, weights, bias, out, where);
        try {
            // a part should cover a few hundred kilobytes of output written and images read
            Parallel.forRange(batch, Math.max(2, 2 * (1 << 15) / (s.imageSize + pooled(s) * filters)), 1, p.forward);
        } finally {
            p.clear();
        }
    }

    /**
     * dW = colsᵀ·dZ and dBias = Σ dZ over the output pixels, where dZ is the pooled gradient
     * {@code dPooled} routed to the positions {@code where} names (zero elsewhere): both overwritten.
     */
    public static void backward(ConvShape s, int batch, int filters, float[] images, float[] where, float[] dPooled,
                                float[] dW, float[] dBias) {
        check(s, batch, filters, images, dW, dPooled);
        if (where.length < (long) batch * pooled(s) * filters || dBias.length < filters) {
            throw new IllegalArgumentException("where or bias gradient too short");
        }
        Pass p = PASS.get().set(s, filters, images, where, dPooled, dW, dBias);
        p.batch = batch;
        int windows = batch * pooled(s);
        if (p.blank.length < windows) {
            p.blank = new byte[windows];
        }
        try {
            Parallel.forRange(batch, Math.max(2, 2 * (1 << 15) / s.imageSize), 1, p.mark);
            Parallel.forRange(filters / L, 2, 1, p.backward);
        } finally {
            p.clear();
        }
    }

    private static int pooled(ConvShape s) {
        return (s.oh / 2) * (s.ow / 2);
    }

    private static void check(ConvShape s, int batch, int filters, float[] images, float[] weights, float[] perWindow) {
        if (!fits(s, filters) || batch < 0) {
            throw new IllegalArgumentException("no fused 2x2 pool for " + filters + " filters over " + s.oh + "x" + s.ow
                    + ", batch " + batch);
        }
        if (images.length < (long) batch * s.imageSize || weights.length < (long) s.taps * filters
                || perWindow.length < (long) batch * pooled(s) * filters) {
            throw new IllegalArgumentException("arrays too short for " + batch + " images of " + s.h + "x" + s.w + "x" + s.c
                    + " and " + filters + " filters: images " + images.length + ", weights " + weights.length
                    + ", per window " + perWindow.length);
        }
    }

    /** Images [b0, b1) of {@link #forward}. */
    private static void forwardImages(ConvShape s, int filters, float[] img, float[] wt, float[] bias, float[] out,
                                      float[] where, int b0, int b1) {
        int ph = s.oh / 2, pw = s.ow / 2, c = s.c, k = s.kernel, row = s.w * c, outSize = ph * pw * filters;
        int patch = (k + 1) * c;
        FloatVector zero = FloatVector.zero(S), minus1 = FloatVector.broadcast(S, -1f);
        for (int b = b0; b < b1; b++) {
            for (int py = 0; py < ph; py++) {
                for (int px = 0; px < pw; px++) {
                    int base = b * s.imageSize + (2 * py * s.w + 2 * px) * c;
                    boolean blank = isBlank(img, base, k + 1, patch, row);
                    int o = b * outSize + (py * pw + px) * filters;
                    for (int j = 0; j < filters; j += L) {
                        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                        if (!blank) {
                            // tap t = (kh, kw, ch) in the unfolded matrix's column order
                            int t = 0;
                            for (int kh = 0; kh < k; kh++) {
                                int r0 = base + kh * row;
                                for (int q = 0; q < k * c; q++, t++) {
                                    FloatVector wv = FloatVector.fromArray(S, wt, t * filters + j);
                                    int i = r0 + q;
                                    a0 = wv.fma(FloatVector.broadcast(S, img[i]), a0);
                                    a1 = wv.fma(FloatVector.broadcast(S, img[i + c]), a1);
                                    a2 = wv.fma(FloatVector.broadcast(S, img[i + row]), a2);
                                    a3 = wv.fma(FloatVector.broadcast(S, img[i + row + c]), a3);
                                }
                            }
                        }
                        FloatVector bv = FloatVector.fromArray(S, bias, j);
                        FloatVector v0 = a0.add(bv).max(0f), v1 = a1.add(bv).max(0f);
                        FloatVector v2 = a2.add(bv).max(0f), v3 = a3.add(bv).max(0f);
                        FloatVector m = v0.max(v1).max(v2).max(v3);
                        m.intoArray(out, o + j);
                        if (where != null) {
                            FloatVector pos = minus1.blend(3f, v3.compare(VectorOperators.EQ, m));
                            pos = pos.blend(2f, v2.compare(VectorOperators.EQ, m));
                            pos = pos.blend(1f, v1.compare(VectorOperators.EQ, m));
                            pos = pos.blend(0f, v0.compare(VectorOperators.EQ, m));
                            pos.blend(-1f, m.compare(VectorOperators.LE, 0f)).intoArray(where, o + j);
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #forwardImages} for a 3x3 kernel over one channel (the MNIST network's first
     * convolution): each of the window's 16 pixels is broadcast once and meets the taps of the
     * outputs it lies under, visited row by row, so each output's chain still takes its taps in
     * order.
     */
    private static void forwardImages3x3(ConvShape s, int filters, float[] img, float[] wt, float[] bias, float[] out,
                                         float[] where, int b0, int b1) {
        int ph = s.oh / 2, pw = s.ow / 2, w = s.w, outSize = ph * pw * filters;
        FloatVector zero = FloatVector.zero(S), minus1 = FloatVector.broadcast(S, -1f);
        for (int b = b0; b < b1; b++) {
            for (int py = 0; py < ph; py++) {
                for (int px = 0; px < pw; px++) {
                    int r0 = b * s.imageSize + 2 * py * w + 2 * px, r1 = r0 + w, r2 = r1 + w, r3 = r2 + w;
                    boolean blank = isBlank(img, r0, 4, 4, w);
                    int o = b * outSize + (py * pw + px) * filters;
                    for (int j = 0; j < filters; j += L) {
                        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero;
                        if (!blank) {
                            FloatVector w0 = FloatVector.fromArray(S, wt, j), w1 = FloatVector.fromArray(S, wt, filters + j);
                            FloatVector w2 = FloatVector.fromArray(S, wt, 2 * filters + j), w3 = FloatVector.fromArray(S, wt, 3 * filters + j);
                            FloatVector w4 = FloatVector.fromArray(S, wt, 4 * filters + j), w5 = FloatVector.fromArray(S, wt, 5 * filters + j);
                            FloatVector w6 = FloatVector.fromArray(S, wt, 6 * filters + j), w7 = FloatVector.fromArray(S, wt, 7 * filters + j);
                            FloatVector w8 = FloatVector.fromArray(S, wt, 8 * filters + j);
                            FloatVector v;
                            v = FloatVector.broadcast(S, img[r0]);
                            a0 = w0.fma(v, a0);
                            v = FloatVector.broadcast(S, img[r0 + 1]);
                            a0 = w1.fma(v, a0); a1 = w0.fma(v, a1);
                            v = FloatVector.broadcast(S, img[r0 + 2]);
                            a0 = w2.fma(v, a0); a1 = w1.fma(v, a1);
                            v = FloatVector.broadcast(S, img[r0 + 3]);
                            a1 = w2.fma(v, a1);
                            v = FloatVector.broadcast(S, img[r1]);
                            a0 = w3.fma(v, a0); a2 = w0.fma(v, a2);
                            v = FloatVector.broadcast(S, img[r1 + 1]);
                            a0 = w4.fma(v, a0); a1 = w3.fma(v, a1); a2 = w1.fma(v, a2); a3 = w0.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r1 + 2]);
                            a0 = w5.fma(v, a0); a1 = w4.fma(v, a1); a2 = w2.fma(v, a2); a3 = w1.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r1 + 3]);
                            a1 = w5.fma(v, a1); a3 = w2.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r2]);
                            a0 = w6.fma(v, a0); a2 = w3.fma(v, a2);
                            v = FloatVector.broadcast(S, img[r2 + 1]);
                            a0 = w7.fma(v, a0); a1 = w6.fma(v, a1); a2 = w4.fma(v, a2); a3 = w3.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r2 + 2]);
                            a0 = w8.fma(v, a0); a1 = w7.fma(v, a1); a2 = w5.fma(v, a2); a3 = w4.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r2 + 3]);
                            a1 = w8.fma(v, a1); a3 = w5.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r3]);
                            a2 = w6.fma(v, a2);
                            v = FloatVector.broadcast(S, img[r3 + 1]);
                            a2 = w7.fma(v, a2); a3 = w6.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r3 + 2]);
                            a2 = w8.fma(v, a2); a3 = w7.fma(v, a3);
                            v = FloatVector.broadcast(S, img[r3 + 3]);
                            a3 = w8.fma(v, a3);
                        }
                        FloatVector bv = FloatVector.fromArray(S, bias, j);
                        FloatVector v0 = a0.add(bv).max(0f), v1 = a1.add(bv).max(0f);
                        FloatVector v2 = a2.add(bv).max(0f), v3 = a3.add(bv).max(0f);
                        FloatVector m = v0.max(v1).max(v2).max(v3);
                        m.intoArray(out, o + j);
                        if (where != null) {
                            FloatVector pos = minus1.blend(3f, v3.compare(VectorOperators.EQ, m));
                            pos = pos.blend(2f, v2.compare(VectorOperators.EQ, m));
                            pos = pos.blend(1f, v1.compare(VectorOperators.EQ, m));
                            pos = pos.blend(0f, v0.compare(VectorOperators.EQ, m));
                            pos.blend(-1f, m.compare(VectorOperators.LE, 0f)).intoArray(where, o + j);
                        }
                    }
                }
            }
        }
    }

    /**
     * Whether the {@code rows} rows of {@code len} values from {@code base} (a row every
     * {@code stride}) are all zero: a window whose taps are all zero has every chain at zero. The
     * bits are OR-ed (a chain of one-cycle steps), the sign masked off; NaN is not zero, so a NaN
     * patch is computed.
     */
    private static boolean isBlank(float[] img, int base, int rows, int len, int stride) {
        int bits = 0;
        for (int r = 0; r < rows; r++) {
            int o = base + r * stride;
            for (int i = 0; i < len; i++) {
                bits |= Float.floatToRawIntBits(img[o + i]);
            }
        }
        return (bits & 0x7fffffff) == 0;
    }

    /** Images [b0, b1): blank[window] = whether the window's patch of the image is all zero. */
    private static void markBlank(ConvShape s, float[] img, byte[] blank, int b0, int b1) {
        int ph = s.oh / 2, pw = s.ow / 2, c = s.c, k = s.kernel, row = s.w * c, patch = (k + 1) * c;
        for (int b = b0; b < b1; b++) {
            for (int py = 0; py < ph; py++) {
                for (int px = 0; px < pw; px++) {
                    int window = b * s.imageSize + (2 * py * s.w + 2 * px) * c;
                    blank[(b * ph + py) * pw + px] = (byte) (isBlank(img, window, k + 1, patch, row) ? 1 : 0);
                }
            }
        }
    }

    /** Filter vectors [u0, u1) of {@link #backward}, over every image: each chain stays on this thread. */
    private static void backwardFilters(ConvShape s, int batch, int filters, float[] img, float[] where, float[] g,
                                        float[] dW, float[] dBias, byte[] blank, float[] acc, int u0, int u1) {
        int ph = s.oh / 2, pw = s.ow / 2, c = s.c, k = s.kernel, row = s.w * c, outSize = ph * pw * filters;
        int taps = s.taps;
        FloatVector zero = FloatVector.zero(S);
        for (int u = u0; u < u1; u++) {
            int j = u * L;
            if (k == 3 && c == 1) {
                backward3x3(s, batch, filters, img, where, g, dW, dBias, blank, j);
                continue;
            }
            java.util.Arrays.fill(acc, 0, taps * L, 0f);
            FloatVector biasSum = zero;
            for (int b = 0; b < batch; b++) {
                for (int py = 0; py < ph; py++) {
                    // the output pixels in row order: both rows of a window row, each left to right
                    for (int dy = 0; dy < 2; dy++) {
                        for (int px = 0; px < pw; px++) {
                            int o = b * outSize + (py * pw + px) * filters + j;
                            FloatVector gv = FloatVector.fromArray(S, g, o);
                            FloatVector pos = FloatVector.fromArray(S, where, o);
                            int window = b * s.imageSize + (2 * py * s.w + 2 * px) * c;
                            boolean skip = blank[(b * ph + py) * pw + px] != 0;
                            for (int dx = 0; dx < 2; dx++) {
                                FloatVector gm = zero.blend(gv, pos.compare(VectorOperators.EQ, (float) (2 * dy + dx)));
                                biasSum = biasSum.add(gm);
                                if (skip) {
                                    continue;
                                }
                                int base = window + dy * row + dx * c, t = 0;
                                for (int kh = 0; kh < k; kh++) {
                                    int r0 = base + kh * row;
                                    for (int q = 0; q < k * c; q++, t++) {
                                        FloatVector av = FloatVector.fromArray(S, acc, t * L);
                                        gm.fma(FloatVector.broadcast(S, img[r0 + q]), av).intoArray(acc, t * L);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            biasSum.intoArray(dBias, j);
            for (int t = 0; t < taps; t++) {
                System.arraycopy(acc, t * L, dW, t * filters + j, L);
            }
        }
    }

    /**
     * {@link #backwardFilters} for one vector of filters of a 3x3 kernel over one channel (the
     * MNIST network's first convolution), its nine chains in registers.
     */
    private static void backward3x3(ConvShape s, int batch, int filters, float[] img, float[] where, float[] g,
                                    float[] dW, float[] dBias, byte[] blank, int j) {
        int ph = s.oh / 2, pw = s.ow / 2, w = s.w, outSize = ph * pw * filters;
        FloatVector zero = FloatVector.zero(S);
        FloatVector a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero, a6 = zero, a7 = zero, a8 = zero;
        FloatVector biasSum = zero;
        for (int b = 0; b < batch; b++) {
            for (int py = 0; py < ph; py++) {
                for (int dy = 0; dy < 2; dy++) {
                    for (int px = 0; px < pw; px++) {
                        int o = b * outSize + (py * pw + px) * filters + j;
                        FloatVector gv = FloatVector.fromArray(S, g, o);
                        FloatVector pos = FloatVector.fromArray(S, where, o);
                        boolean skip = blank[(b * ph + py) * pw + px] != 0;
                        int base = b * s.imageSize + (2 * py + dy) * w + 2 * px;
                        for (int dx = 0; dx < 2; dx++, base++) {
                            FloatVector gm = zero.blend(gv, pos.compare(VectorOperators.EQ, (float) (2 * dy + dx)));
                            biasSum = biasSum.add(gm);
                            if (skip) {
                                continue;
                            }
                            int r1 = base + w, r2 = r1 + w;
                            a0 = gm.fma(FloatVector.broadcast(S, img[base]), a0);
                            a1 = gm.fma(FloatVector.broadcast(S, img[base + 1]), a1);
                            a2 = gm.fma(FloatVector.broadcast(S, img[base + 2]), a2);
                            a3 = gm.fma(FloatVector.broadcast(S, img[r1]), a3);
                            a4 = gm.fma(FloatVector.broadcast(S, img[r1 + 1]), a4);
                            a5 = gm.fma(FloatVector.broadcast(S, img[r1 + 2]), a5);
                            a6 = gm.fma(FloatVector.broadcast(S, img[r2]), a6);
                            a7 = gm.fma(FloatVector.broadcast(S, img[r2 + 1]), a7);
                            a8 = gm.fma(FloatVector.broadcast(S, img[r2 + 2]), a8);
                        }
                    }
                }
            }
        }
        biasSum.intoArray(dBias, j);
        a0.intoArray(dW, j);
        a1.intoArray(dW, filters + j);
        a2.intoArray(dW, 2 * filters + j);
        a3.intoArray(dW, 3 * filters + j);
        a4.intoArray(dW, 4 * filters + j);
        a5.intoArray(dW, 5 * filters + j);
        a6.intoArray(dW, 6 * filters + j);
        a7.intoArray(dW, 7 * filters + j);
        a8.intoArray(dW, 8 * filters + j);
    }

    /** One call's operands and its kept range bodies, per calling thread (nothing allocated per call). */
    private static final class Pass {
        ConvShape s;
        int filters;
        int batch;
        float[] images, a, b, c, d;
        final Parallel.Range forward = (from, to) -> {
            if (s.kernel == 3 && s.c == 1) {
                forwardImages3x3(s, filters, images, a, b, c, d, from, to);
            } else {
                forwardImages(s, filters, images, a, b, c, d, from, to);
            }
        };
        /** Which windows of the batch are blank, found once per backward call and read by every part. */
        byte[] blank = new byte[0];
        final Parallel.Range mark = (from, to) -> markBlank(s, images, blank, from, to);
        final Parallel.Range backward = (from, to) -> backwardFilters(s, batch, filters, images, a, b, c, d, blank,
                Workspace.get().strip(s.taps * L), from, to);

        Pass set(ConvShape s, int filters, float[] images, float[] a, float[] b, float[] c, float[] d) {
            this.s = s;
            this.filters = filters;
            this.images = images;
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            return this;
        }

        void clear() {
            set(null, 0, null, null, null, null, null);
        }
    }
}
