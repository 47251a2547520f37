package org.inkling.nn;

import org.ejml.data.FMatrixRMaj;

/**
 * A loss over a batch of network outputs (rows) and integer class labels, averaged over the batch
 * as Keras does.
 */
public interface Loss {
    /** Mean loss over the first {@code output.numRows} rows. */
    double loss(FMatrixRMaj output, int[] labels);

    /**
     * Writes the gradient of the mean loss into {@code grad} (same shape as output) and returns the
     * mean loss. With {@code wrtLogits} the gradient is taken with respect to the logits of a
     * softmax output (only for losses where {@link #fusesWithSoftmax()}).
     */
    double lossAndGradient(FMatrixRMaj output, int[] labels, FMatrixRMaj grad, boolean wrtLogits);

    /** True when the gradient through a softmax output has a simple, stable closed form. */
    boolean fusesWithSoftmax();

    /** Keras name, recorded in model files. */
    String kerasName();
}
