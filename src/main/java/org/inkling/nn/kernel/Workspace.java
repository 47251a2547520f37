package org.inkling.nn.kernel;

import static org.inkling.nn.kernel.MicroKernel.MR;
import static org.inkling.nn.kernel.MicroKernel.NR;

/**
 * Packing buffers of one thread, grown to the largest block seen and then reused, so that a
 * steady stream of products allocates nothing.
 */
final class Workspace {
    private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);

    private float[] bPanels = new float[0];
    private float[] aPanel = new float[0];
    final float[] tile = new float[MR * NR];
    private int[] steps = new int[0];
    /** Where the eight rows of a convolution's tile start in the images (see {@link ConvJob}). */
    final int[] rows = new int[MR];
    private float[] strip = new float[0];
    private int[] counts = new int[0];

    static Workspace get() {
        return LOCAL.get();
    }

    float[] bPanels(int size) {
        if (bPanels.length < size) {
            bPanels = new float[size];
        }
        return bPanels;
    }

    /** The kept steps of a packed A panel (see {@link Packing#packA}). */
    int[] steps(int size) {
        if (steps.length < size) {
            steps = new int[size];
        }
        return steps;
    }

    /**
     * Eight rows of a convolution's input gradient before they are folded into the images, or the
     * weight-gradient accumulators of {@link ConvPool}'s backward pass.
     */
    float[] strip(int size) {
        if (strip.length < size) {
            strip = new float[size];
        }
        return strip;
    }

    /** How many steps each pair of rows keeps in {@link SparsePairs}. */
    int[] counts(int size) {
        if (counts.length < size) {
            counts = new int[size];
        }
        return counts;
    }

    float[] aPanel(int size) {
        if (aPanel.length < size) {
            aPanel = new float[size];
        }
        return aPanel;
    }
}
