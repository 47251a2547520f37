package org.inkling.nn;

import org.inkling.nn.kernel.VectorGemm;

/**
 * The engine's run-time settings, so that front ends set them without reaching into
 * {@code nn.kernel}. Results never depend on them: the kernels give the same bits on any number of
 * threads and with or without skipping zero steps.
 *
 * <p>Threads: the matrix products and the big element-wise passes of training run on up to
 * {@link #threads()} threads. The default is every processor the JVM sees; the system property
 * {@code inkling.threads=N} sets it at start-up, {@link #setThreads} at any time. Each output
 * element is computed whole by one thread, in one fixed order, so the bits are the same for any
 * thread count.
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

    /** Threads the engine may use at most. */
    public static int threads() {
        return VectorGemm.maxThreads();
    }

    /**
     * Limits the engine to {@code threads} threads (1 to {@link #threadLimit()}); more than the
     * machine has is allowed and only slower. Takes effect from the next product.
     *
     * @throws IllegalArgumentException naming the value, if it is out of range
     */
    public static void setThreads(int threads) {
        VectorGemm.setMaxThreads(threads);
    }

    /** The largest value {@link #setThreads} accepts. */
    public static int threadLimit() {
        return VectorGemm.THREAD_LIMIT;
    }

    /** Whether blank inner steps are skipped (off only with {@code -Dinkling.gemm.skipZeros=false}). */
    public static boolean skipsZeros() {
        return VectorGemm.skipsZeros();
    }
}
