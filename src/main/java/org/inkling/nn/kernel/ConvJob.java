package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.GemmJob.KC_MAX;
import static org.inkling.nn.kernel.GemmJob.MIN_PART_MACS;
import static org.inkling.nn.kernel.GemmJob.NC_MAX;
import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.MR;
import static org.inkling.nn.kernel.MicroKernel.NR;
import static org.inkling.nn.kernel.MicroKernel.S;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * A convolution's three products with the unfolded (im2col) matrix read from the images where
 * they lie ({@link ConvShape}), instead of from a copy written first and read back (for the
 * second convolution of the MNIST network that copy is 17.8 MB a batch, the images 2.8 MB):
 *
 * <ul>
 *   <li>forward: out = act(cols·W + bias), each tile's eight rows read from the image;
 *   <li>weight gradient: dW = colsᵀ·dZ, each packed A panel (eight taps over a block of pixels)
 *       gathered from the images;
 *   <li>input gradient: dIn = col2im(dZ·Wᵀ), each finished strip of eight rows of dZ·Wᵀ added
 *       into the input gradient at once (the fold) instead of written out whole and folded in a
 *       second pass; rows of dZ that are all zero (pixels a max-pool passed over) are left out.
 * </ul>
 *
 * Every element is the same FMA chain, in the same order, as {@link GemmJob} computes on the
 * explicit matrix, and the fold adds rows in the order col2im does, so the bits are those of the
 * explicit path, on any number of threads. Parts: ranges of tiles of rows; for the input gradient
 * ranges of whole groups of images whose rows start a tile, so that each image's gradient is
 * written by one thread.
 */
final class ConvJob implements PoolTask {
    enum Kind { FORWARD, WEIGHT_GRADIENT, INPUT_GRADIENT }

    Kind kind;
    ConvShape s;
    int batch;
    /** The images (forward, weight gradient), or dZ (input gradient). */
    float[] a;
    /** W (forward, input gradient), or dZ (weight gradient). */
    float[] b;
    /** out, dW, or dIn. */
    float[] c;
    float[] bias;
    boolean relu;
    /** The product's sizes: C is m×n over k steps. */
    int m;
    int n;
    int k;
    int parts = 1;
    int units;
    int unit;

    @Override
    public int parts() {
        return parts;
    }

    void set(Kind kind, ConvShape s, int batch, int filters, float[] a, float[] b, float[] c, float[] bias, boolean relu) {
        this.kind = kind;
        this.s = s;
        this.batch = batch;
        this.a = a;
        this.b = b;
        this.c = c;
        this.bias = bias;
        this.relu = relu;
        int rows = batch * s.pixels;
        switch (kind) {
            case FORWARD, INPUT_GRADIENT -> {
                m = rows;
                n = kind == Kind.FORWARD ? filters : s.taps;
                k = kind == Kind.FORWARD ? s.taps : filters;
            }
            case WEIGHT_GRADIENT -> {
                m = s.taps;
                n = filters;
                k = rows;
            }
        }
        parts = 1;
    }

    void clear() {
        a = null;
        b = null;
        c = null;
        bias = null;
    }

    /** Images per unit of the input gradient's split: the fewest whose rows fill whole tiles. */
    int imagesPerGroup() {
        int g = s.pixels, r = MR;
        while (r != 0) {
            int t = g % r;
            g = r;
            r = t;
        }
        return MR / g;
    }

    /** Cuts the work into at most {@code threads} parts of at least {@link GemmJob#MIN_PART_MACS}; returns how many. */
    int planSplit(int threads) {
        long macs = (long) m * n * k;
        int most = (int) Math.max(1, Math.min(Math.min(threads, GemmPool.MAX_PARTS), macs / MIN_PART_MACS));
        if (kind == Kind.INPUT_GRADIENT) {
            unit = imagesPerGroup();
            units = (batch + unit - 1) / unit;
        } else {
            unit = MR;
            units = (m + MR - 1) / MR;
        }
        parts = Math.max(1, Math.min(units, most));
        return parts;
    }

    /** Where part {@code part} starts: a row (of C), or an image for the input gradient. */
    int partStart(int part) {
        int extent = kind == Kind.INPUT_GRADIENT ? batch : m;
        if (part >= parts) {
            return extent;
        }
        return (int) Math.min(extent, (long) units * part / parts * unit);
    }

    void runAll(Workspace ws) {
        run(0, kind == Kind.INPUT_GRADIENT ? batch : m, ws);
    }

    @Override
    public void runPart(int part, Workspace ws) {
        run(partStart(part), partStart(part + 1), ws);
    }

    private void run(int from, int to, Workspace ws) {
        if (from >= to) {
            return;
        }
        switch (kind) {
            case FORWARD -> forward(from, to, ws);
            case WEIGHT_GRADIENT -> weightGradient(from, to, ws);
            case INPUT_GRADIENT -> inputGradient(from, to, ws);
        }
    }

    /** Rows [i0, i1) of out = act(cols·W + bias). */
    private void forward(int i0, int i1, Workspace ws) {
        int kBlocks = (k + KC_MAX - 1) / KC_MAX;
        int kcBase = (k + kBlocks - 1) / kBlocks;
        int nBlocks = (n + NC_MAX - 1) / NC_MAX;
        int ncBase = ((n + nBlocks - 1) / nBlocks + NR - 1) / NR * NR;
        float[] bp = ws.bPanels(kcBase * ncBase);
        float[] ap = ws.aPanel(kcBase * MR + L);
        float[] tile = ws.tile;
        int[] rows = ws.rows;
        for (int jc = 0; jc < n; jc += ncBase) {
            int nc = Math.min(ncBase, n - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += kcBase) {
                int kc = Math.min(kcBase, k - pc);
                boolean accumulate = pc > 0;
                boolean last = pc + kc >= k;
                Packing.packB(b, false, n, k, pc, kc, jc, nc, bp);
                for (int ir = i0; ir < i1; ir += MR) {
                    int mr = Math.min(MR, i1 - ir);
                    if (mr < MR) {
                        packRows(ir, mr, pc, kc, ap);
                    } else {
                        for (int r = 0; r < MR; r++) {
                            rows[r] = s.rowBase(ir + r);
                        }
                    }
                    for (int q = 0; q < panels; q++) {
                        int jq = jc + q * NR;
                        int nr = Math.min(NR, jc + nc - jq);
                        int bOff = q * kc * NR;
                        if (mr == MR && nr == NR) {
                            gather(kc, pc, rows, bp, bOff, c, ir * n + jq, n, accumulate);
                        } else {
                            if (accumulate) {
                                for (int r = 0; r < mr; r++) {
                                    System.arraycopy(c, (ir + r) * n + jq, tile, r * NR, nr);
                                }
                            }
                            if (mr == MR) {
                                gather(kc, pc, rows, bp, bOff, tile, 0, NR, accumulate);
                            } else {
                                MicroKernel.dense(kc, ap, 0, bp, bOff, tile, 0, NR, accumulate);
                            }
                            for (int r = 0; r < mr; r++) {
                                System.arraycopy(tile, r * NR, c, (ir + r) * n + jq, nr);
                            }
                        }
                        if (last && bias != null) {
                            Epilogue.block(c, n, ir, ir + mr, jq, jq + nr, bias, relu);
                        }
                    }
                }
            }
        }
    }

    /**
     * One tile's steps [pc, pc + kc) read from the image: one kernel call per kernel row the
     * block touches, each continuing the chains the one before stored (a float stored and
     * reloaded is the same float, so the bits are those of one call).
     */
    private void gather(int kc, int pc, int[] rows, float[] bp, int bOff, float[] dst, int dOff, int ldc, boolean accumulate) {
        int t = pc, end = pc + kc;
        boolean acc = accumulate;
        while (t < end) {
            int kh = t / s.run;
            int segEnd = Math.min(end, (kh + 1) * s.run);
            MicroKernel.gatherRows(segEnd - t, a, rows, kh * s.w * s.c + (t - kh * s.run), bp, bOff + (t - pc) * NR, dst, dOff, ldc, acc);
            acc = true;
            t = segEnd;
        }
    }

    /** Packs rows [ir, ir + mr) of the unfolded matrix, steps [pc, pc + kc), as {@link Packing#packA} does. */
    private void packRows(int ir, int mr, int pc, int kc, float[] ap) {
        for (int r = 0; r < MR; r++) {
            if (r >= mr) {
                for (int p = 0; p < kc; p++) {
                    ap[p * MR + r] = 0f;
                }
                continue;
            }
            int base = s.rowBase(ir + r);
            for (int p = 0; p < kc; p++) {
                ap[p * MR + r] = a[base + s.tapOffset(pc + p)];
            }
        }
    }

    /** Tap rows [i0, i1) of dW = colsᵀ·dZ: the steps are the batch's output pixels. */
    private void weightGradient(int i0, int i1, Workspace ws) {
        int kBlocks = (k + KC_MAX - 1) / KC_MAX;
        int kcBase = (k + kBlocks - 1) / kBlocks;
        int nBlocks = (n + NC_MAX - 1) / NC_MAX;
        int ncBase = ((n + nBlocks - 1) / nBlocks + NR - 1) / NR * NR;
        float[] bp = ws.bPanels(kcBase * ncBase);
        float[] ap = ws.aPanel(kcBase * MR + L);
        float[] tile = ws.tile;
        int[] bases = ws.steps(kcBase);
        for (int jc = 0; jc < n; jc += ncBase) {
            int nc = Math.min(ncBase, n - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += kcBase) {
                int kc = Math.min(kcBase, k - pc);
                boolean accumulate = pc > 0;
                // only the output pixels whose gradient is not all zero (a pool after this
                // convolution leaves whole pixels without one): the others add nothing
                int kept = Packing.packBNonZeroRows(b, n, pc, kc, jc, nc, bp, bases);
                for (int i = 0; i < kept; i++) {
                    bases[i] = s.rowBase(pc + bases[i]);
                }
                for (int ir = i0; ir < i1; ir += MR) {
                    int mr = Math.min(MR, i1 - ir);
                    packTaps(ir, mr, kept, bases, ap);
                    for (int q = 0; q < panels; q++) {
                        int jq = jc + q * NR;
                        int nr = Math.min(NR, jc + nc - jq);
                        int bOff = q * kept * NR;
                        if (mr == MR && nr == NR) {
                            MicroKernel.dense(kept, ap, 0, bp, bOff, c, ir * n + jq, n, accumulate);
                        } else {
                            if (accumulate) {
                                for (int r = 0; r < mr; r++) {
                                    System.arraycopy(c, (ir + r) * n + jq, tile, r * NR, nr);
                                }
                            }
                            MicroKernel.dense(kept, ap, 0, bp, bOff, tile, 0, NR, accumulate);
                            for (int r = 0; r < mr; r++) {
                                System.arraycopy(tile, r * NR, c, (ir + r) * n + jq, nr);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Packs taps [ir, ir + mr) over the pixels whose image positions {@code bases} holds: eight
     * taps under one kernel row are eight contiguous values of the image, moved by one vector
     * whose upper lanes the next pixel's values overwrite (the panel has L spare floats).
     */
    private void packTaps(int ir, int mr, int kc, int[] bases, float[] ap) {
        int off = s.tapOffset(ir);
        if (mr == MR && s.tapOffset(ir + MR - 1) == off + MR - 1) {
            int safe = a.length - L;
            for (int p = 0; p < kc; p++) {
                int src = bases[p] + off;
                if (src <= safe) {
                    FloatVector.fromArray(S, a, src).intoArray(ap, p * MR);
                } else {
                    System.arraycopy(a, src, ap, p * MR, MR);
                }
            }
            return;
        }
        for (int r = 0; r < MR; r++) {
            int t = r < mr ? s.tapOffset(ir + r) : 0;
            for (int p = 0; p < kc; p++) {
                ap[p * MR + r] = r < mr ? a[bases[p] + t] : 0f;
            }
        }
    }

    /**
     * Images [b0, b1) of dIn = col2im(dZ·Wᵀ): each strip of eight rows of dZ·Wᵀ (every tap) is
     * computed into a scratch strip and at once added into the images' gradient, row by row and
     * kernel row by kernel row, the order col2im adds them in.
     */
    private void inputGradient(int b0, int b1, Workspace ws) {
        Arrays.fill(c, b0 * s.imageSize, b1 * s.imageSize, 0f);
        int panels = (n + NR - 1) / NR;
        int ld = panels * NR;
        float[] bp = ws.bPanels(k * ld);
        float[] ap = ws.aPanel(k * MR + L);
        float[] strip = ws.strip(MR * ld);
        Packing.packB(b, true, n, k, 0, k, 0, n, bp);
        int[] rows = ws.rows;
        int r1 = b1 * s.pixels, mr = 0;
        // Tiles of the rows of dZ that are not all zero, in order: a zero row's strip row is all
        // +0, and adding +0 changes no value of the gradient (which starts at +0 and so never
        // holds −0); a max-pool after the convolution leaves many such rows.
        for (int row = b0 * s.pixels; row < r1; row++) {
            if (VectorGemm.SKIP_ZEROS && isZeroRow(a, row * k, k)) {
                continue;
            }
            rows[mr++] = row;
            if (mr == MR) {
                strip(rows, mr, panels, ld, ap, bp, strip);
                mr = 0;
            }
        }
        if (mr > 0) {
            strip(rows, mr, panels, ld, ap, bp, strip);
        }
    }

    /** Rows {@code rows[0 .. mr)} of dZ·Wᵀ into the strip, then added into the images' gradient. */
    private void strip(int[] rows, int mr, int panels, int ld, float[] ap, float[] bp, float[] strip) {
        for (int r = 0; r < MR; r++) {
            int src = rows[r] * k;
            for (int p = 0; p < k; p++) {
                ap[p * MR + r] = r < mr ? a[src + p] : 0f;
            }
        }
        for (int q = 0; q < panels; q++) {
            MicroKernel.dense(k, ap, 0, bp, q * k * NR, strip, q * NR, ld, false);
        }
        for (int r = 0; r < mr; r++) {
            int base = s.rowBase(rows[r]), src = r * ld;
            for (int kh = 0; kh < s.kernel; kh++, src += s.run) {
                add(strip, src, c, base + kh * s.w * s.c, s.run);
            }
        }
    }

    /** Whether a[off .. off + len) are all ±0 (NaN is not). */
    private static boolean isZeroRow(float[] a, int off, int len) {
        FloatVector most = FloatVector.zero(S);
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += L) {
            most = most.max(FloatVector.fromArray(S, a, off + i).abs());
        }
        float m = most.reduceLanes(jdk.incubator.vector.VectorOperators.MAX);
        for (; i < len; i++) {
            m = Math.max(m, Math.abs(a[off + i]));
        }
        return m == 0f;
    }

    /** d[dOff ..] += v[vOff ..], len values, each rounded once as col2im rounds it. */
    private static void add(float[] v, int vOff, float[] d, int dOff, int len) {
        int i = 0;
        for (int upper = S.loopBound(len); i < upper; i += L) {
            FloatVector.fromArray(S, d, dOff + i).add(FloatVector.fromArray(S, v, vOff + i)).intoArray(d, dOff + i);
        }
        for (; i < len; i++) {
            d[dOff + i] += v[vOff + i];
        }
    }
}
