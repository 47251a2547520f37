package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.MR;
import static org.inkling.nn.kernel.MicroKernel.NR;

/**
 * One product, described once and run either whole or as parts of the output on several
 * threads. Each part is a disjoint block of C (a range of rows, or of columns), and every element
 * is computed by the same FMA chain whoever computes it, so the split never changes the bits.
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
    /**
     * An A panel that is not transposed is read in place (not packed) when it meets at most this
     * many B panels: packing A, a scattered copy, costs about as much as the arithmetic of
     * two panels, so for the convolutions' narrow outputs (n = 32, 64) it doubled the time.
     */
    static final int IN_PLACE_PANELS = 4;
    /** A part gets at least this many multiply-adds (about 2.5 µs on one core): less does not pay for the hand-off. */
    static final long MIN_PART_MACS = 1L << 17;

    float[] a;
    float[] b;
    float[] c;
    boolean transA;
    boolean transB;
    int m;
    int n;
    int k;
    boolean direct;
    /** Few rows from a deep transposed A: read in place, see {@link #deep}. */
    boolean deep;
    /** A mostly zero (and B not transposed): two rows at a time, see {@link SparsePairs}. */
    boolean sparse;
    /**
     * The image side when the packed path's panels are 2×4 blocks of an image's pixels rather than
     * eight consecutive rows of C (see {@link ImageBands}), else 0.
     */
    int side;
    /** Added along the columns of each finished tile of C when not null, then max with 0 when {@code relu}. */
    float[] bias;
    boolean relu;
    /** The plan: {@code parts} ranges of rows (when splitRows) or columns, the axis cut in units of {@code unit}. */
    boolean splitRows;
    int parts;
    int units;
    int unit;

    @Override
    public int parts() {
        return parts;
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
        this.deep = isDeep(transA, transB, m, n, k, direct);
        this.sparse = VectorGemm.SKIP_ZEROS && !direct && !deep && SparsePairs.fits(transA, transB, m, n)
                && SparsePairs.sparseEnough(a, m * k);
        int imageSide = VectorGemm.SKIP_ZEROS && transA && !transB && !direct && !deep && !sparse ? ImageBands.side(m) : 0;
        // A mostly inked A is not a batch of images (a convolutional network's 5x5x64 = 40² features).
        this.side = imageSide > 0 && SparsePairs.sparseEnough(a, m * k) ? imageSide : 0;
        this.parts = 1;
        this.bias = null;
        this.relu = false;
    }

    /** Sets the bias and activation applied to each finished tile (none when {@code bias} is null). */
    void epilogue(float[] bias, boolean relu) {
        this.bias = bias;
        this.relu = relu;
    }

    /** Drops the references to the caller's arrays so that a parked job keeps nothing alive. */
    void clear() {
        a = null;
        b = null;
        c = null;
        bias = null;
    }

    /**
     * Cuts the output into at most {@code threads} parts of similar work, each of at least
     * {@link #MIN_PART_MACS}; returns how many (1: too small to split).
     */
    int planSplit(int threads) {
        parts = 1;
        long macs = (long) m * n * k;
        int most = (int) Math.max(1, Math.min(Math.min(threads, GemmPool.MAX_PARTS), macs / MIN_PART_MACS));
        if (most < 2) {
            return 1;
        }
        if (direct) {
            int quads = (m + 3) / 4;
            if (quads >= 2) {
                return plan(true, quads, 4, most);
            }
            // One image: each thread streams its share of the weight matrix, in whole 16-vector
            // blocks when there are two (the single-row kernel's widest step), else in vectors.
            // The last part also takes the columns after the last whole unit.
            int vectors = n / MicroKernel.L;
            int u = vectors >= 32 ? 16 : 1;
            return plan(false, vectors / u, u * MicroKernel.L, most);
        }
        int rowTiles = (m + MR - 1) / MR;
        int colPanels = (n + NR - 1) / NR;
        if (deep) {
            // every part reads all of B: split only the columns
            return plan(false, colPanels, NR, most);
        }
        if ((m >= n || colPanels < 2) && rowTiles >= 2) {
            return plan(true, rowTiles, MR, most);
        }
        return plan(false, colPanels, NR, most);
    }

    private int plan(boolean rows, int units, int unit, int most) {
        this.splitRows = rows;
        this.units = units;
        this.unit = unit;
        this.parts = Math.max(1, Math.min(units, most));
        return parts;
    }

    /** Where part {@code part} of the plan starts along the split axis; part {@code parts} ends at the axis' end. */
    int partStart(int part) {
        int extent = splitRows ? m : n;
        if (part >= parts) {
            return extent;
        }
        return (int) Math.min(extent, (long) units * part / parts * unit);
    }

    void runAll(Workspace ws) {
        run(0, m, 0, n, ws);
    }

    /** Runs part {@code part} (0 .. parts − 1) of a job whose split was planned. */
    @Override
    public void runPart(int part, Workspace ws) {
        int from = partStart(part), to = partStart(part + 1);
        if (splitRows) {
            run(from, to, 0, n, ws);
        } else {
            run(0, m, from, to, ws);
        }
    }

    private void run(int i0, int i1, int j0, int j1, Workspace ws) {
        if (i0 >= i1 || j0 >= j1) {
            return;
        }
        if (sparse) {
            SparsePairs.run(a, b, c, n, k, i0, i1, j0, j1, bias, relu, ws);
            return; // the bias and activation are applied pair by pair
        }
        if (deep) {
            deep(i0, i1, j0, j1, ws);
        } else if (direct) {
            DirectKernels.rows(a, transA ? 1 : k, transA ? m : 1, b, c, i0, i1, j0, j1, n, k, ws);
        } else {
            packed(i0, i1, j0, j1, ws);
            return; // the packed path applies the epilogue tile by tile
        }
        if (bias != null) {
            Epilogue.block(c, n, i0, i1, j0, j1, bias, relu);
        }
    }

    /** Depth of a block of the deep path: its kept steps' indices stay in L1. */
    static final int DEEP_BLOCK = 1024;

    /**
     * Whether a product is few rows of Aᵀ·B over a deep k (a convolution's weight gradient over
     * every pixel of the batch when its kernel has few taps: 9×32 over 86,528 pixels for the
     * first layer): packing would copy all of B for one or two tiles of rows.
     */
    static boolean isDeep(boolean transA, boolean transB, int m, int n, int k, boolean direct) {
        return !direct && transA && !transB && m < 2 * MR && n % NR == 0 && k >= DEEP_BLOCK;
    }

    /**
     * The deep path: A and B read where they lie, k in blocks whose all-zero steps of A (blank
     * pixels) are skipped; the rows after the last whole tile one at a time.
     */
    private void deep(int i0, int i1, int j0, int j1, Workspace ws) {
        int[] steps = ws.steps(Math.max(DEEP_BLOCK, k));
        int ir = i0;
        for (; ir + MR <= i1; ir += MR) {
            for (int pc = 0; pc < k; pc += DEEP_BLOCK) {
                int kc = Math.min(DEEP_BLOCK, k - pc);
                int kept = ZeroSteps.ofRows(a, pc * m + ir, m, kc, steps);
                for (int j = j0; j < j1; j += NR) {
                    MicroKernel.deep(kept, steps, pc, a, ir, m, b, j, n, c, ir * n + j, n, pc > 0);
                }
            }
        }
        for (; ir < i1; ir++) {
            int kept = DirectKernels.nonZeroSteps(a, ir, m, k, steps);
            for (int j = j0; j < j1; j += MicroKernel.L) {
                DirectKernels.row1x1(steps, kept, a, ir, m, b, c, ir * n + j, j, n);
            }
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
        // Looking for blank steps (a test per step while packing A, then the kernel's indirection) pays when the panel meets
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
                boolean last = pc + kc >= k;
                Packing.packB(b, transB, n, k, pc, kc, jc, nc, bp);
                for (int ir = i0; ir < i1; ir += MR) {
                    int mr = Math.min(MR, i1 - ir);
                    if (side > 0) {
                        int kept = bandPanel(ir, pc, kc, panels, jc, nc, bp, ap, tile, steps, look, accumulate);
                        if (look && kept <= kc * 3 / 4) {
                            paid++;
                        }
                        if (look && ++looked == GIVE_UP_AFTER && paid == 0) {
                            look = false;
                        }
                        continue;
                    }
                    if (!transA && !look && mr == MR && panels <= IN_PLACE_PANELS) {
                        // A is read in place: packing it would cost as much as a narrow product's arithmetic
                        for (int q = 0; q < panels; q++) {
                            int jq = jc + q * NR;
                            int nr = Math.min(NR, jc + nc - jq);
                            if (nr == NR) {
                                MicroKernel.denseRows(kc, a, ir * k + pc, k, bp, q * kc * NR, c, ir * n + jq, n, accumulate);
                            } else {
                                rowsEdgeTile(kc, bp, q * kc * NR, tile, ir, pc, jq, nr, accumulate);
                            }
                            if (last && bias != null) {
                                Epilogue.block(c, n, ir, ir + MR, jq, jq + nr, bias, relu);
                            }
                        }
                        continue;
                    }
                    int kept = kc;
                    if (look) {
                        kept = Packing.packANonZero(a, transA, m, k, ir, mr, pc, kc, ap, steps);
                        if (kept <= kc * 3 / 4) {
                            paid++;
                        }
                        if (++looked == GIVE_UP_AFTER && paid == 0) {
                            look = false;
                        }
                    } else {
                        Packing.packA(a, transA, m, k, ir, mr, pc, kc, ap);
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
                        if (last && bias != null) {
                            Epilogue.block(c, n, ir, ir + mr, jq, jq + nr, bias, relu);
                        }
                    }
                }
            }
        }
    }

    /**
     * One panel of the packed path when panels are 2×4 blocks of an image (see {@link ImageBands}):
     * rows {@code r0..r0+3} and {@code r0+side..r0+side+3} of C, blank steps skipped when
     * {@code look}; returns the steps kept. Only products without an epilogue (weight gradients)
     * come here, and m is a multiple of MR, so every panel is whole.
     */
    private int bandPanel(int ir, int pc, int kc, int panels, int jc, int nc, float[] bp, float[] ap, float[] tile,
                          int[] steps, boolean look, boolean accumulate) {
        int r0 = ImageBands.firstRow(ir, side);
        int kept = look ? Packing.packANonZero(a, transA, m, k, r0, MR, pc, kc, ap, steps, side) : kc;
        if (!look) {
            Packing.packA(a, transA, m, k, r0, MR, pc, kc, ap, side);
        }
        for (int q = 0; q < panels; q++) {
            int jq = jc + q * NR;
            int nr = Math.min(NR, jc + nc - jq);
            int bOff = q * kc * NR;
            if (nr == NR) {
                if (kept == kc) {
                    MicroKernel.dense(kc, ap, 0, bp, bOff, c, r0 * n + jq, (r0 + side) * n + jq, n, accumulate);
                } else {
                    MicroKernel.kernel(kept, steps, ap, 0, bp, bOff, c, r0 * n + jq, (r0 + side) * n + jq, n, accumulate);
                }
                continue;
            }
            // cut by the edge of C: computed in a scratch tile, then copied
            if (accumulate) {
                for (int r = 0; r < MR; r++) {
                    System.arraycopy(c, bandRow(r0, r) * n + jq, tile, r * NR, nr);
                }
            }
            if (kept == kc) {
                MicroKernel.dense(kc, ap, 0, bp, bOff, tile, 0, NR, accumulate);
            } else {
                MicroKernel.kernel(kept, steps, ap, 0, bp, bOff, tile, 0, NR, accumulate);
            }
            for (int r = 0; r < MR; r++) {
                System.arraycopy(tile, r * NR, c, bandRow(r0, r) * n + jq, nr);
            }
        }
        return kept;
    }

    /** Row of C of a 2×4 panel's row {@code r} (0..7) whose first row is {@code r0}. */
    private int bandRow(int r0, int r) {
        return r < 4 ? r0 + r : r0 + side + r - 4;
    }

    /** As {@link #edgeTile} for a tile whose A is read in place. */
    private void rowsEdgeTile(int kc, float[] bp, int bOff, float[] tile, int ir, int pc, int jq, int nr, boolean accumulate) {
        if (accumulate) {
            for (int r = 0; r < MR; r++) {
                System.arraycopy(c, (ir + r) * n + jq, tile, r * NR, nr);
            }
        }
        MicroKernel.denseRows(kc, a, ir * k + pc, k, bp, bOff, tile, 0, NR, accumulate);
        for (int r = 0; r < MR; r++) {
            System.arraycopy(tile, r * NR, c, (ir + r) * n + jq, nr);
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
