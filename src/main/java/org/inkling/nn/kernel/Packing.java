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
                        for (int v = 0; v < NR; v += L) {
                            FloatVector.fromArray(S, b, src + v).intoArray(dst, d + v);
                        }
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
                // Four columns of the panel at a time: four sequential reads, and each step's four
                // writes share a cache line (one column at a time touched a line per value).
                int jj = 0;
                for (; jj + 4 <= nr; jj += 4) {
                    int s0 = (jq + jj) * k + p0, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k;
                    int d = base + jj;
                    for (int p = 0; p < kc; p++) {
                        int o = d + p * NR;
                        dst[o] = b[s0 + p];
                        dst[o + 1] = b[s1 + p];
                        dst[o + 2] = b[s2 + p];
                        dst[o + 3] = b[s3 + p];
                    }
                }
                for (; jj < nr; jj++) {
                    int src = (jq + jj) * k + p0;
                    int d = base + jj;
                    for (int p = 0; p < kc; p++) {
                        dst[d + p * NR] = b[src + p];
                    }
                }
                for (jj = nr; jj < NR; jj++) {
                    for (int p = 0; p < kc; p++) {
                        dst[base + jj + p * NR] = 0f;
                    }
                }
            }
        }
    }

    /**
     * Packs the steps p in [p0, p0+kc) of A(i, p), i in [i0, i0+mr), at which some A(i, p) is not
     * zero, as dst[s*MR + r] for the s-th such step, zero for r ≥ mr; {@code steps[s]} receives
     * that step's p − p0. Returns how many steps were kept.
     *
     * <p>A step whose MR values are all zero adds exactly nothing to any element's FMA chain (0·b
     * is ±0 and c + ±0 is c, since a chain that starts from +0 never holds −0), so leaving it out
     * gives the same bits while the inputs are finite. MNIST images are about 80% blank and relu
     * outputs about half zero, so this skips much of the first layer's work in both products.
     * A(i, p) is a[i*k + p] when {@code !trans}, a[p*m + i] when {@code trans} (a is k×m).
     */
    static int packA(float[] a, boolean trans, int m, int k, int i0, int mr, int p0, int kc, float[] dst, int[] steps) {
        if (!trans && mr == MR && MR == 4) {
            return packRows4(a, k, i0 * k + p0, kc, dst, steps);
        }
        if (trans && mr == MR && L >= MR) {
            return packColumns(a, m, i0, p0, kc, dst, steps);
        }
        int kept = 0;
        for (int p = 0; p < kc; p++) {
            int d = kept * MR;
            int bits = 0;
            for (int r = 0; r < MR; r++) {
                float v = r < mr ? (trans ? a[(p0 + p) * m + i0 + r] : a[(i0 + r) * k + p0 + p]) : 0f;
                dst[d + r] = v;
                bits |= Float.floatToRawIntBits(v);
            }
            steps[kept] = p;
            kept += nonZero(bits);
        }
        return kept;
    }

    /**
     * 1 if the OR of some floats' bits has a value bit set (some float is not ±0), else 0; no
     * branch, since whether a pixel is blank is not predictable. Always 1 when skipping is off.
     */
    static int nonZero(int orOfBits) {
        if (!VectorGemm.SKIP_ZEROS) {
            return 1;
        }
        int x = orOfBits & 0x7fffffff;
        return (x | -x) >>> 31;
    }

    /** Four rows of a row-major A: four sequential streams, one value of each per step. */
    private static int packRows4(float[] a, int k, int o0, int kc, float[] dst, int[] steps) {
        int o1 = o0 + k, o2 = o1 + k, o3 = o2 + k;
        int kept = 0;
        for (int p = 0; p < kc; p++) {
            float v0 = a[o0 + p], v1 = a[o1 + p], v2 = a[o2 + p], v3 = a[o3 + p];
            int d = kept * MR;
            dst[d] = v0; dst[d + 1] = v1; dst[d + 2] = v2; dst[d + 3] = v3;
            steps[kept] = p;
            kept += nonZero(Float.floatToRawIntBits(v0) | Float.floatToRawIntBits(v1)
                    | Float.floatToRawIntBits(v2) | Float.floatToRawIntBits(v3));
        }
        return kept;
    }

    /**
     * MR columns of Aᵀ: the MR values of one step are contiguous, so one whole vector moves
     * them; its upper lanes land where the next kept step's values then go, and past the panel's
     * end on the last step (the panel has L spare floats). System.arraycopy costs more than the
     * copy at this size, and a narrower species here would mix a second vector type into the
     * Vector API's profiles, which stops C2 from keeping the other kernels' vectors in registers.
     */
    private static int packColumns(float[] a, int m, int i0, int p0, int kc, float[] dst, int[] steps) {
        int pVec = Math.min(kc, Math.max(0, Math.floorDiv(a.length - L - i0, m) - p0 + 1));
        int kept = 0;
        int p = 0;
        for (; p < pVec; p++) {
            int src = (p0 + p) * m + i0;
            FloatVector.fromArray(S, a, src).intoArray(dst, kept * MR);
            int bits = 0;
            for (int r = 0; r < MR; r++) {
                bits |= Float.floatToRawIntBits(a[src + r]);
            }
            steps[kept] = p;
            kept += nonZero(bits);
        }
        for (; p < kc; p++) {
            int src = (p0 + p) * m + i0;
            int bits = 0;
            for (int r = 0; r < MR; r++) {
                float v = a[src + r];
                dst[kept * MR + r] = v;
                bits |= Float.floatToRawIntBits(v);
            }
            steps[kept] = p;
            kept += nonZero(bits);
        }
        return kept;
    }
}
