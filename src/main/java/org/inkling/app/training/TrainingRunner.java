package org.inkling.app.training;

import org.inkling.app.model.ModelHandle;

import org.inkling.nn.TrainingListener;

/** Runs one training job on the calling (background) thread. */
@FunctionalInterface
public interface TrainingRunner {
    /**
     * Trains a new network as {@code request} says, reporting to {@code listener} on this thread,
     * honouring pause and stop requests from {@code control} between batches.
     *
     * @return the trained network (also when stopped early: it is what was learnt so far)
     */
    ModelHandle train(TrainingRequest request, TrainingListener listener, TrainingSwitch control) throws Exception;
}
