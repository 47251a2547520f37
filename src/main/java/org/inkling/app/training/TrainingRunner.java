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

    /**
     * Does, on the calling (background) thread, the work a first run of a network like
     * {@code architecture} (a valid architecture field) would otherwise do in its first epoch (the JIT
     * compiling the kernels), until done or until {@code control} is cancelled. Nothing a run uses is
     * changed. The default does nothing.
     */
    default void warmUp(org.inkling.nn.TrainingControl control, String architecture) throws Exception {}
}
