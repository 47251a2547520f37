package org.inkling.nn.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.inkling.base.BackgroundPriority;

/**
 * The threads of the products (and of {@link Parallel} loops): the caller and up to
 * {@code threads − 1} daemon workers share the parts of one {@link PoolTask}.
 *
 * <p>Parts are claimed, not assigned: the caller and each worker take the next unclaimed part
 * until none is left, and the caller then waits for the parts others are still running. So a
 * worker that is slow to wake (or whose core another program holds) costs nothing but its own
 * part: the caller simply runs more of them. Which thread runs a part never changes its bits.
 *
 * <p>Only one task uses the workers at a time; a second caller that finds them busy runs its task
 * alone, which gives the same bits. So does, in the app, the FX thread: the workers run lowered
 * ({@link BackgroundPriority}), and what the FX thread waits for must not wait on them. Workers
 * spin briefly after a task because in training the next product follows within microseconds, then
 * park so an idle app costs nothing.
 *
 * <p>A claim is one compare-and-set on a word holding the task's sequence number, its next part
 * and its number of parts, so a worker that read a task late can never claim a part of another.
 */
final class GemmPool {
    private static final long WORKER_SPIN_NANOS = 50_000;
    private static final long CALLER_SPIN_NANOS = 200_000;
    /** Workers are created up to this many; more threads than that are not useful for any product here. */
    static final int MAX_WORKERS = 255;
    /** Parts of one task are counted in 16 bits of the claim word. */
    static final int MAX_PARTS = 0xFFFF;
    private static final GemmPool INSTANCE = new GemmPool();

    private final AtomicBoolean busy = new AtomicBoolean();
    private final Thread[] workers = new Thread[MAX_WORKERS];
    private volatile int started;
    private volatile Thread caller;
    private volatile PoolTask task;
    /** Sequence number of the current task; workers wait for it to change. */
    private volatile int posted;
    /** (sequence << 32) | (next unclaimed part << 16) | parts, of the current task. */
    private final AtomicLong claims = new AtomicLong();
    private final AtomicInteger finished = new AtomicInteger();
    private volatile Throwable error;
    /** Workers 0 .. helpers − 1 take part in the current task; the others (from a larger setting before) keep out. */
    private volatile int helpers;
    /** Workers spinning for work rather than parked; a hint, read without locking. */
    private final AtomicInteger awake = new AtomicInteger();

    static GemmPool get() {
        return INSTANCE;
    }

    /**
     * True while a worker spins for the next task (each does so for {@value #WORKER_SPIN_NANOS} ns
     * after one). Waking a parked worker takes tens of microseconds on this machine, more than a
     * small product saves by splitting, so small products split only when this holds.
     */
    boolean workerAwake() {
        return awake.get() > 0;
    }

    /**
     * Runs every part of {@code t} on the caller and up to {@code threads − 1} workers; false (and
     * nothing run) if another task holds the workers.
     */
    boolean tryRun(PoolTask t, int threads) {
        int parts = t.parts();
        if (parts < 1 || parts > MAX_PARTS) {
            throw new IllegalArgumentException("a task needs 1 to " + MAX_PARTS + " parts, got " + parts);
        }
        if (BackgroundPriority.isForegroundThread() || !busy.compareAndSet(false, true)) {
            // The FX thread's products (a drawing read, one image) run alone rather than wait on lowered workers.
            return false;
        }
        try {
            int helpers = Math.min(Math.min(threads, parts) - 1, MAX_WORKERS);
            ensureWorkers(helpers);
            this.helpers = helpers;
            task = t;
            caller = Thread.currentThread();
            error = null;
            finished.set(0);
            int s = posted + 1;
            claims.set((long) s << 32 | parts);
            posted = s;
            for (int i = 0; i < helpers; i++) {
                LockSupport.unpark(workers[i]);
            }
            int mine = 0;
            try {
                Workspace ws = Workspace.get();
                int p;
                while ((p = claim(s)) >= 0) {
                    mine++;
                    t.runPart(p, ws);
                }
            } finally {
                // After a failure here, the parts nobody has claimed yet are dropped, not run.
                while (claim(s) >= 0) {
                    mine++;
                }
                awaitFinished(parts - mine);
                task = null;
            }
            Throwable e = error;
            if (e != null) {
                error = null;
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                if (e instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("matrix product failed on a worker thread", e);
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    /** The next part of task {@code s}, or −1 when all are claimed (or {@code s} is no longer current). */
    private int claim(int s) {
        while (true) {
            long c = claims.get();
            int next = (int) (c >>> 16) & 0xFFFF;
            if ((int) (c >>> 32) != s || next >= ((int) c & 0xFFFF)) {
                return -1;
            }
            if (claims.compareAndSet(c, c + (1L << 16))) {
                return next;
            }
        }
    }

    /**
     * Waits until the parts the workers claimed are done. A worker that claimed a part always
     * finishes it, so when every part is claimed this ends.
     */
    private void awaitFinished(int others) {
        long start = System.nanoTime();
        int spins = 0;
        while (finished.get() < others) {
            if (++spins < 1_000 || System.nanoTime() - start < CALLER_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 100_000);
            }
        }
    }

    private void ensureWorkers(int count) {
        if (started >= count) {
            return;
        }
        synchronized (workers) {
            for (int i = started; i < count; i++) {
                int index = i;
                Thread w = new Thread(() -> workerLoop(index), "inkling-gemm-worker-" + (i + 1));
                w.setDaemon(true);
                workers[i] = w;
                w.start();
            }
            started = Math.max(started, count);
        }
    }

    private void workerLoop(int index) {
        Workspace ws = Workspace.get();
        awake.incrementAndGet();
        int seen = posted;
        boolean lowered = false;
        while (true) {
            long idleSince = System.nanoTime();
            int s;
            while ((s = posted) == seen) {
                if (System.nanoTime() - idleSince < WORKER_SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    awake.decrementAndGet();
                    LockSupport.park(this);
                    awake.incrementAndGet();
                    idleSince = System.nanoTime();
                }
            }
            seen = s;
            if (!lowered && BackgroundPriority.enabled()) {
                // In the app the products are training's and evaluation's, which must give way to the
                // FX thread; a worker can only lower itself, so it does at the first task after that is asked.
                BackgroundPriority.lowerCurrentThread();
                lowered = true;
            }
            PoolTask t = task;
            if (t == null || index >= helpers) {
                continue;
            }
            int p;
            while ((p = claim(s)) >= 0) {
                try {
                    t.runPart(p, ws);
                } catch (Throwable e) {
                    error = e;
                }
                finished.incrementAndGet();
            }
            Thread c = caller;
            if (c != null) {
                LockSupport.unpark(c);
            }
        }
    }
}
