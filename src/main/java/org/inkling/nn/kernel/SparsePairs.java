package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Products A·B whose A is mostly zeros (a batch of MNIST images through the first layer: about 19%
 * of the pixels are ink), computed two rows of C at a time, so that a step is skipped when both
 * rows' values are zero and not only when all eight of a packed panel's are ({@link ZeroSteps}).
 * For batches of 128 digits a step is blank for eight images at 53% of the pixels and for two at
 * 71%: the first layer's forward product does 29% of its dense arithmetic here against 47%.
 *
 * <p>Every element of C is still one FMA chain over the steps p in increasing order from zero (the
 * kept ones: a skipped step would add 0·b, which changes no bit, see {@link ZeroSteps}), continued
 * through C from one block of {@link #KB} steps to the next, so the bits are those of every other
 * path whatever the thread count.
 *
 * <p>Per block of {@link #KB} steps, each pair of rows' kept steps and their two values are listed
 * once, a vector of steps at a time (compressed to the front of the lists); then B is packed
 * {@link #NB} columns at a time (32 KB, which stays in L1 while every pair uses it) and each pair's
 * list meets it: 16 accumulators, eight B vectors and two broadcasts a step.
 *
 * <p>Only for A not transposed: the weight gradient's transposed A ({@code Xᵀ·dZ}) keeps two
 * pixels' steps a row of X apart, and listing them one by one cost what the skipped steps saved
 * (measured), so it stays on the packed path.
 */
final class SparsePairs {
    /** Steps in a block: a packed B block of KB×NB floats is 32 KB and stays in L1 while every pair uses it. */
    static final int KB = 64;
    /** Columns of a block: eight vectors, the most that two rows' accumulators leave registers for. */
    static final int NB = 8 * L;
    /** Room for one row's list: a block's steps and a vector more, for the whole-vector stores of {@link #list}. */
    private static final int W = KB + L;
    /** Largest share of non-zero values in A for which this path beats the packed one (MNIST: 0.19; a relu layer's output: about 0.5). */
    static final double MAX_DENSITY = 0.3;
    private static final int SAMPLES = 4096;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    private static final int[] IOTA = new int[L];

    static {
        for (int i = 0; i < L; i++) {
            IOTA[i] = i;
        }
    }

    private SparsePairs() {}

    /** Whether this path can run a product of this shape (it has whole-vector columns to pair up with). */
    static boolean fits(boolean transA, boolean transB, int m, int n) {
        return !transA && !transB && m >= 2 && n >= NB && I.length() == L;
    }

    /**
     * Whether A ({@code count} values from {@code a[0]}) is sparse enough for this path, judged on
     * at most {@value #SAMPLES} values spread over it: a guess that changes the speed, never the bits.
     */
    static boolean sparseEnough(float[] a, int count) {
        int stride = Math.max(1, count / SAMPLES);
        int seen = 0, nonZero = 0;
        for (int i = stride / 2; i < count; i += stride) {
            seen++;
            nonZero += (Float.floatToRawIntBits(a[i]) << 1) != 0 ? 1 : 0;
        }
        return seen > 0 && nonZero <= MAX_DENSITY * seen;
    }

    /**
     * C rows [i0, i1), columns [j0, j1) of A·B (A m×k, B k×n, C m×n, row-major), then the bias and
     * relu when {@code bias} is not null, each pair's tile as soon as its last block is done.
     */
    static void run(float[] a, float[] b, float[] c, int n, int k, int i0, int i1, int j0, int j1,
                    float[] bias, boolean relu, Workspace ws) {
        int pairs = (i1 - i0 + 1) / 2;
        int[] steps = ws.steps(pairs * W);
        int[] kept = ws.counts(pairs);
        float[] ap = ws.aPanel(pairs * 2 * W);
        float[] bp = ws.bPanels(KB * NB);
        float[] tile = ws.tile;
        for (int pc = 0; pc < k; pc += KB) {
            int kc = Math.min(KB, k - pc);
            boolean accumulate = pc > 0, last = pc + kc >= k;
            for (int q = 0; q < pairs; q++) {
                int i = i0 + 2 * q;
                // an odd last row is paired with itself, its second list ignored
                kept[q] = list(a, i * k + pc, (i + 1 < i1 ? i + 1 : i) * k + pc, kc, steps, q * W, ap, q * 2 * W);
            }
            for (int jc = j0; jc < j1; jc += NB) {
                int nc = Math.min(NB, j1 - jc);
                packB(b, n, pc, kc, jc, nc, bp);
                for (int q = 0; q < pairs; q++) {
                    int i = i0 + 2 * q;
                    int r = Math.min(2, i1 - i);
                    if (r == 2 && nc == NB) {
                        kernel(kept[q], steps, q * W, ap, q * 2 * W, bp, c, i * n + jc, n, accumulate);
                    } else {
                        // cut by the edge of C: computed in a scratch tile, then copied
                        if (accumulate) {
                            for (int rr = 0; rr < r; rr++) System.arraycopy(c, (i + rr) * n + jc, tile, rr * NB, nc);
                        }
                        kernel(kept[q], steps, q * W, ap, q * 2 * W, bp, tile, 0, NB, accumulate);
                        for (int rr = 0; rr < r; rr++) System.arraycopy(tile, rr * NB, c, (i + rr) * n + jc, nc);
                    }
                    if (last && bias != null) {
                        Epilogue.block(c, n, i, i + r, jc, jc + nc, bias, relu);
                    }
                }
            }
        }
    }

    /**
     * Lists the steps p < kc at which {@code a[r0 + p]} or {@code a[r1 + p]} is not ±0 (NaN is
     * kept): p in {@code steps} from {@code sOff}, the two values at {@code ap[aOff + s]} and
     * {@code ap[aOff + W + s]}; returns how many. A vector of steps at a time, the kept ones
     * compressed to the front; the stores may write up to a vector past the list's end, inside W.
     */
    private static int list(float[] a, int r0, int r1, int kc, int[] steps, int sOff, float[] ap, int aOff) {
        int kept = 0;
        int p = 0;
        for (int upper = kc - L; p <= upper; p += L) {
            FloatVector v0 = FloatVector.fromArray(S, a, r0 + p);
            FloatVector v1 = FloatVector.fromArray(S, a, r1 + p);
            VectorMask<Float> nz = v0.compare(VectorOperators.NE, 0f).or(v1.compare(VectorOperators.NE, 0f));
            v0.compress(nz).intoArray(ap, aOff + kept);
            v1.compress(nz).intoArray(ap, aOff + W + kept);
            IntVector.fromArray(I, IOTA, 0).add(p).compress(nz.cast(I)).intoArray(steps, sOff + kept);
            kept += nz.trueCount();
        }
        for (; p < kc; p++) {
            float v0 = a[r0 + p], v1 = a[r1 + p];
            ap[aOff + kept] = v0;
            ap[aOff + W + kept] = v1;
            steps[sOff + kept] = p;
            kept += ((Float.floatToRawIntBits(v0) | Float.floatToRawIntBits(v1)) << 1) != 0 ? 1 : 0;
        }
        return kept;
    }

    /** B rows [pc, pc+kc), columns [jc, jc+nc) into {@code dst} as kc rows of NB, zeros past nc. */
    private static void packB(float[] b, int n, int pc, int kc, int jc, int nc, float[] dst) {
        for (int p = 0; p < kc; p++) {
            int src = (pc + p) * n + jc, d = p * NB;
            if (nc == NB) {
                for (int v = 0; v < NB; v += L) {
                    FloatVector.fromArray(S, b, src + v).intoArray(dst, d + v);
                }
            } else {
                System.arraycopy(b, src, dst, d, nc);
                java.util.Arrays.fill(dst, d + nc, d + NB, 0f);
            }
        }
    }

    /**
     * C[cOff + r*ldc + j] (r < 2, j < NB) = (accumulate ? C : 0) + Σ_s A_r(s) · bp[steps[sOff + s]*NB + j]
     * with A_0(s) = ap[aOff + s], A_1(s) = ap[aOff + W + s]. The accumulators are plain locals so
     * that they stay in registers.
     */
    private static void kernel(int kept, int[] steps, int sOff, float[] ap, int aOff, float[] bp,
                               float[] c, int cOff, int ldc, boolean accumulate) {
        FloatVector x0, x1, x2, x3, x4, x5, x6, x7, y0, y1, y2, y3, y4, y5, y6, y7;
        int o0 = cOff, o1 = cOff + ldc;
        if (accumulate) {
            x0 = FloatVector.fromArray(S, c, o0); x1 = FloatVector.fromArray(S, c, o0 + L);
            x2 = FloatVector.fromArray(S, c, o0 + 2 * L); x3 = FloatVector.fromArray(S, c, o0 + 3 * L);
            x4 = FloatVector.fromArray(S, c, o0 + 4 * L); x5 = FloatVector.fromArray(S, c, o0 + 5 * L);
            x6 = FloatVector.fromArray(S, c, o0 + 6 * L); x7 = FloatVector.fromArray(S, c, o0 + 7 * L);
            y0 = FloatVector.fromArray(S, c, o1); y1 = FloatVector.fromArray(S, c, o1 + L);
            y2 = FloatVector.fromArray(S, c, o1 + 2 * L); y3 = FloatVector.fromArray(S, c, o1 + 3 * L);
            y4 = FloatVector.fromArray(S, c, o1 + 4 * L); y5 = FloatVector.fromArray(S, c, o1 + 5 * L);
            y6 = FloatVector.fromArray(S, c, o1 + 6 * L); y7 = FloatVector.fromArray(S, c, o1 + 7 * L);
        } else {
            FloatVector z = FloatVector.zero(S);
            x0 = z; x1 = z; x2 = z; x3 = z; x4 = z; x5 = z; x6 = z; x7 = z;
            y0 = z; y1 = z; y2 = z; y3 = z; y4 = z; y5 = z; y6 = z; y7 = z;
        }
        for (int s = 0; s < kept; s++) {
            int bi = steps[sOff + s] * NB;
            FloatVector u = FloatVector.broadcast(S, ap[aOff + s]);
            FloatVector v = FloatVector.broadcast(S, ap[aOff + W + s]);
            FloatVector bv;
            bv = FloatVector.fromArray(S, bp, bi);         x0 = bv.fma(u, x0); y0 = bv.fma(v, y0);
            bv = FloatVector.fromArray(S, bp, bi + L);     x1 = bv.fma(u, x1); y1 = bv.fma(v, y1);
            bv = FloatVector.fromArray(S, bp, bi + 2 * L); x2 = bv.fma(u, x2); y2 = bv.fma(v, y2);
            bv = FloatVector.fromArray(S, bp, bi + 3 * L); x3 = bv.fma(u, x3); y3 = bv.fma(v, y3);
            bv = FloatVector.fromArray(S, bp, bi + 4 * L); x4 = bv.fma(u, x4); y4 = bv.fma(v, y4);
            bv = FloatVector.fromArray(S, bp, bi + 5 * L); x5 = bv.fma(u, x5); y5 = bv.fma(v, y5);
            bv = FloatVector.fromArray(S, bp, bi + 6 * L); x6 = bv.fma(u, x6); y6 = bv.fma(v, y6);
            bv = FloatVector.fromArray(S, bp, bi + 7 * L); x7 = bv.fma(u, x7); y7 = bv.fma(v, y7);
        }
        x0.intoArray(c, o0); x1.intoArray(c, o0 + L); x2.intoArray(c, o0 + 2 * L); x3.intoArray(c, o0 + 3 * L);
        x4.intoArray(c, o0 + 4 * L); x5.intoArray(c, o0 + 5 * L); x6.intoArray(c, o0 + 6 * L); x7.intoArray(c, o0 + 7 * L);
        y0.intoArray(c, o1); y1.intoArray(c, o1 + L); y2.intoArray(c, o1 + 2 * L); y3.intoArray(c, o1 + 3 * L);
        y4.intoArray(c, o1 + 4 * L); y5.intoArray(c, o1 + 5 * L); y6.intoArray(c, o1 + 6 * L); y7.intoArray(c, o1 + 7 * L);
    }
}
