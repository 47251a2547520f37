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
     * As {@link #packB} (B not transposed) for only the steps p of [p0, p0+kc) at which B's row
     * holds a value in [j0, j0+nc) that is not zero: they are packed in order at the front of the
     * panels (panel q then starts at q*kept*NR) and listed in {@code steps} (as p − p0); returns
     * how many. A step whose B row is all zeros adds exactly nothing to any chain while A is finite
     * (see {@link ZeroSteps}): a convolution's dZ has whole rows of zeros where a max-pool drops
     * or passes over an output pixel.
     */
    static int packBNonZeroRows(float[] b, int n, int p0, int kc, int j0, int nc, float[] dst, int[] steps) {
        int kept = 0;
        int upper = j0 + nc / L * L;
        for (int p = 0; p < kc; p++) {
            int row = (p0 + p) * n;
            boolean keep = !VectorGemm.SKIP_ZEROS;
            if (!keep) {
                FloatVector most = FloatVector.zero(S);
                int j = j0;
                for (; j < upper; j += L) {
                    most = most.max(FloatVector.fromArray(S, b, row + j).abs());
                }
                float m = most.reduceLanes(jdk.incubator.vector.VectorOperators.MAX);
                for (; j < j0 + nc; j++) {
                    m = Math.max(m, Math.abs(b[row + j]));
                }
                // NaN is kept: Math.max and the lanes' maximum carry it, and NaN != 0
                keep = m != 0f;
            }
            steps[kept] = p;
            kept += keep ? 1 : 0;
        }
        int panels = (nc + NR - 1) / NR;
        for (int q = 0; q < panels; q++) {
            int jq = j0 + q * NR;
            int nr = Math.min(NR, j0 + nc - jq);
            int base = q * kept * NR;
            for (int i = 0; i < kept; i++) {
                int src = (p0 + steps[i]) * n + jq;
                int d = base + i * NR;
                if (nr == NR) {
                    FloatVector.fromArray(S, b, src).intoArray(dst, d);
                    FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
                } else {
                    System.arraycopy(b, src, dst, d, nr);
                    Arrays.fill(dst, d + nr, d + NR, 0f);
                }
            }
        }
        return kept;
    }

    /**
     * Packs A(i, p) for i in [i0, i0+mr), p in [p0, p0+kc) as dst[p*MR + r], zero for r ≥ mr.
     * A(i, p) is a[i*k + p] when {@code !trans}, a[p*m + i] when {@code trans} (a is k×m).
     */
    static void packA(float[] a, boolean trans, int m, int k, int i0, int mr, int p0, int kc, float[] dst) {
        packA(a, trans, m, k, i0, mr, p0, kc, dst, 4);
    }

    /**
     * As {@link #packA(float[], boolean, int, int, int, int, int, int, float[])} for a whole panel
     * (mr = MR) whose rows 4 to 7 are rows {@code i0 + second} to {@code i0 + second + 3} of A
     * (see {@link ImageBands}); {@code second} is 4 for eight consecutive rows.
     */
    static void packA(float[] a, boolean trans, int m, int k, int i0, int mr, int p0, int kc, float[] dst, int second) {
        if (second != 4) {
            for (int p = 0; p < kc; p++) {
                int d = p * MR;
                if (trans) {
                    int o = (p0 + p) * m + i0;
                    for (int r = 0; r < 4; r++) {
                        dst[d + r] = a[o + r];
                        dst[d + 4 + r] = a[o + second + r];
                    }
                } else {
                    for (int r = 0; r < 4; r++) {
                        dst[d + r] = a[(i0 + r) * k + p0 + p];
                        dst[d + 4 + r] = a[(i0 + second + r) * k + p0 + p];
                    }
                }
            }
            return;
        }
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
        } else if (mr == MR && L >= MR) {
            // Aᵀ: the MR values of one p are contiguous. One whole vector moves them; its upper
            // lanes land where the next p's values then go, and past the panel's end on the last p
            // (the panel has L spare floats). System.arraycopy costs more than the copy at this
            // size, and a narrower species here would mix a second vector type into the Vector
            // API's profiles, which stops C2 from keeping the other kernels' vectors in registers.
            int pVec = Math.min(kc, Math.max(0, Math.floorDiv(a.length - L - i0, m) - p0 + 1));
            int p = 0;
            for (; p < pVec; p++) {
                FloatVector.fromArray(S, a, (p0 + p) * m + i0).intoArray(dst, p * MR);
            }
            for (; p < kc; p++) {
                System.arraycopy(a, (p0 + p) * m + i0, dst, p * MR, MR);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int src = (p0 + p) * m + i0;
                int d = p * MR;
                System.arraycopy(a, src, dst, d, mr);
                Arrays.fill(dst, d + mr, d + MR, 0f);
            }
        }
    }

    /**
     * As {@link #packA} followed by {@link ZeroSteps#ofPanel} and {@link #compactA}, in one pass:
     * only the steps p of [p0, p0+kc) at which one of the panel's rows is not zero are packed, in
     * order, at the front of {@code dst} (kept step s at s*MR), and listed in {@code steps} (as
     * p − p0); returns how many. A step is kept when a value's bits other than the sign are not all
     * zero, which keeps NaN and drops only ±0, as {@link ZeroSteps} does. Reading the eight rows
     * side by side, one step at a time, packs and tests each value while it is in a register:
     * the three passes cost a tenth of the first layer's product.
     */
    static int packANonZero(float[] a, boolean trans, int m, int k, int i0, int mr, int p0, int kc, float[] dst, int[] steps) {
        return packANonZero(a, trans, m, k, i0, mr, p0, kc, dst, steps, 4);
    }

    /**
     * As {@link #packANonZero(float[], boolean, int, int, int, int, int, int, float[], int[])} for a
     * panel whose rows 4 to 7 are rows {@code i0 + second} to {@code i0 + second + 3} of A (see
     * {@link ImageBands}); {@code second} is 4 for eight consecutive rows, and must be when mr < MR.
     */
    static int packANonZero(float[] a, boolean trans, int m, int k, int i0, int mr, int p0, int kc, float[] dst, int[] steps,
                            int second) {
        if (mr != MR) {
            packA(a, trans, m, k, i0, mr, p0, kc, dst);
            int kept = ZeroSteps.ofPanel(dst, kc, steps);
            compactA(dst, steps, kept);
            return kept;
        }
        int kept = 0;
        if (!trans) {
            int r0 = i0 * k + p0, r1 = r0 + k, r2 = r1 + k, r3 = r2 + k;
            int r4 = r0 + second * k, r5 = r4 + k, r6 = r5 + k, r7 = r6 + k;
            for (int p = 0; p < kc; p++) {
                float v0 = a[r0 + p], v1 = a[r1 + p], v2 = a[r2 + p], v3 = a[r3 + p];
                float v4 = a[r4 + p], v5 = a[r5 + p], v6 = a[r6 + p], v7 = a[r7 + p];
                kept = keepStep(dst, steps, kept, p, v0, v1, v2, v3, v4, v5, v6, v7);
            }
        } else {
            for (int p = 0; p < kc; p++) {
                int o = (p0 + p) * m + i0, o4 = o + second;
                float v0 = a[o], v1 = a[o + 1], v2 = a[o + 2], v3 = a[o + 3];
                float v4 = a[o4], v5 = a[o4 + 1], v6 = a[o4 + 2], v7 = a[o4 + 3];
                kept = keepStep(dst, steps, kept, p, v0, v1, v2, v3, v4, v5, v6, v7);
            }
        }
        return kept;
    }

    /**
     * Packs step {@code p}'s eight values at slot {@code kept} and lists the step there; the slot is
     * kept (the count grows) unless every value is ±0. Small enough for the JIT to inline into both
     * loops of {@link #packANonZero}.
     */
    private static int keepStep(float[] dst, int[] steps, int kept, int p,
                                float v0, float v1, float v2, float v3, float v4, float v5, float v6, float v7) {
        int d = kept * MR;
        dst[d] = v0; dst[d + 1] = v1; dst[d + 2] = v2; dst[d + 3] = v3;
        dst[d + 4] = v4; dst[d + 5] = v5; dst[d + 6] = v6; dst[d + 7] = v7;
        int bits = Float.floatToRawIntBits(v0) | Float.floatToRawIntBits(v1) | Float.floatToRawIntBits(v2)
                | Float.floatToRawIntBits(v3) | Float.floatToRawIntBits(v4) | Float.floatToRawIntBits(v5)
                | Float.floatToRawIntBits(v6) | Float.floatToRawIntBits(v7);
        steps[kept] = p;
        return kept + ((bits << 1) != 0 ? 1 : 0);
    }

    /**
     * Moves the kept steps of a packed A panel to its front, in order ({@code steps} as found by
     * {@link ZeroSteps}), so that the kernel reads A in one sequential run. In place: step s moves
     * to slot i ≤ s, and the whole vector that moves it overwrites only slots that are already
     * done or hold nothing still needed.
     */
    static void compactA(float[] panel, int[] steps, int kept) {
        for (int i = 0; i < kept; i++) {
            FloatVector.fromArray(S, panel, steps[i] * MR).intoArray(panel, i * MR);
        }
    }
}
