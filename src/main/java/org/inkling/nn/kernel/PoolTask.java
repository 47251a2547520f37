package org.inkling.nn.kernel;

/** Work split in two halves: half 0 on the calling thread, half 1 on the pool's worker. */
interface PoolTask {
    void runPart(int part, Workspace ws);

    /** What half 1 threw, or null; cleared when read. */
    Throwable workerError();

    void setWorkerError(Throwable t);
}
