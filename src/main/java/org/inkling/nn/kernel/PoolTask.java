package org.inkling.nn.kernel;

/**
 * Work cut into {@link #parts()} independent parts, numbered 0 to parts − 1. Any thread may run any
 * part, in any order; every part is run exactly once. Each part writes its own elements only.
 */
interface PoolTask {
    /** How many parts the work was cut into (at least 1). */
    int parts();

    void runPart(int part, Workspace ws);
}
