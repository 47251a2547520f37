package org.inkling.app;

/** Runs one training job on the calling (background) thread. */
@FunctionalInterface
public interface TrainingRunner {
    /**
     * Trains a new network as {@code settings} say, reporting to {@code reporter}, honouring
     * pause and stop requests from {@code control} between batches.
     *
     * @return the trained network (also when stopped early: it is what was learnt so far)
     */
    ModelHandle train(TrainingSettings settings, TrainingReporter reporter, TrainingSwitch control) throws Exception;
}
