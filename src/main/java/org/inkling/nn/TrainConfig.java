package org.inkling.nn;

/**
 * How {@link Trainer#fit} trains: epochs, batch size, the seed for shuffling and augmentation, and
 * validation either as the last {@code validationSplit} fraction of the training examples (taken
 * before shuffling, as Keras does) or as separate {@code validationData}; not both.
 *
 * @param augmenter optional; changes each training batch in place (never the validation data)
 * @param schedule  how the learning rate changes per batch over the run; null means
 *                  {@link LearningRateSchedule#constant()}, which trains exactly as without one
 */
public record TrainConfig(int epochs, int batchSize, long seed, double validationSplit,
                          Examples validationData, BatchAugmenter augmenter, LearningRateSchedule schedule) {

    public TrainConfig {
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
        }
        if (validationSplit > 0 && validationData != null) {
            throw new IllegalArgumentException("give either a validation split or validation data, not both");
        }
        if (schedule == null) schedule = LearningRateSchedule.constant();
    }

    /** With the constant learning rate. */
    public TrainConfig(int epochs, int batchSize, long seed, double validationSplit,
                       Examples validationData, BatchAugmenter augmenter) {
        this(epochs, batchSize, seed, validationSplit, validationData, augmenter, null);
    }

    /** No validation, no augmentation, constant learning rate. */
    public static TrainConfig of(int epochs, int batchSize, long seed) {
        return new TrainConfig(epochs, batchSize, seed, 0, null, null, null);
    }

    public TrainConfig withValidationSplit(double split) {
        return new TrainConfig(epochs, batchSize, seed, split, null, augmenter, schedule);
    }

    public TrainConfig withValidationData(Examples data) {
        return new TrainConfig(epochs, batchSize, seed, 0, data, augmenter, schedule);
    }

    public TrainConfig withAugmenter(BatchAugmenter a) {
        return new TrainConfig(epochs, batchSize, seed, validationSplit, validationData, a, schedule);
    }

    public TrainConfig withSchedule(LearningRateSchedule s) {
        return new TrainConfig(epochs, batchSize, seed, validationSplit, validationData, augmenter, s);
    }
}
