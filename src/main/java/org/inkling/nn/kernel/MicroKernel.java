package org.inkling.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel of the packed path: an {@value #MR}×{@link #NR} tile of C
 * updated from a packed A micro-panel (k×MR, row index fastest) and a packed B micro-panel
 * (k×NR, column index fastest).
 *
 * <p>16 accumulators plus two B vectors and one broadcast fit in the 32 vector registers of
 * AVX-512, and 16 independent FMA chains hide the FMA latency. Each element of C is one FMA chain
 * over p in increasing order, continued from the value already in C when {@code accumulate}; that
 * is the order every path of {@link VectorGemm} uses, so all paths give the same bits.
 *
 * <p>The accumulators are written out by hand because the Vector API keeps values in registers
 * only when they are plain locals.
 */
final class MicroKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    /** Rows of a tile. */
    static final int MR = 8;
    /** Columns of a tile: two vectors. */
    static final int NR = 2 * L;

    private MicroKernel() {}

    /**
     * C[cOff + r*ldc + j] (r < MR, j < NR) = (accumulate ? C : 0) + Σ_s ap[aOff + s*MR + r] · bp[bOff + steps[s]*NR + j]
     * over s < kept: the A panel holds only the kept steps of the block, compacted (see
     * {@link ZeroSteps} and {@link Packing#compactA}), and {@code steps} says which row of the B
     * panel each one meets.
     */
    static void kernel(int kept, int[] steps, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        kernel(kept, steps, ap, aOff, bp, bOff, c, cOff, cOff + 4 * ldc, ldc, accumulate);
    }

    /**
     * As {@link #kernel(int, int[], float[], int, float[], int, float[], int, int, boolean)} with the
     * tile's rows 4 to 7 starting at {@code cOff4} instead of four rows below row 0: a panel of two
     * runs of four rows of C (see {@link ImageBands}).
     */
    static void kernel(int kept, int[] steps, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int cOff4, int ldc, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            int o = cOff;
            c00 = FloatVector.fromArray(S, c, o); c01 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c10 = FloatVector.fromArray(S, c, o); c11 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c20 = FloatVector.fromArray(S, c, o); c21 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c30 = FloatVector.fromArray(S, c, o); c31 = FloatVector.fromArray(S, c, o + L); o = cOff4;
            c40 = FloatVector.fromArray(S, c, o); c41 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c50 = FloatVector.fromArray(S, c, o); c51 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c60 = FloatVector.fromArray(S, c, o); c61 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c70 = FloatVector.fromArray(S, c, o); c71 = FloatVector.fromArray(S, c, o + L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        for (int i = 0; i < kept; i++) {
            int bi = bOff + steps[i] * NR;
            int ai = aOff + i * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);     c00 = b0.fma(a, c00); c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, ap[ai + 1]); c10 = b0.fma(a, c10); c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, ap[ai + 2]); c20 = b0.fma(a, c20); c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, ap[ai + 3]); c30 = b0.fma(a, c30); c31 = b1.fma(a, c31);
            a = FloatVector.broadcast(S, ap[ai + 4]); c40 = b0.fma(a, c40); c41 = b1.fma(a, c41);
            a = FloatVector.broadcast(S, ap[ai + 5]); c50 = b0.fma(a, c50); c51 = b1.fma(a, c51);
            a = FloatVector.broadcast(S, ap[ai + 6]); c60 = b0.fma(a, c60); c61 = b1.fma(a, c61);
            a = FloatVector.broadcast(S, ap[ai + 7]); c70 = b0.fma(a, c70); c71 = b1.fma(a, c71);
        }
        int o = cOff;
        c00.intoArray(c, o); c01.intoArray(c, o + L); o += ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + L); o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + L); o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + L); o = cOff4;
        c40.intoArray(c, o); c41.intoArray(c, o + L); o += ldc;
        c50.intoArray(c, o); c51.intoArray(c, o + L); o += ldc;
        c60.intoArray(c, o); c61.intoArray(c, o + L); o += ldc;
        c70.intoArray(c, o); c71.intoArray(c, o + L);
    }

    /** As {@link #kernel} over every step of a whole panel, without the indirection (which costs a bounds check a load). */
    static void dense(int kc, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        dense(kc, ap, aOff, bp, bOff, c, cOff, cOff + 4 * ldc, ldc, accumulate);
    }

    /** As {@link #dense(int, float[], int, float[], int, float[], int, int, boolean)} with rows 4 to 7 from {@code cOff4}. */
    static void dense(int kc, float[] ap, int aOff, float[] bp, int bOff,
                      float[] c, int cOff, int cOff4, int ldc, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            int o = cOff;
            c00 = FloatVector.fromArray(S, c, o); c01 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c10 = FloatVector.fromArray(S, c, o); c11 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c20 = FloatVector.fromArray(S, c, o); c21 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c30 = FloatVector.fromArray(S, c, o); c31 = FloatVector.fromArray(S, c, o + L); o = cOff4;
            c40 = FloatVector.fromArray(S, c, o); c41 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c50 = FloatVector.fromArray(S, c, o); c51 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c60 = FloatVector.fromArray(S, c, o); c61 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c70 = FloatVector.fromArray(S, c, o); c71 = FloatVector.fromArray(S, c, o + L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        for (int i = 0; i < kc; i++) {
            int bi = bOff + i * NR;
            int ai = aOff + i * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);     c00 = b0.fma(a, c00); c01 = b1.fma(a, c01);
            a = FloatVector.broadcast(S, ap[ai + 1]); c10 = b0.fma(a, c10); c11 = b1.fma(a, c11);
            a = FloatVector.broadcast(S, ap[ai + 2]); c20 = b0.fma(a, c20); c21 = b1.fma(a, c21);
            a = FloatVector.broadcast(S, ap[ai + 3]); c30 = b0.fma(a, c30); c31 = b1.fma(a, c31);
            a = FloatVector.broadcast(S, ap[ai + 4]); c40 = b0.fma(a, c40); c41 = b1.fma(a, c41);
            a = FloatVector.broadcast(S, ap[ai + 5]); c50 = b0.fma(a, c50); c51 = b1.fma(a, c51);
            a = FloatVector.broadcast(S, ap[ai + 6]); c60 = b0.fma(a, c60); c61 = b1.fma(a, c61);
            a = FloatVector.broadcast(S, ap[ai + 7]); c70 = b0.fma(a, c70); c71 = b1.fma(a, c71);
        }
        int o = cOff;
        c00.intoArray(c, o); c01.intoArray(c, o + L); o += ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + L); o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + L); o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + L); o = cOff4;
        c40.intoArray(c, o); c41.intoArray(c, o + L); o += ldc;
        c50.intoArray(c, o); c51.intoArray(c, o + L); o += ldc;
        c60.intoArray(c, o); c61.intoArray(c, o + L); o += ldc;
        c70.intoArray(c, o); c71.intoArray(c, o + L);
    }

    /**
     * As {@link #dense}, reading A where it lies instead of from a packed panel: A(r, i) =
     * a[aOff + r*lda + i], eight rows read side by side. For products whose A is not transposed
     * and meets few columns of B (the convolutions' n = 32 or 64), where packing A, a scattered
     * copy of every value, cost as much as the arithmetic it feeds.
     */
    static void denseRows(int kc, float[] a, int aOff, int lda, float[] bp, int bOff,
                          float[] c, int cOff, int ldc, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            int o = cOff;
            c00 = FloatVector.fromArray(S, c, o); c01 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c10 = FloatVector.fromArray(S, c, o); c11 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c20 = FloatVector.fromArray(S, c, o); c21 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c30 = FloatVector.fromArray(S, c, o); c31 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c40 = FloatVector.fromArray(S, c, o); c41 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c50 = FloatVector.fromArray(S, c, o); c51 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c60 = FloatVector.fromArray(S, c, o); c61 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c70 = FloatVector.fromArray(S, c, o); c71 = FloatVector.fromArray(S, c, o + L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        int a0 = aOff, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda, a6 = a5 + lda, a7 = a6 + lda;
        for (int i = 0; i < kc; i++) {
            int bi = bOff + i * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector v;
            v = FloatVector.broadcast(S, a[a0 + i]); c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[a1 + i]); c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[a2 + i]); c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[a3 + i]); c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
            v = FloatVector.broadcast(S, a[a4 + i]); c40 = b0.fma(v, c40); c41 = b1.fma(v, c41);
            v = FloatVector.broadcast(S, a[a5 + i]); c50 = b0.fma(v, c50); c51 = b1.fma(v, c51);
            v = FloatVector.broadcast(S, a[a6 + i]); c60 = b0.fma(v, c60); c61 = b1.fma(v, c61);
            v = FloatVector.broadcast(S, a[a7 + i]); c70 = b0.fma(v, c70); c71 = b1.fma(v, c71);
        }
        int o = cOff;
        c00.intoArray(c, o); c01.intoArray(c, o + L); o += ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + L); o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + L); o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + L); o += ldc;
        c40.intoArray(c, o); c41.intoArray(c, o + L); o += ldc;
        c50.intoArray(c, o); c51.intoArray(c, o + L); o += ldc;
        c60.intoArray(c, o); c61.intoArray(c, o + L); o += ldc;
        c70.intoArray(c, o); c71.intoArray(c, o + L);
    }

    /**
     * As {@link #denseRows}, with each of the eight rows of A starting where {@code rows} says:
     * A(r, i) = a[rows[r] + off + i]. For a convolution's rows read straight from the image
     * (implicit im2col): a row's taps under one kernel row are contiguous in the image, and
     * consecutive output pixels of a tile can wrap to the next image row or image.
     */
    static void gatherRows(int kc, float[] a, int[] rows, int off, float[] bp, int bOff,
                           float[] c, int cOff, int ldc, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            int o = cOff;
            c00 = FloatVector.fromArray(S, c, o); c01 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c10 = FloatVector.fromArray(S, c, o); c11 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c20 = FloatVector.fromArray(S, c, o); c21 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c30 = FloatVector.fromArray(S, c, o); c31 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c40 = FloatVector.fromArray(S, c, o); c41 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c50 = FloatVector.fromArray(S, c, o); c51 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c60 = FloatVector.fromArray(S, c, o); c61 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c70 = FloatVector.fromArray(S, c, o); c71 = FloatVector.fromArray(S, c, o + L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        int a0 = rows[0] + off, a1 = rows[1] + off, a2 = rows[2] + off, a3 = rows[3] + off;
        int a4 = rows[4] + off, a5 = rows[5] + off, a6 = rows[6] + off, a7 = rows[7] + off;
        for (int i = 0; i < kc; i++) {
            int bi = bOff + i * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector v;
            v = FloatVector.broadcast(S, a[a0 + i]); c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[a1 + i]); c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[a2 + i]); c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[a3 + i]); c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
            v = FloatVector.broadcast(S, a[a4 + i]); c40 = b0.fma(v, c40); c41 = b1.fma(v, c41);
            v = FloatVector.broadcast(S, a[a5 + i]); c50 = b0.fma(v, c50); c51 = b1.fma(v, c51);
            v = FloatVector.broadcast(S, a[a6 + i]); c60 = b0.fma(v, c60); c61 = b1.fma(v, c61);
            v = FloatVector.broadcast(S, a[a7 + i]); c70 = b0.fma(v, c70); c71 = b1.fma(v, c71);
        }
        int o = cOff;
        c00.intoArray(c, o); c01.intoArray(c, o + L); o += ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + L); o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + L); o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + L); o += ldc;
        c40.intoArray(c, o); c41.intoArray(c, o + L); o += ldc;
        c50.intoArray(c, o); c51.intoArray(c, o + L); o += ldc;
        c60.intoArray(c, o); c61.intoArray(c, o + L); o += ldc;
        c70.intoArray(c, o); c71.intoArray(c, o + L);
    }

    /**
     * As {@link #kernel}, reading A and B where they lie, for a deep product of few rows
     * ({@code Aᵀ·B} with A k×m, B k×n, row-major): step s is p = p0 + steps[s], its eight A values
     * are a[p*lda + aCol ...] (contiguous) and its B vectors start at b[p*ldb + bCol]. Packing
     * would copy each value of B to use it once or twice.
     */
    static void deep(int kept, int[] steps, int p0, float[] a, int aCol, int lda, float[] b, int bCol, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51, c60, c61, c70, c71;
        if (accumulate) {
            int o = cOff;
            c00 = FloatVector.fromArray(S, c, o); c01 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c10 = FloatVector.fromArray(S, c, o); c11 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c20 = FloatVector.fromArray(S, c, o); c21 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c30 = FloatVector.fromArray(S, c, o); c31 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c40 = FloatVector.fromArray(S, c, o); c41 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c50 = FloatVector.fromArray(S, c, o); c51 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c60 = FloatVector.fromArray(S, c, o); c61 = FloatVector.fromArray(S, c, o + L); o += ldc;
            c70 = FloatVector.fromArray(S, c, o); c71 = FloatVector.fromArray(S, c, o + L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c10 = z; c11 = z; c20 = z; c21 = z; c30 = z; c31 = z;
            c40 = z; c41 = z; c50 = z; c51 = z; c60 = z; c61 = z; c70 = z; c71 = z;
        }
        for (int s = 0; s < kept; s++) {
            int p = p0 + steps[s];
            int bi = p * ldb + bCol;
            int ai = p * lda + aCol;
            FloatVector b0 = FloatVector.fromArray(S, b, bi);
            FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
            FloatVector v;
            v = FloatVector.broadcast(S, a[ai]);     c00 = b0.fma(v, c00); c01 = b1.fma(v, c01);
            v = FloatVector.broadcast(S, a[ai + 1]); c10 = b0.fma(v, c10); c11 = b1.fma(v, c11);
            v = FloatVector.broadcast(S, a[ai + 2]); c20 = b0.fma(v, c20); c21 = b1.fma(v, c21);
            v = FloatVector.broadcast(S, a[ai + 3]); c30 = b0.fma(v, c30); c31 = b1.fma(v, c31);
            v = FloatVector.broadcast(S, a[ai + 4]); c40 = b0.fma(v, c40); c41 = b1.fma(v, c41);
            v = FloatVector.broadcast(S, a[ai + 5]); c50 = b0.fma(v, c50); c51 = b1.fma(v, c51);
            v = FloatVector.broadcast(S, a[ai + 6]); c60 = b0.fma(v, c60); c61 = b1.fma(v, c61);
            v = FloatVector.broadcast(S, a[ai + 7]); c70 = b0.fma(v, c70); c71 = b1.fma(v, c71);
        }
        int o = cOff;
        c00.intoArray(c, o); c01.intoArray(c, o + L); o += ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + L); o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + L); o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + L); o += ldc;
        c40.intoArray(c, o); c41.intoArray(c, o + L); o += ldc;
        c50.intoArray(c, o); c51.intoArray(c, o + L); o += ldc;
        c60.intoArray(c, o); c61.intoArray(c, o + L); o += ldc;
        c70.intoArray(c, o); c71.intoArray(c, o + L);
    }
}
