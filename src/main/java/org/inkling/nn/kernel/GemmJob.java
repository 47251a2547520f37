package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.MR;
import static org.inkling.nn.kernel.MicroKernel.NR;

/**
 * One product, described once and run either whole or as two halves of the output on two
 * threads. Each thread's half is a disjoint block of C, and every element is computed by the
 * same FMA chain whoever computes it, so the split never changes the bits.
 *
 * <p>Instances are per calling thread and reused, which keeps a call free of allocation.
 */
final class GemmJob implements PoolTask {
    /** Largest depth of a packed block: A micro-panel (MR×KC) stays in L1, B block (KC×NC) in L2. */
    static final int KC_MAX = 320;
    /** Widest B block: 320×512 floats = 640 KB, inside the 1 MB L2 of this class of CPU. */
    static final int NC_MAX = 512;
    /** Blank steps are looked for only when a packed A panel meets at least this many columns of B... */
    static final int MIN_SKIP_COLUMNS = 4 * NR;
    /** ...and has at least this many steps. */
    static final int MIN_SKIP_DEPTH = 2 * MicroKernel.L;
    /** A thread stops looking after this many A panels in a product if none was blank at a quarter of its steps. */
    static final int GIVE_UP_AFTER = 8;

    float[] a;
    float[] b;
    float[] c;
    boolean transA;
    boolean transB;
    int m;
    int n;
    int k;
    boolean direct;
    /** Split point: rows [0, splitRow) vs [splitRow, m) when splitting rows, else columns at splitCol. */
    boolean splitRows;
    int split;
    volatile Throwable workerError;

    @Override
    public Throwable workerError() {
        Throwable t = workerError;
        workerError = null;
        return t;
    }

    @Override
    public void setWorkerError(Throwable t) {
        workerError = t;
    }

    void set(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c, boolean direct) {
        this.transA = transA;
        this.transB = transB;
        this.m = m;
        this.n = n;
        this.k = k;
        this.a = a;
        this.b = b;
        this.c = c;
        this.direct = direct;
        this.split = -1;
        this.workerError = null;
    }

    /** Drops the references to the caller's arrays so that a parked job keeps nothing alive. */
    void clear() {
        a = null;
        b = null;
        c = null;
    }

    /** Chooses a split of the output into two halves of similar work; false if it is too small to split. */
    boolean planSplit() {
        if (direct) {
            int quads = (m + 3) / 4;
            if (quads >= 2) {
                splitRows = true;
                split = (quads / 2) * 4;
                return true;
            }
            // One image: each thread streams half of the weight matrix, at a whole 16-vector
            // block when there are two (the single-row kernel's widest step), else a vector.
            int vectors = n / MicroKernel.L;
            if (vectors < 2) {
                return false;
            }
            int unit = vectors >= 32 ? 16 : 1;
            splitRows = false;
            split = Math.max(1, vectors / unit / 2) * unit * MicroKernel.L;
            return true;
        }
        int rowTiles = (m + MR - 1) / MR;
        int colPanels = (n + NR - 1) / NR;
        boolean rowsFirst = m >= n;
        if ((rowsFirst || colPanels < 2) && rowTiles >= 2) {
            splitRows = true;
            split = ((rowTiles + 1) / 2) * MR;
            return true;
        }
        if (colPanels >= 2) {
            splitRows = false;
            split = (colPanels / 2) * NR;
            return true;
        }
        return false;
    }

    void runAll(Workspace ws) {
        run(0, m, 0, n, ws);
    }

    /** Runs half {@code part} (0 or 1) of a job whose split was planned. */
    @Override
    public void runPart(int part, Workspace ws) {
        if (splitRows) {
            if (part == 0) {
                run(0, split, 0, n, ws);
            } else {
                run(split, m, 0, n, ws);
            }
        } else if (part == 0) {
            run(0, m, 0, split, ws);
        } else {
            run(0, m, split, n, ws);
        }
    }

    private void run(int i0, int i1, int j0, int j1, Workspace ws) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        if (direct) {
            DirectKernels.rows(a, transA ? 1 : k, transA ? m : 1, b, c, i0, i1, j0, j1, n, k, ws);
        } else {
            packed(i0, i1, j0, j1, ws);
        }
    }

    private void packed(int i0, int i1, int j0, int j1, Workspace ws) {
        int kBlocks = (k + KC_MAX - 1) / KC_MAX;
        int kcBase = (k + kBlocks - 1) / kBlocks;
        int width = j1 - j0;
        int nBlocks = (width + NC_MAX - 1) / NC_MAX;
        int ncBase = ((width + nBlocks - 1) / nBlocks + NR - 1) / NR * NR;
        float[] bp = ws.bPanels(kcBase * ncBase);
        float[] ap = ws.aPanel(kcBase * MR + MicroKernel.L);
        float[] tile = ws.tile;
        int[] steps = ws.steps(kcBase);
        // Looking for blank steps costs a pass over the A panel; it pays when the panel then meets
        // many B panels and is deep enough, and stops paying once A turns out dense (a relu layer's
        // tile of eight rows is almost never blank at a step). Either way the bits are the same.
        boolean look = VectorGemm.SKIP_ZEROS && ncBase >= MIN_SKIP_COLUMNS && kcBase >= MIN_SKIP_DEPTH;
        int looked = 0;
        int paid = 0;
        for (int jc = j0; jc < j1; jc += ncBase) {
            int nc = Math.min(ncBase, j1 - jc);
            int panels = (nc + NR - 1) / NR;
            for (int pc = 0; pc < k; pc += kcBase) {
                int kc = Math.min(kcBase, k - pc);
                boolean accumulate = pc > 0;
                Packing.packB(b, transB, n, k, pc, kc, jc, nc, bp);
                for (int ir = i0; ir < i1; ir += MR) {
                    int mr = Math.min(MR, i1 - ir);
                    Packing.packA(a, transA, m, k, ir, mr, pc, kc, ap);
                    int kept = kc;
                    if (look) {
                        kept = ZeroSteps.ofPanel(ap, kc, steps);
                        if (kept > kc * 3 / 4) {
                            kept = kc;
                        } else {
                            Packing.compactA(ap, steps, kept);
                            paid++;
                        }
                        if (++looked == GIVE_UP_AFTER && paid == 0) {
                            look = false;
                        }
                    }
                    for (int q = 0; q < panels; q++) {
                        int jq = jc + q * NR;
                        int nr = Math.min(NR, jc + nc - jq);
                        int bOff = q * kc * NR;
                        if (mr == MR && nr == NR) {
                            if (kept == kc) {
                                MicroKernel.dense(kc, ap, 0, bp, bOff, c, ir * n + jq, n, accumulate);
                            } else {
                                MicroKernel.kernel(kept, steps, ap, 0, bp, bOff, c, ir * n + jq, n, accumulate);
                            }
                        } else {
                            edgeTile(kept, kc, steps, ap, bp, bOff, tile, ir, mr, jq, nr, accumulate);
                        }
                    }
                }
            }
        }
    }

    /** A tile cut by the edge of C: computed in a scratch tile by the same kernel, then copied. */
    private void edgeTile(int kept, int kc, int[] steps, float[] ap, float[] bp, int bOff, float[] tile,
                          int ir, int mr, int jq, int nr, boolean accumulate) {
        if (accumulate) {
            for (int r = 0; r < mr; r++) {
                System.arraycopy(c, (ir + r) * n + jq, tile, r * NR, nr);
            }
        }
        if (kept == kc) {
            MicroKernel.dense(kc, ap, 0, bp, bOff, tile, 0, NR, accumulate);
        } else {
            MicroKernel.kernel(kept, steps, ap, 0, bp, bOff, tile, 0, NR, accumulate);
        }
        for (int r = 0; r < mr; r++) {
            System.arraycopy(tile, r * NR, c, (ir + r) * n + jq, nr);
        }
    }
}
