package org.inkling.app;

import java.util.function.Supplier;

/**
 * What a training run tells the app, called on the training thread between batches (so reading
 * the network there, e.g. to copy it, is safe).
 */
public interface TrainingReporter {
    /** @param snapshot copies the network being trained; call it only from the training thread */
    void begin(int epochs, int batchesPerEpoch, Supplier<Classifier> snapshot);

    /** After each batch; {@code epoch} and {@code batch} count from 1. */
    void batch(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, long elapsedNanos);

    /** After each epoch; validation values are NaN without a validation set. */
    void epoch(int epoch, int epochs, double loss, double accuracy, double valLoss, double valAccuracy);

    /** Once, when training ends for any reason. */
    void end();
}
