package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.MR;
import static org.inkling.nn.kernel.MicroKernel.NR;
import static org.inkling.nn.kernel.MicroKernel.S;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Copies blocks of the operands into the contiguous, zero-padded panels {@link MicroKernel}
 * reads: one pass of unit-stride loads per FMA step whatever the operand's layout (transposed or
 * not), and no edge cases inside the kernel.
 */
final class Packing {
    private Packing() {}

    /**
     * Packs B(p, j) for p in [p0, p0+kc), j in [j0, j0+nc) into NR-wide panels: panel q starts
     * at q*kc*NR and holds B(p0+p, j0+q*NR+jj) at p*NR + jj, zero beyond the last column.
     * B(p, j) is b[p*n + j] when {@code !trans}, b[j*k + p] when {@code trans} (b is n×k).
     */
    static void packB(float[] b, boolean trans, int n, int k, int p0, int kc, int j0, int nc, float[] dst) {
        int panels = (nc + NR - 1) / NR;
        for (int q = 0; q < panels; q++) {
            int jq = j0 + q * NR;
            int nr = Math.min(NR, j0 + nc - jq);
            int base = q * kc * NR;
            if (!trans) {
                if (nr == NR) {
                    for (int p = 0; p < kc; p++) {
                        int src = (p0 + p) * n + jq;
                        int d = base + p * NR;
                        FloatVector.fromArray(S, b, src).intoArray(dst, d);
                        FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        int src = (p0 + p) * n + jq;
                        int d = base + p * NR;
                        System.arraycopy(b, src, dst, d, nr);
                        Arrays.fill(dst, d + nr, d + NR, 0f);
                    }
                }
            } else {
                for (int jj = 0; jj < nr; jj++) {
                    int src = (jq + jj) * k + p0;
                    int d = base + jj;
                    for (int p = 0; p < kc; p++) {
                        dst[d + p * NR] = b[src + p];
                    }
                }
                for (int jj = nr; jj < NR; jj++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + jj + p * NR] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Packs A(i, p) for i in [i0, i0+mr), p in [p0, p0+kc) as dst[p*MR + r], zero for r ≥ mr.
     * A(i, p) is a[i*k + p] when {@code !trans}, a[p*m + i] when {@code trans} (a is k×m).
     */
    static void packA(float[] a, boolean trans, int m, int k, int i0, int mr, int p0, int kc, float[] dst) {
        if (!trans) {
            for (int r = 0; r < mr; r++) {
                int src = (i0 + r) * k + p0;
                for (int p = 0; p < kc; p++) {
                    dst[p * MR + r] = a[src + p];
                }
            }
            for (int r = mr; r < MR; r++) {
                for (int p = 0; p < kc; p++) {
                    dst[p * MR + r] = 0f;
                }
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int src = (p0 + p) * m + i0;
                int d = p * MR;
                System.arraycopy(a, src, dst, d, mr);
                if (mr < MR) {
                    Arrays.fill(dst, d + mr, d + MR, 0f);
                }
            }
        }
    }
}
