package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.MR;

/**
 * Finds the steps of a packed A panel that can be skipped: those where all MR values are zero.
 *
 * <p>Such a step adds exactly nothing to any element's FMA chain (0·b is ±0, and c + ±0 is c,
 * since a chain that starts from +0 never holds −0), so leaving it out gives the same bits while
 * B is finite. MNIST images are about 80% blank, so over half of the first layer's steps go.
 *
 * <p>A step is kept when the sum of the absolute values of its MR values is not zero: that sum is
 * zero only for ±0s, NaN when one is NaN (NaN ≠ 0, kept), and it cannot cancel. The pass reads the
 * packed panel, which is in L1 after packing; a vectorised pass over A's rows measured no faster
 * in the whole product, and vector masks, the direct way, are boxed (allocated) on this JDK.
 */
final class ZeroSteps {
    private ZeroSteps() {}

    /**
     * Lists in {@code steps} the steps p < kc of a packed panel (step p's MR values at
     * panel[p*MR ...]) at which one of the values is not zero; returns how many.
     */
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

    /**
     * As {@link #ofPanel} for MR values lying side by side in a row-major array: step p's values
     * are a[off + p*stride ...] (a transposed A read in place).
     */
    static int ofRows(float[] a, int off, int stride, int kc, int[] steps) {
        int kept = 0;
        for (int p = 0; p < kc; p++) {
            int o = off + p * stride;
            float s = Math.abs(a[o]) + Math.abs(a[o + 1]) + Math.abs(a[o + 2]) + Math.abs(a[o + 3])
                    + Math.abs(a[o + 4]) + Math.abs(a[o + 5]) + Math.abs(a[o + 6]) + Math.abs(a[o + 7]);
            steps[kept] = p;
            kept += !VectorGemm.SKIP_ZEROS || s != 0f ? 1 : 0;
        }
        return kept;
    }
}
