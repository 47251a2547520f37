package org.inkling.nn.kernel;

/**
 * A parallel loop on the products' threads, for the element-wise passes of training that are big
 * enough to matter (the optimiser's update over every weight, gathering a batch): {@code body}
 * runs on consecutive ranges of [0, n), one range per thread, the calling thread included.
 *
 * <p>Meant for loops whose iterations are independent (each element written by one iteration
 * only), so the result is the same whatever the split. Nothing is allocated per call: keep the
 * {@link Range} object rather than passing a new capturing lambda each time. Loops shorter than
 * {@code minParallel}, {@link VectorGemm#setMaxThreads} 1, or workers busy with another thread's
 * product run on the caller alone; a loop gets at most one range per {@code minParallel / 2}
 * iterations, so each thread has enough to do.
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
     * Runs {@code body} over [0, n), in ranges on several threads when n ≥ minParallel. Every
     * range but the first starts at a multiple of {@code align} (for example the vector length),
     * so each starts on a whole vector.
     */
    public static void forRange(int n, int minParallel, int align, Range body) {
        if (n <= 0) {
            return;
        }
        if (align < 1) {
            throw new IllegalArgumentException("align must be at least 1, got " + align);
        }
        int threads = VectorGemm.maxThreads();
        int units = (n + align - 1) / align;
        int parts = Math.min(Math.min(threads, units), Math.max(1, n / Math.max(1, minParallel / 2)));
        if (threads < 2 || n < minParallel || parts < 2) {
            body.run(0, n);
            return;
        }
        RangeTask task = TASK.get();
        task.set(body, n, align, units, Math.min(parts, GemmPool.MAX_PARTS));
        try {
            if (!GemmPool.get().tryRun(task, threads)) {
                body.run(0, n);
            }
        } finally {
            task.set(null, 0, 1, 0, 1);
        }
    }

    private static final class RangeTask implements PoolTask {
        private Range body;
        private int n;
        private int align;
        private int units;
        private int parts;

        void set(Range body, int n, int align, int units, int parts) {
            this.body = body;
            this.n = n;
            this.align = align;
            this.units = units;
            this.parts = parts;
        }

        @Override
        public int parts() {
            return parts;
        }

        private int start(int part) {
            return part >= parts ? n : (int) Math.min(n, (long) units * part / parts * align);
        }

        @Override
        public void runPart(int part, Workspace ws) {
            int from = start(part), to = start(part + 1);
            if (from < to) {
                body.run(from, to);
            }
        }
    }
}
