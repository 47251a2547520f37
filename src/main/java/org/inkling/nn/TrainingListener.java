package org.inkling.nn;

/**
 * Progress callbacks from {@link Trainer#fit}, all on the training thread, in this order:
 * {@code onTrainingBegin}, then per epoch {@code onBatchEnd} for every batch and
 * {@code onEpochEnd}, then {@code onTrainingEnd} exactly once (also after cancel or divergence).
 * Keep them quick: a UI should hand the event to its own thread and return. Several listeners
 * listen to one run through {@link #all}.
 */
public interface TrainingListener {
    /** One listener that calls each of {@code listeners} in turn (nulls are left out). */
    static TrainingListener all(TrainingListener... listeners) {
        java.util.List<TrainingListener> each = java.util.Arrays.stream(listeners)
                .filter(java.util.Objects::nonNull).toList();
        if (each.size() == 1) return each.getFirst();
        return new TrainingListener() {
            @Override public void onTrainingBegin(TrainingPlan plan) { each.forEach(l -> l.onTrainingBegin(plan)); }
            @Override public void onBatchEnd(BatchEvent event) { each.forEach(l -> l.onBatchEnd(event)); }
            @Override public void onEpochEnd(EpochEvent event) { each.forEach(l -> l.onEpochEnd(event)); }
            @Override public void onTrainingEnd(TrainingResult result) { each.forEach(l -> l.onTrainingEnd(result)); }
        };
    }

    default void onTrainingBegin(TrainingPlan plan) {}

    default void onBatchEnd(BatchEvent event) {}

    default void onEpochEnd(EpochEvent event) {}

    default void onTrainingEnd(TrainingResult result) {}

    /**
     * What training will do. {@code network} is the network being trained: a listener may read it
     * (for example copy its weights into a snapshot with {@link Sequential#copyWeightsFrom}) only
     * inside its callbacks, on the training thread, where no batch is in flight.
     */
    record TrainingPlan(int epochs, int batchSize, int trainSize, int validationSize, int batchesPerEpoch,
                        long parameterCount, Sequential network) {}

    /**
     * After a batch: {@code epoch} counts from 1, {@code batch} is the number of batches done in
     * this epoch (1..batchesPerEpoch); {@code batchLoss} and {@code batchAccuracy} are this batch's
     * own, {@code loss} and {@code accuracy} the running means over the epoch so far (what Keras'
     * progress bar shows); {@code elapsedNanos} since the epoch began.
     */
    record BatchEvent(int epoch, int batch, int batchesPerEpoch, double batchLoss, double batchAccuracy,
                      double loss, double accuracy, long elapsedNanos) {}

    /** After an epoch; validation values are NaN when there is no validation data. */
    record EpochEvent(int epoch, int epochs, double loss, double accuracy, double valLoss, double valAccuracy,
                      double seconds) {}
}
