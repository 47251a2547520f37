package org.inkling.nn;

/**
 * Progress callbacks from {@link Trainer#fit}, all on the training thread, in this order:
 * {@code onTrainingBegin}, then per epoch {@code onBatchEnd} for every batch and
 * {@code onEpochEnd}, then {@code onTrainingEnd} exactly once (also after cancel or divergence).
 * Keep them quick: a UI should hand the event to its own thread and return.
 */
public interface TrainingListener {
    default void onTrainingBegin(TrainingPlan plan) {}

    default void onBatchEnd(BatchEvent event) {}

    default void onEpochEnd(EpochEvent event) {}

    default void onTrainingEnd(TrainingResult result) {}

    /** What training will do. */
    record TrainingPlan(int epochs, int batchSize, int trainSize, int validationSize, int batchesPerEpoch,
                        long parameterCount) {}

    /**
     * After a batch: {@code epoch} counts from 1, {@code batch} is the number of batches done in
     * this epoch (1..batchesPerEpoch); loss and accuracy are running means over the epoch so far;
     * {@code elapsedNanos} since the epoch began.
     */
    record BatchEvent(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, long elapsedNanos) {}

    /** After an epoch; validation values are NaN when there is no validation data. */
    record EpochEvent(int epoch, int epochs, double loss, double accuracy, double valLoss, double valAccuracy,
                      double seconds) {}
}
