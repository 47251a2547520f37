package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Kernels that read A and B where they lie, without packing: the path for a few rows (one image
 * through the network), for narrow outputs (the 10 classes) and for small products, where
 * copying B into panels would cost as much as the product itself.
 *
 * <p>B is row-major k×n (the {@code mult} and {@code multTransA} cases); A is addressed as
 * A(i,p) = a[i*ars + p*acs], which covers both A and Aᵀ. Each element of C is one FMA chain over
 * p in increasing order starting from zero, the same order as {@link MicroKernel}, so the choice
 * of path never changes the result.
 */
final class DirectKernels {
    private DirectKernels() {}

    /** C rows [i0, i1) of c = A·B, every column. */
    static void rows(float[] a, int ars, int acs, float[] b, float[] c, int i0, int i1, int n, int k) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            int j = 0;
            for (; j + L < n; j += 2 * L) {
                rows4x2(a, ars, acs, b, c, i, j, n, k);
            }
            if (j < n) {
                rows4x1(a, ars, acs, b, c, i, j, n, k);
            }
        }
        for (; i < i1; i++) {
            for (int j = 0; j < n; j += 4 * L) {
                row1x4(a, ars, acs, b, c, i, j, n, k);
            }
        }
    }

    private static void rows4x2(float[] a, int ars, int acs, float[] b, float[] c, int i, int j, int n, int k) {
        VectorMask<Float> m0 = S.indexInRange(j, n);
        VectorMask<Float> m1 = S.indexInRange(j + L, n);
        FloatVector z = FloatVector.zero(S);
        FloatVector c00 = z, c01 = z, c10 = z, c11 = z, c20 = z, c21 = z, c30 = z, c31 = z;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = 0; p < k; p++) {
            int bi = p * n + j;
            int ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, bi, m0);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L, m1);
            FloatVector v;
            v = FloatVector.broadcast(S, a[a0 + ap]); c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[a1 + ap]); c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[a2 + ap]); c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[a3 + ap]); c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
        }
        int o = i * n + j;
        c00.intoArray(c, o, m0); c01.intoArray(c, o + L, m1); o += n;
        c10.intoArray(c, o, m0); c11.intoArray(c, o + L, m1); o += n;
        c20.intoArray(c, o, m0); c21.intoArray(c, o + L, m1); o += n;
        c30.intoArray(c, o, m0); c31.intoArray(c, o + L, m1);
    }

    private static void rows4x1(float[] a, int ars, int acs, float[] b, float[] c, int i, int j, int n, int k) {
        VectorMask<Float> m0 = S.indexInRange(j, n);
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z;
        int a0 = i * ars, a1 = a0 + ars, a2 = a1 + ars, a3 = a2 + ars;
        for (int p = 0; p < k; p++) {
            int ap = p * acs;
            FloatVector b0 = FloatVector.fromArray(S, b, p * n + j, m0);
            c0 = b0.fma(FloatVector.broadcast(S, a[a0 + ap]), c0);
            c1 = b0.fma(FloatVector.broadcast(S, a[a1 + ap]), c1);
            c2 = b0.fma(FloatVector.broadcast(S, a[a2 + ap]), c2);
            c3 = b0.fma(FloatVector.broadcast(S, a[a3 + ap]), c3);
        }
        int o = i * n + j;
        c0.intoArray(c, o, m0); o += n;
        c1.intoArray(c, o, m0); o += n;
        c2.intoArray(c, o, m0); o += n;
        c3.intoArray(c, o, m0);
    }

    /** One row, four vectors of columns: four independent FMA chains, enough to hide the latency. */
    private static void row1x4(float[] a, int ars, int acs, float[] b, float[] c, int i, int j, int n, int k) {
        VectorMask<Float> m0 = S.indexInRange(j, n);
        VectorMask<Float> m1 = S.indexInRange(j + L, n);
        VectorMask<Float> m2 = S.indexInRange(j + 2 * L, n);
        VectorMask<Float> m3 = S.indexInRange(j + 3 * L, n);
        FloatVector z = FloatVector.zero(S);
        FloatVector c0 = z, c1 = z, c2 = z, c3 = z;
        int a0 = i * ars;
        for (int p = 0; p < k; p++) {
            int bi = p * n + j;
            FloatVector v = FloatVector.broadcast(S, a[a0 + p * acs]);
            c0 = FloatVector.fromArray(S, b, bi, m0).fma(v, c0);
            c1 = FloatVector.fromArray(S, b, bi + L, m1).fma(v, c1);
            c2 = FloatVector.fromArray(S, b, bi + 2 * L, m2).fma(v, c2);
            c3 = FloatVector.fromArray(S, b, bi + 3 * L, m3).fma(v, c3);
        }
        int o = i * n + j;
        c0.intoArray(c, o, m0);
        c1.intoArray(c, o + L, m1);
        c2.intoArray(c, o + 2 * L, m2);
        c3.intoArray(c, o + 3 * L, m3);
    }
}
