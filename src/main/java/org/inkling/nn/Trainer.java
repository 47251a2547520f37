package org.inkling.nn;

/**
 * Trains a {@link Sequential} model with mini-batch gradient descent, as Keras' {@code fit} does.
 *
 * <p>Each epoch visits the training examples in an order shuffled from the config's seed; the same
 * model seed, data, config and optimiser settings give bit-identical weights. Between batches the
 * trainer honours {@link TrainingControl} (pause, resume, cancel). A NaN or infinite loss stops the
 * run: the weights go back to the last copy known to give a finite loss, and the result says
 * {@link TrainingResult.Status#DIVERGED} with the epoch and batch. Before each optimiser step the
 * config's {@link LearningRateSchedule} sets the optimiser's rate, counting steps over the whole run.
 *
 * <p>After the first batch of each size nothing is allocated in the loop except the small event
 * records handed to the listener: batch buffers are reused, and the last, partial batch reuses
 * them at a smaller row count.
 */
public final class Trainer {
    private Trainer() {}

    /**
     * Trains {@code model} in place on the calling thread and returns how it ended. The optimiser
     * is (re)initialised on the model's parameters. {@code listener} and {@code control} may be null.
     */
    public static TrainingResult fit(Sequential model, Optimizer optimizer, Loss loss, Examples train,
                                     TrainConfig config, TrainingListener listener, TrainingControl control) {
        return new TrainingRun(model, optimizer, loss, train, config,
                listener == null ? new TrainingListener() {} : listener,
                control == null ? new TrainingControl() : control).run();
    }
}
