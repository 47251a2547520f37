package org.inkling.nn;

/**
 * Labelled examples as the trainer reads them. Implementations keep their own storage (MNIST stays
 * uint8) and scale to 0..1 when an input is copied out, one batch at a time.
 */
public interface Examples {
    /** Number of examples. */
    int size();

    /** Length of one input vector (784 for MNIST). */
    int inputSize();

    /** Class label of example {@code i}, in 0..classes-1. */
    int label(int i);

    /**
     * Writes input {@code i}, scaled to 0..1, into {@code dst[offset .. offset + inputSize())}. The
     * trainer calls this from two threads at once (for different rows of a batch), so it must
     * only read shared state.
     */
    void copyInput(int i, float[] dst, int offset);

    /**
     * Writes inputs {@code index[from]}, ..., {@code index[to - 1]} into consecutive rows of
     * {@code dst} starting at {@code offset}: a batch. Called from several threads at once, for
     * different ranges. The default copies one input at a time; a set that can fetch a scattered
     * batch faster overrides it.
     */
    default void copyInputs(int[] index, int from, int to, float[] dst, int offset) {
        int n = inputSize();
        for (int r = from; r < to; r++) {
            copyInput(index[r], dst, offset + (r - from) * n);
        }
    }
}
