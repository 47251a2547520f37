package org.inkling.data;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code y += a * x} over a range, the inner step of the elastic blur. Uses the Vector API when
 * the JVM has {@code jdk.incubator.vector} (every Inkling launcher and test run adds it; it is
 * about four times faster than the plain loop, which the JIT does not vectorise here), and the
 * plain loop otherwise, so that a JVM without the module still works.
 */
final class Axpy {
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private Axpy() {}

    static void axpy(float a, float[] x, int xo, float[] y, int yo, int len) {
        if (VECTOR) {
            Simd.axpy(a, x, xo, y, yo, len);
        } else {
            for (int j = 0; j < len; j++) {
                y[yo + j] += a * x[xo + j];
            }
        }
    }

    /** Loaded only when the module is present. */
    private static final class Simd {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

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
}
