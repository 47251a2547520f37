package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.MR;
import static org.inkling.nn.kernel.MicroKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * Finds the steps of a packed A panel that can be skipped: those where all MR values are zero.
 *
 * <p>Such a step adds exactly nothing to any element's FMA chain (0·b is ±0, and c + ±0 is c,
 * since a chain that starts from +0 never holds −0), so leaving it out gives the same bits while
 * B is finite. MNIST images are about 80% blank, so over half of the first layer's steps go.
 *
 * <p>A step is kept when the sum of the absolute values of its MR values is not zero: that sum is
 * zero only for ±0s, NaN when one is NaN (NaN ≠ 0, kept), and it cannot cancel. Vector masks
 * would say the same more directly but are boxed (allocated) on this JDK, so the test is done on
 * a vector of sums stored to a scratch array.
 */
final class ZeroSteps {
    private ZeroSteps() {}

    /**
     * Lists in {@code steps} the p − p0, p in [p0, p0+kc), at which one of the MR rows of a
     * row-major A (row i at a[(i0+i)*k ...]) is not zero; returns how many.
     */
    static int ofRows(float[] a, int k, int i0, int p0, int kc, int[] steps, float[] sums) {
        int o0 = i0 * k + p0, o1 = o0 + k, o2 = o1 + k, o3 = o2 + k, o4 = o3 + k, o5 = o4 + k, o6 = o5 + k, o7 = o6 + k;
        int kept = 0;
        int p = 0;
        for (int upper = S.loopBound(kc); p < upper; p += L) {
            FloatVector s = FloatVector.fromArray(S, a, o0 + p).abs()
                    .add(FloatVector.fromArray(S, a, o1 + p).abs())
                    .add(FloatVector.fromArray(S, a, o2 + p).abs())
                    .add(FloatVector.fromArray(S, a, o3 + p).abs())
                    .add(FloatVector.fromArray(S, a, o4 + p).abs())
                    .add(FloatVector.fromArray(S, a, o5 + p).abs())
                    .add(FloatVector.fromArray(S, a, o6 + p).abs())
                    .add(FloatVector.fromArray(S, a, o7 + p).abs());
            s.intoArray(sums, 0);
            for (int q = 0; q < L; q++) {
                steps[kept] = p + q;
                kept += sums[q] != 0f ? 1 : 0;
            }
        }
        for (; p < kc; p++) {
            float s = Math.abs(a[o0 + p]) + Math.abs(a[o1 + p]) + Math.abs(a[o2 + p]) + Math.abs(a[o3 + p])
                    + Math.abs(a[o4 + p]) + Math.abs(a[o5 + p]) + Math.abs(a[o6 + p]) + Math.abs(a[o7 + p]);
            steps[kept] = p;
            kept += s != 0f ? 1 : 0;
        }
        return kept;
    }

    /** The same for a packed panel (step p's MR values at panel[p*MR ...]). */
    static int ofPanel(float[] panel, int kc, int[] steps) {
        int kept = 0;
        for (int p = 0; p < kc; p++) {
            int o = p * MR;
            float s = Math.abs(panel[o]) + Math.abs(panel[o + 1]) + Math.abs(panel[o + 2]) + Math.abs(panel[o + 3])
                    + Math.abs(panel[o + 4]) + Math.abs(panel[o + 5]) + Math.abs(panel[o + 6]) + Math.abs(panel[o + 7]);
            steps[kept] = p;
            kept += s != 0f ? 1 : 0;
        }
        return kept;
    }
}
