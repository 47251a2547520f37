package org.inkling.nn.kernel;

/**
 * A two-way parallel loop on the products' worker thread, for the element-wise passes of training
 * that are big enough to matter (the optimiser's update over every weight): {@code body} runs on
 * [0, split) on the calling thread and on [split, n) on the worker.
 *
 * <p>Meant for loops whose iterations are independent (each element written by one iteration
 * only), so the result is the same whatever the split. Nothing is allocated per call: keep the
 * {@link Range} object rather than passing a new capturing lambda each time. Loops shorter than
 * {@code minParallel}, a machine with one core, {@link VectorGemm#setMaxThreads} 1, or a worker busy
 * with another thread's product run on the caller alone.
 */
public final class Parallel {
    private static final ThreadLocal<RangeTask> TASK = ThreadLocal.withInitial(RangeTask::new);

    private Parallel() {}

    /** The body of a loop over [from, to). */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over [0, n), in two halves on two threads when n ≥ minParallel. The split
     * point is a multiple of {@code align} (for example the vector length), so both halves start
     * on a whole vector.
     */
    public static void forRange(int n, int minParallel, int align, Range body) {
        if (n <= 0) {
            return;
        }
        if (align < 1) {
            throw new IllegalArgumentException("align must be at least 1, got " + align);
        }
        int split = (n / 2 + align - 1) / align * align;
        if (VectorGemm.maxThreads() < 2 || n < minParallel || split <= 0 || split >= n) {
            body.run(0, n);
            return;
        }
        RangeTask task = TASK.get();
        task.set(body, split, n);
        try {
            if (!GemmPool.get().tryRun(task)) {
                body.run(0, n);
            }
        } finally {
            task.set(null, 0, 0);
        }
    }

    private static final class RangeTask implements PoolTask {
        private Range body;
        private int split;
        private int n;
        private volatile Throwable error;

        void set(Range body, int split, int n) {
            this.body = body;
            this.split = split;
            this.n = n;
            this.error = null;
        }

        @Override
        public void runPart(int part, Workspace ws) {
            if (part == 0) {
                body.run(0, split);
            } else {
                body.run(split, n);
            }
        }

        @Override
        public Throwable workerError() {
            Throwable t = error;
            error = null;
            return t;
        }

        @Override
        public void setWorkerError(Throwable t) {
            error = t;
        }
    }
}
