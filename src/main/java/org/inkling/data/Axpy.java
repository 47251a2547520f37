package org.inkling.data;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y += a * x} over a range, the inner step of the elastic blur, on the Vector API (about
 * four times faster than the plain loop, which the JIT does not vectorise here). Like the rest of
 * the engine it needs {@code jdk.incubator.vector}, which every launcher and test run adds.
 */
final class Axpy {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Axpy() {}

    static void axpy(float a, float[] x, int xo, float[] y, int yo, int len) {
        FloatVector va = FloatVector.broadcast(S, a);
        int j = 0;
        for (int up = S.loopBound(len); j < up; j += S.length()) {
            FloatVector.fromArray(S, x, xo + j).fma(va, FloatVector.fromArray(S, y, yo + j)).intoArray(y, yo + j);
        }
        for (; j < len; j++) {
            y[yo + j] += a * x[xo + j];
        }
    }
}
