package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.L;
import static org.inkling.nn.kernel.MicroKernel.S;

import jdk.incubator.vector.FloatVector;

/**
 * A layer's bias and relu applied to a finished block of C: c = max(c + bias[j], 0), or only the
 * bias. The same operations, in the same order, as the layer's separate pass, so the same bits.
 */
final class Epilogue {
    private Epilogue() {}

    /** Rows [i0, i1), columns [j0, j1) of c (row length n). */
    static void block(float[] c, int n, int i0, int i1, int j0, int j1, float[] bias, boolean relu) {
        int upper = j0 + (j1 - j0) / L * L;
        for (int i = i0; i < i1; i++) {
            int o = i * n;
            int j = j0;
            for (; j < upper; j += L) {
                FloatVector v = FloatVector.fromArray(S, c, o + j).add(FloatVector.fromArray(S, bias, j));
                (relu ? v.max(0f) : v).intoArray(c, o + j);
            }
            for (; j < j1; j++) {
                float v = c[o + j] + bias[j];
                c[o + j] = relu ? Math.max(v, 0f) : v;
            }
        }
    }
}
