package org.inkling.nn.kernel;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads for one product (or one {@link Parallel} loop): the caller runs half 0 and a single
 * daemon worker runs half 1.
 *
 * <p>Only one product uses the worker at a time; a second caller that finds it busy runs its
 * product alone, which gives the same bits. The worker spins briefly after a job because in
 * training the next product follows within microseconds, then parks so an idle app costs nothing.
 */
final class GemmPool {
    private static final long WORKER_SPIN_NANOS = 50_000;
    private static final long CALLER_SPIN_NANOS = 200_000;
    private static final GemmPool INSTANCE = new GemmPool();

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Thread worker;
    private volatile Thread caller;
    private volatile PoolTask job;
    private volatile int posted;
    private volatile int finished;
    /** Whether the worker is spinning for work rather than parked; a hint, read without locking. */
    private volatile boolean awake;

    static GemmPool get() {
        return INSTANCE;
    }

    /**
     * True while the worker spins for the next job (it does so for {@value #WORKER_SPIN_NANOS} ns
     * after each). Waking a parked worker takes tens of microseconds on this machine, more than a
     * small product saves by splitting, so small products split only when this holds.
     */
    boolean workerAwake() {
        return awake;
    }

    /** Runs both halves of {@code j}, one on the worker; false (and nothing run) if another product holds the worker. */
    boolean tryRun(PoolTask j) {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        try {
            Thread w = ensureWorker();
            job = j;
            caller = Thread.currentThread();
            int s = posted + 1;
            posted = s;
            LockSupport.unpark(w);
            try {
                j.runPart(0, Workspace.get());
            } finally {
                awaitFinished(s);
                job = null;
            }
            Throwable e = j.workerError();
            if (e != null) {
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                if (e instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException("matrix product failed on the worker thread", e);
            }
            return true;
        } finally {
            busy.set(false);
        }
    }

    private void awaitFinished(int s) {
        long start = System.nanoTime();
        int spins = 0;
        while (finished != s) {
            if (++spins < 1_000 || System.nanoTime() - start < CALLER_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    private Thread ensureWorker() {
        Thread w = worker;
        if (w == null) {
            w = new Thread(this::workerLoop, "inkling-gemm-worker");
            w.setDaemon(true);
            worker = w;
            w.start();
        }
        return w;
    }

    private void workerLoop() {
        Workspace ws = Workspace.get();
        awake = true;
        int seen = 0;
        while (true) {
            long idleSince = System.nanoTime();
            int s;
            while ((s = posted) == seen) {
                if (System.nanoTime() - idleSince < WORKER_SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    awake = false;
                    LockSupport.park(this);
                    awake = true;
                    idleSince = System.nanoTime();
                }
            }
            seen = s;
            PoolTask j = job;
            try {
                j.runPart(1, ws);
            } catch (Throwable t) {
                j.setWorkerError(t);
            }
            finished = s;
            LockSupport.unpark(caller);
        }
    }
}
