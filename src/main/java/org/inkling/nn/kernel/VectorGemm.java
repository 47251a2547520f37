package org.inkling.nn.kernel;

import java.util.Arrays;

/**
 * Single-precision matrix products on row-major arrays with the Vector API, on as many threads as
 * {@link #setMaxThreads} allows (default: every processor).
 *
 * <p>Every element of C is computed as one fused-multiply-add chain over p = 0, 1, …, k−1 in
 * that order, starting from zero, whichever path or thread computes it. So the result is the
 * same, bit for bit, from run to run, with one thread or sixteen, and for a row whether it is
 * multiplied alone or inside a batch. (It can differ from EJML, which sums in another order
 * without FMA, by ordinary float rounding.)
 *
 * <p>Steps p at which A is zero are skipped: by a single row, and in the packed path at the steps
 * where a whole panel of 8 rows of A is zero, when that panel serves enough columns to pay for
 * looking (see {@link ZeroSteps}). Adding 0·b to a chain changes no bit while B is finite, so this
 * keeps the promise above, and it is what makes the first layer cheap: MNIST images and drawings
 * are about 80% blank. The system property {@code inkling.gemm.skipZeros=false} turns it off, to
 * measure the dense engine.
 *
 * <p>Paths: products of few rows, narrow outputs (up to one vector, like the 10 classes) and
 * small products read the operands where they lie ({@link DirectKernels}); the rest pack panels
 * of A and B and run the register-blocked {@link MicroKernel}. Products of at least
 * {@link #PARALLEL_MACS} multiply-adds split C into ranges of rows or columns, one per thread
 * ({@link GemmJob#planSplit}), each at least {@link GemmJob#MIN_PART_MACS}.
 */
public final class VectorGemm {
    /** Below this many multiply-adds, packing B costs more than it saves. */
    static final long SMALL_MACS = 1L << 15;
    /**
     * From this many multiply-adds (about 5 µs on one core) a second thread that is already awake
     * pays for its hand-off (under a microsecond): the training loop's narrow products and one
     * image through the first layer.
     */
    static final long PARALLEL_MACS = 1L << 18;
    /**
     * From this many (about 60 µs on one core) it also pays to wake a parked second thread, which
     * takes tens of microseconds: an idle app predicting one drawing stays on one thread.
     */
    static final long WAKE_MACS = 1L << 21;

    /** Whether steps at which A is zero are skipped (default true; see the class comment). */
    static final boolean SKIP_ZEROS = !"false".equalsIgnoreCase(System.getProperty("inkling.gemm.skipZeros", "true").trim());

    /** Most threads a product may be given; far more than any product here can use. */
    public static final int THREAD_LIMIT = GemmPool.MAX_WORKERS + 1;

    private static final ThreadLocal<GemmJob> JOB = ThreadLocal.withInitial(GemmJob::new);
    private static volatile int maxThreads = defaultThreads();

    private VectorGemm() {}

    /** The processor count, or the system property {@code inkling.threads} (older name: {@code inkling.gemm.threads}). */
    private static int defaultThreads() {
        String name = "inkling.threads";
        String p = System.getProperty(name);
        if (p == null) {
            name = "inkling.gemm.threads";
            p = System.getProperty(name);
        }
        if (p == null) {
            return Math.min(THREAD_LIMIT, Runtime.getRuntime().availableProcessors());
        }
        try {
            int t = Integer.parseInt(p.trim());
            if (t >= 1 && t <= THREAD_LIMIT) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("system property " + name + " must be a number of threads from 1 to "
                + THREAD_LIMIT + ", got '" + p + "'");
    }

    /** Threads a product may use (default: the processors the JVM sees; system property {@code inkling.threads}). */
    public static int maxThreads() {
        return maxThreads;
    }

    /** Whether zero steps of A are skipped: false only when started with {@code -Dinkling.gemm.skipZeros=false}. */
    public static boolean skipsZeros() {
        return SKIP_ZEROS;
    }

    /**
     * Sets the threads a product may use, from 1 to {@link #THREAD_LIMIT}; more than the machine's
     * cores is allowed (and slower). Results do not depend on it.
     */
    public static void setMaxThreads(int threads) {
        if (threads < 1 || threads > THREAD_LIMIT) {
            throw new IllegalArgumentException("threads must be from 1 to " + THREAD_LIMIT + ", got " + threads);
        }
        maxThreads = threads;
    }

    /** c = a·b with a m×k, b k×n, c m×n, all row-major. */
    public static void mult(int m, int n, int k, float[] a, float[] b, float[] c) {
        run(false, false, m, n, k, a, b, c);
    }

    /**
     * c = a·b + bias (bias along the columns), then max(·, 0) when {@code relu}: applied to each
     * part of c by the thread that computed it, tile by tile where the packed kernels run. The
     * same bits as {@link #mult} followed by those two operations.
     */
    public static void multBiasActivate(int m, int n, int k, float[] a, float[] b, float[] c, float[] bias, boolean relu) {
        if (bias.length < n) {
            throw new IllegalArgumentException("bias too short: " + bias.length + " for n=" + n);
        }
        run(false, false, m, n, k, a, b, c, bias, relu);
    }

    /** c = aᵀ·b with a stored k×m, b k×n, c m×n. */
    public static void multTransA(int m, int n, int k, float[] a, float[] b, float[] c) {
        run(true, false, m, n, k, a, b, c);
    }

    /** c = a·bᵀ with a m×k, b stored n×k, c m×n. */
    public static void multTransB(int m, int n, int k, float[] a, float[] b, float[] c) {
        run(false, true, m, n, k, a, b, c);
    }

    private static void run(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        run(transA, transB, m, n, k, a, b, c, null, false);
    }

    private static void run(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c,
                            float[] bias, boolean relu) {
        check(m, n, k, a, b, c);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0) {
            Arrays.fill(c, 0, m * n, 0f);
            if (bias != null) {
                Epilogue.block(c, n, 0, m, 0, n, bias, relu);
            }
            return;
        }
        long macs = (long) m * n * k;
        boolean direct = isDirect(transB, m, n, k);
        GemmJob job = JOB.get();
        job.set(transA, transB, m, n, k, a, b, c, direct);
        job.epilogue(bias, relu);
        try {
            int threads = maxThreads;
            if (threads > 1 && macs >= PARALLEL_MACS && (macs >= WAKE_MACS || GemmPool.get().workerAwake())
                    && job.planSplit(threads) > 1 && GemmPool.get().tryRun(job, threads)) {
                return;
            }
            job.runAll(Workspace.get());
        } finally {
            job.clear();
        }
    }

    /** Whether a product takes the direct kernels (few rows, narrow output, or small) rather than packed panels. */
    static boolean isDirect(boolean transB, int m, int n, int k) {
        return !transB && (m < MicroKernel.MR || n <= MicroKernel.L || (long) m * n * k < SMALL_MACS);
    }

    private static void check(int m, int n, int k, float[] a, float[] b, float[] c) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative matrix size: m=" + m + " n=" + n + " k=" + k);
        }
        if (a.length < (long) m * k || b.length < (long) k * n || c.length < (long) m * n) {
            throw new IllegalArgumentException("array too short for m=" + m + " n=" + n + " k=" + k
                    + ": a " + a.length + ", b " + b.length + ", c " + c.length);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("the output array must not be an input array");
        }
    }
}
