package org.inkling.nn.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked inner kernel of the packed path: an {@value #MR}×{@link #NR} tile of C
 * updated from a packed A micro-panel (k×MR, row index fastest) and a packed B micro-panel
 * (k×NR, column index fastest).
 *
 * <p>16 accumulators plus four B vectors and one broadcast fit in the 32 vector registers of
 * AVX-512, and 16 independent FMA chains hide the FMA latency. Four rows by four vectors rather
 * than eight by two: as fast on dense operands, and a panel of four rows of A is blank at more
 * steps than one of eight (on MNIST, 29% of the steps of Xᵀ·dZ are kept instead of 40%). Each element of C is one FMA chain
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
    static final int MR = 4;
    /** Columns of a tile: four vectors. */
    static final int NR = 4 * L;

    private MicroKernel() {}

    /**
     * C[cOff + r*ldc + j] (r < MR, j < NR) = (accumulate ? C : 0) + Σ_s ap[aOff + s*MR + r] · bp[bOff + steps[s]*NR + j]
     * over s < kept: the A panel holds only the kept steps of the block (see {@link Packing#packA}),
     * and {@code steps} says which row of the B panel each one meets.
     */
    static void kernel(int kept, int[] steps, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (accumulate) {
            int o = cOff;
            c00 = FloatVector.fromArray(S, c, o); c01 = FloatVector.fromArray(S, c, o + L);
            c02 = FloatVector.fromArray(S, c, o + 2 * L); c03 = FloatVector.fromArray(S, c, o + 3 * L); o += ldc;
            c10 = FloatVector.fromArray(S, c, o); c11 = FloatVector.fromArray(S, c, o + L);
            c12 = FloatVector.fromArray(S, c, o + 2 * L); c13 = FloatVector.fromArray(S, c, o + 3 * L); o += ldc;
            c20 = FloatVector.fromArray(S, c, o); c21 = FloatVector.fromArray(S, c, o + L);
            c22 = FloatVector.fromArray(S, c, o + 2 * L); c23 = FloatVector.fromArray(S, c, o + 3 * L); o += ldc;
            c30 = FloatVector.fromArray(S, c, o); c31 = FloatVector.fromArray(S, c, o + L);
            c32 = FloatVector.fromArray(S, c, o + 2 * L); c33 = FloatVector.fromArray(S, c, o + 3 * L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c02 = z; c03 = z; c10 = z; c11 = z; c12 = z; c13 = z;
            c20 = z; c21 = z; c22 = z; c23 = z; c30 = z; c31 = z; c32 = z; c33 = z;
        }
        for (int i = 0; i < kept; i++) {
            int bi = bOff + steps[i] * NR;
            int ai = aOff + i * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);     c00 = b0.fma(a, c00); c01 = b1.fma(a, c01); c02 = b2.fma(a, c02); c03 = b3.fma(a, c03);
            a = FloatVector.broadcast(S, ap[ai + 1]); c10 = b0.fma(a, c10); c11 = b1.fma(a, c11); c12 = b2.fma(a, c12); c13 = b3.fma(a, c13);
            a = FloatVector.broadcast(S, ap[ai + 2]); c20 = b0.fma(a, c20); c21 = b1.fma(a, c21); c22 = b2.fma(a, c22); c23 = b3.fma(a, c23);
            a = FloatVector.broadcast(S, ap[ai + 3]); c30 = b0.fma(a, c30); c31 = b1.fma(a, c31); c32 = b2.fma(a, c32); c33 = b3.fma(a, c33);
        }
        int o = cOff;
        c00.intoArray(c, o); c01.intoArray(c, o + L); c02.intoArray(c, o + 2 * L); c03.intoArray(c, o + 3 * L); o += ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + L); c12.intoArray(c, o + 2 * L); c13.intoArray(c, o + 3 * L); o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + L); c22.intoArray(c, o + 2 * L); c23.intoArray(c, o + 3 * L); o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + L); c32.intoArray(c, o + 2 * L); c33.intoArray(c, o + 3 * L);
    }

    /** As {@link #kernel} with every step kept, without the indirection. */
    static void dense(int kc, float[] ap, int aOff, float[] bp, int bOff,
                       float[] c, int cOff, int ldc, boolean accumulate) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (accumulate) {
            int o = cOff;
            c00 = FloatVector.fromArray(S, c, o); c01 = FloatVector.fromArray(S, c, o + L);
            c02 = FloatVector.fromArray(S, c, o + 2 * L); c03 = FloatVector.fromArray(S, c, o + 3 * L); o += ldc;
            c10 = FloatVector.fromArray(S, c, o); c11 = FloatVector.fromArray(S, c, o + L);
            c12 = FloatVector.fromArray(S, c, o + 2 * L); c13 = FloatVector.fromArray(S, c, o + 3 * L); o += ldc;
            c20 = FloatVector.fromArray(S, c, o); c21 = FloatVector.fromArray(S, c, o + L);
            c22 = FloatVector.fromArray(S, c, o + 2 * L); c23 = FloatVector.fromArray(S, c, o + 3 * L); o += ldc;
            c30 = FloatVector.fromArray(S, c, o); c31 = FloatVector.fromArray(S, c, o + L);
            c32 = FloatVector.fromArray(S, c, o + 2 * L); c33 = FloatVector.fromArray(S, c, o + 3 * L);
        } else {
            FloatVector z = FloatVector.zero(S);
            c00 = z; c01 = z; c02 = z; c03 = z; c10 = z; c11 = z; c12 = z; c13 = z;
            c20 = z; c21 = z; c22 = z; c23 = z; c30 = z; c31 = z; c32 = z; c33 = z;
        }
        for (int i = 0; i < kc; i++) {
            int bi = bOff + i * NR;
            int ai = aOff + i * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bi + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bi + 3 * L);
            FloatVector a;
            a = FloatVector.broadcast(S, ap[ai]);     c00 = b0.fma(a, c00); c01 = b1.fma(a, c01); c02 = b2.fma(a, c02); c03 = b3.fma(a, c03);
            a = FloatVector.broadcast(S, ap[ai + 1]); c10 = b0.fma(a, c10); c11 = b1.fma(a, c11); c12 = b2.fma(a, c12); c13 = b3.fma(a, c13);
            a = FloatVector.broadcast(S, ap[ai + 2]); c20 = b0.fma(a, c20); c21 = b1.fma(a, c21); c22 = b2.fma(a, c22); c23 = b3.fma(a, c23);
            a = FloatVector.broadcast(S, ap[ai + 3]); c30 = b0.fma(a, c30); c31 = b1.fma(a, c31); c32 = b2.fma(a, c32); c33 = b3.fma(a, c33);
        }
        int o = cOff;
        c00.intoArray(c, o); c01.intoArray(c, o + L); c02.intoArray(c, o + 2 * L); c03.intoArray(c, o + 3 * L); o += ldc;
        c10.intoArray(c, o); c11.intoArray(c, o + L); c12.intoArray(c, o + 2 * L); c13.intoArray(c, o + 3 * L); o += ldc;
        c20.intoArray(c, o); c21.intoArray(c, o + L); c22.intoArray(c, o + 2 * L); c23.intoArray(c, o + 3 * L); o += ldc;
        c30.intoArray(c, o); c31.intoArray(c, o + L); c32.intoArray(c, o + 2 * L); c33.intoArray(c, o + 3 * L);
    }
}
