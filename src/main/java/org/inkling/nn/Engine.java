package org.inkling.nn;

import org.inkling.nn.kernel.VectorGemm;

/**
 * The engine's run-time settings, so that front ends set them without reaching into
 * {@code nn.kernel}. Results never depend on them: the kernels give the same bits on any number of
 * threads and with or without skipping zero steps.
 */
public final class Engine {
    private Engine() {}

    /** Whether this JVM was started with the Vector API ({@code --add-modules jdk.incubator.vector}). */
    public static boolean hasVectorApi() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * Stops with a message a person can act on when the Vector API is missing: every layer's
     * kernels use it, and there is no slower path without it.
     */
    public static void requireVectorApi() {
        if (!hasVectorApi()) {
            throw new IllegalStateException("the JVM was started without --add-modules jdk.incubator.vector,"
                    + " which Inkling's engine needs; start it with bin/inkling or mvn exec:exec, which pass it");
        }
    }

    /** Threads the products may use. */
    public static int threads() {
        return VectorGemm.maxThreads();
    }

    /** Limits the threads the products may use (at least 1); the results do not change. */
    public static void setThreads(int threads) {
        VectorGemm.setMaxThreads(threads);
    }

    /** Whether blank inner steps are skipped (off only with {@code -Dinkling.gemm.skipZeros=false}). */
    public static boolean skipsZeros() {
        return VectorGemm.skipsZeros();
    }
}
