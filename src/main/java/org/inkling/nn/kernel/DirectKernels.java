package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * Kernels that read A and B where they lie, without packing: the path for a few rows (one image
 * through the network), for narrow outputs (the 10 classes) and for small products, where
 * copying B into panels would cost as much as the product itself.
 *
 * <p>B is row-major k×n (the {@code mult} and {@code multTransA} cases); A is addressed as
 * A(i,p) = a[i*ars + p*acs], which covers both A and Aᵀ. Each element of C is one FMA chain over
 * p in increasing order starting from zero, the same order as {@link MicroKernel}, so the choice
 * of path never changes the result. A single row skips its zero steps as the packed path does.
 *
 * <p>No masked vector operations: on this class of CPU a masked load costs about three times a
 * plain one, and one that reaches past the end of the array leaves the intrinsic and allocates.
 * The last partial vector of columns is loaded whole instead (the extra lanes read the next row
 * of B and are thrown away); only the last rows of B, where such a load would pass the end of
 * the array, are copied into a small padded scratch first.
 */
final class DirectKernels {
    private DirectKernels() {}

    /**
     * C rows [i0, i1), columns [j0, j1) of c = A·B. A column range that does not cover every
     * column starts at a multiple of L, and only the range that reaches n includes the last,
     * partial vector of columns.
     */
    static void rows(float[] a, int ars, int acs, float[] b, float[] c, int i0, int i1, int j0, int j1, int n, int k, Workspace ws) {
        int tail = n % L;
        int nFull = n - tail;
        int jEnd = Math.min(j1, nFull);
        int i = i0;
        for (; i + 4 <= i1 && jEnd > j0; i += 4) {
            int j = j0;
            for (; j + 2 * L <= jEnd; j += 2 * L) {
                rows4x2(a, ars, acs, b, c, i, j, n, k);
            }
            if (j < jEnd) {
                rows4x1(a, ars, acs, b, c, i, j, n, k);
            }
        }
        int[] steps = ws.steps(k);
        for (; i < i1 && jEnd > j0; i++) {
            int kept = nonZeroSteps(a, i * ars, acs, k, steps);
            int j = j0;
            for (; j + 16 * L <= jEnd; j += 16 * L) {
                row1x16(steps, kept, a, i * ars, acs, b, c, i * n + j, j, n);
            }
            for (; j + 4 * L <= jEnd; j += 4 * L) {
                row1x4(steps, kept, a, i * ars, acs, b, c, i * n + j, j, n);
            }
            for (; j < jEnd; j += L) {
                row1x1(steps, kept, a, i * ars, acs, b, c, i * n + j, j, n);
            }
        }
        if (tail > 0 && j1 == n) {
            // Rows p >= pSafe of B cannot be loaded whole at column nFull without passing the end of b.
            int pSafe = Math.max(0, Math.min(k, Math.floorDiv(b.length - nFull - L, n) + 1));
            float[] scratch = ws.aPanel((k - pSafe) * L);
            for (int p = pSafe; p < k; p++) {
                System.arraycopy(b, p * n + nFull, scratch, (p - pSafe) * L, tail);
            }
            i = i0;
            for (; i + 8 <= i1; i += 8) {
                tail8(a, ars, acs, b, scratch, pSafe, c, i, nFull, tail, n, k, ws.tile);
            }
            for (; i < i1; i++) {
                tail1(a, ars, acs, b, scratch, pSafe, c, i, nFull, tail, n, k, ws.tile);
            }
        }
    }

    private static void rows4x2(float[] a, int ars, int acs, float[] b, float[] c, int i, int j, int n, int k) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = 0; p < k; p++) {
            int bi = p * n + j;
            int ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector v;
            v = FloatVector.broadcast(S, a[a0 + ap]); c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[a1 + ap]); c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[a2 + ap]); c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[a3 + ap]); c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
        }
        int o = i * n + j;
        c00.intoArray(c, o); c01.intoArray(c, o + L); o += n;
        c10.intoArray(c, o); c11.intoArray(c, o + L); o += n;
        c20.intoArray(c, o); c21.intoArray(c, o + L); o += n;
        c30.intoArray(c, o); c31.intoArray(c, o + L);
    }

    private static void rows4x1(float[] a, int ars, int acs, float[] b, float[] c, int i, int j, int n, int k) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = 0; p < k; p++) {
            int ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, p * n + j);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + ap]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + ap]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + ap]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + ap]), c3);
        }
        int o = i * n + j;
        c0.intoArray(c, o); o += n;
        c1.intoArray(c, o); o += n;
        c2.intoArray(c, o); o += n;
        c3.intoArray(c, o);
    }

    /**
     * One row, 16 vectors (256 columns): reads B in long sequential runs, which is what a single
     * image is bound by (the 1.6 MB of the first weight matrix, streamed from L3).
     */
    private static void row1x16(int[] steps, int kept, float[] a, int a0, int acs, float[] b, float[] c, int o, int j, int n) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        FloatVector c8 = z, c9 = z, c10 = z, c11 = z, c12 = z, c13 = z, c14 = z, c15 = z;
        for (int s = 0; s < kept; s++) {
            int p = steps[s];
            int bi = p * n + j;
            FloatVector v = FloatVector.broadcast(S, a[a0 + p * acs]);
            c0 = FloatVector.fromArray(S, b, bi + 0 * L).fma(v, c0);
            c1 = FloatVector.fromArray(S, b, bi + 1 * L).fma(v, c1);
            c2 = FloatVector.fromArray(S, b, bi + 2 * L).fma(v, c2);
            c3 = FloatVector.fromArray(S, b, bi + 3 * L).fma(v, c3);
            c4 = FloatVector.fromArray(S, b, bi + 4 * L).fma(v, c4);
            c5 = FloatVector.fromArray(S, b, bi + 5 * L).fma(v, c5);
            c6 = FloatVector.fromArray(S, b, bi + 6 * L).fma(v, c6);
            c7 = FloatVector.fromArray(S, b, bi + 7 * L).fma(v, c7);
            c8 = FloatVector.fromArray(S, b, bi + 8 * L).fma(v, c8);
            c9 = FloatVector.fromArray(S, b, bi + 9 * L).fma(v, c9);
            c10 = FloatVector.fromArray(S, b, bi + 10 * L).fma(v, c10);
            c11 = FloatVector.fromArray(S, b, bi + 11 * L).fma(v, c11);
            c12 = FloatVector.fromArray(S, b, bi + 12 * L).fma(v, c12);
            c13 = FloatVector.fromArray(S, b, bi + 13 * L).fma(v, c13);
            c14 = FloatVector.fromArray(S, b, bi + 14 * L).fma(v, c14);
            c15 = FloatVector.fromArray(S, b, bi + 15 * L).fma(v, c15);
        }
        c0.intoArray(c, o + 0 * L);
        c1.intoArray(c, o + 1 * L);
        c2.intoArray(c, o + 2 * L);
        c3.intoArray(c, o + 3 * L);
        c4.intoArray(c, o + 4 * L);
        c5.intoArray(c, o + 5 * L);
        c6.intoArray(c, o + 6 * L);
        c7.intoArray(c, o + 7 * L);
        c8.intoArray(c, o + 8 * L);
        c9.intoArray(c, o + 9 * L);
        c10.intoArray(c, o + 10 * L);
        c11.intoArray(c, o + 11 * L);
        c12.intoArray(c, o + 12 * L);
        c13.intoArray(c, o + 13 * L);
        c14.intoArray(c, o + 14 * L);
        c15.intoArray(c, o + 15 * L);
    }

    /** One row, four vectors: four independent FMA chains, enough to hide the FMA latency. */
    private static void row1x4(int[] steps, int kept, float[] a, int a0, int acs, float[] b, float[] c, int o, int j, int n) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z;
        for (int s = 0; s < kept; s++) {
            int p = steps[s];
            int bi = p * n + j;
            FloatVector v = FloatVector.broadcast(S, a[a0 + p * acs]);
            c0 = FloatVector.fromArray(S, b, bi).fma(v, c0);
            c1 = FloatVector.fromArray(S, b, bi + L).fma(v, c1);
            c2 = FloatVector.fromArray(S, b, bi + 2 * L).fma(v, c2);
            c3 = FloatVector.fromArray(S, b, bi + 3 * L).fma(v, c3);
        }
        c0.intoArray(c, o);
        c1.intoArray(c, o + L);
        c2.intoArray(c, o + 2 * L);
        c3.intoArray(c, o + 3 * L);
    }

    static void row1x1(int[] steps, int kept, float[] a, int a0, int acs, float[] b, float[] c, int o, int j, int n) {
        FloatVector c0 = FloatVector.zero(S);
        for (int s = 0; s < kept; s++) {
            int p = steps[s];
            c0 = FloatVector.fromArray(S, b, p * n + j).fma(FloatVector.broadcast(S, a[a0 + p * acs]), c0);
        }
        c0.intoArray(c, o);
    }

    /**
     * The steps p < k at which A(i, p) = a[a0 + p*acs] is not ±0, into {@code steps}; returns
     * their count. One row's chain skips the others exactly (see {@link ZeroSteps}): a drawing
     * is mostly blank, so one image through the first layer reads a fifth of its weights.
     */
    static int nonZeroSteps(float[] a, int a0, int acs, int k, int[] steps) {
        int kept = 0;
        for (int p = 0; p < k; p++) {
            steps[kept] = p;
            kept += !VectorGemm.SKIP_ZEROS || a[a0 + p * acs] != 0f ? 1 : 0;
        }
        return kept;
    }

    /** Eight rows times the last {@code tail} (< L) columns: eight FMA chains, for the 10 classes. */
    private static void tail8(float[] a, int ars, int acs, float[] b, float[] scratch, int pSafe, float[] c,
                              int i, int nFull, int tail, int n, int k, float[] tile) {
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z, c4 = z, c5 = z, c6 = z, c7 = z;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        int a4 = a3 + ars, a5 = a4 + ars, a6 = a5 + ars, a7 = a6 + ars;
        for (int p = 0; p < pSafe; p++) {
            int ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, p * n + nFull);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + ap]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + ap]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + ap]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + ap]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, a[a4 + ap]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, a[a5 + ap]), c5);
            c6 = b0.fma(FloatVector.broadcast(S, a[a6 + ap]), c6);
            c7 = b0.fma(FloatVector.broadcast(S, a[a7 + ap]), c7);
        }
        for (int p = pSafe; p < k; p++) {
            int ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, scratch, (p - pSafe) * L);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + ap]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + ap]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + ap]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + ap]), c3);
            c4 = b0.fma(FloatVector.broadcast(S, a[a4 + ap]), c4);
            c5 = b0.fma(FloatVector.broadcast(S, a[a5 + ap]), c5);
            c6 = b0.fma(FloatVector.broadcast(S, a[a6 + ap]), c6);
            c7 = b0.fma(FloatVector.broadcast(S, a[a7 + ap]), c7);
        }
        c0.intoArray(tile, 0);
        c1.intoArray(tile, L);
        c2.intoArray(tile, 2 * L);
        c3.intoArray(tile, 3 * L);
        c4.intoArray(tile, 4 * L);
        c5.intoArray(tile, 5 * L);
        c6.intoArray(tile, 6 * L);
        c7.intoArray(tile, 7 * L);
        for (int r = 0; r < 8; r++) {
            System.arraycopy(tile, r * L, c, (i + r) * n + nFull, tail);
        }
    }

    private static void tail1(float[] a, int ars, int acs, float[] b, float[] scratch, int pSafe, float[] c,
                              int i, int nFull, int tail, int n, int k, float[] tile) {
        FloatVector c0 = FloatVector.zero(S);
        int a0 = i * ars;
        for (int p = 0; p < pSafe; p++) {
            c0 = FloatVector.fromArray(S, b, p * n + nFull).fma(FloatVector.broadcast(S, a[a0 + p * acs]), c0);
        }
        for (int p = pSafe; p < k; p++) {
            c0 = FloatVector.fromArray(S, scratch, (p - pSafe) * L).fma(FloatVector.broadcast(S, a[a0 + p * acs]), c0);
        }
        c0.intoArray(tile, 0);
        System.arraycopy(tile, 0, c, i * n + nFull, tail);
    }
}
