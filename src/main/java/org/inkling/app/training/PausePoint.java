package org.inkling.app.training;

import java.util.Objects;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainingListener;

/**
 * Where a paused run holds: after a batch, on the training thread. When a hold begins it first
 * hands over a copy of the network as it stands (what Save keeps while paused); copying only reads
 * the network, so the run resumes exactly as if it had not been paused.
 */
final class PausePoint implements TrainingListener {
    /** Receives the copy on the training thread; hand it to the UI thread and return. */
    @FunctionalInterface
    interface Handler {
        void held(Sequential copy, BatchEvent after);
    }

    private final TrainingSwitch run;
    private final Runnable beforeHold;
    private final Handler handler;
    private Sequential network;

    /** {@code beforeHold} runs first at each hold (the curves' last points reach the screen). */
    PausePoint(TrainingSwitch run, Runnable beforeHold, Handler handler) {
        this.run = Objects.requireNonNull(run);
        this.beforeHold = Objects.requireNonNull(beforeHold);
        this.handler = Objects.requireNonNull(handler);
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) {
        network = plan.network();
    }

    @Override
    public void onBatchEnd(BatchEvent event) {
        run.holdWhilePaused(() -> {
            beforeHold.run();
            if (network != null) {
                handler.held(network.copy(), event);
            }
        });
    }
}
