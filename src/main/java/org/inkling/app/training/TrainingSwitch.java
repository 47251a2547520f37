package org.inkling.app.training;

import org.inkling.nn.TrainingControl;

/**
 * Pause, resume and stop requests from the FX thread to the training thread: the engine's
 * {@link TrainingControl}, which the trainer honours between batches, plus the app's own "the
 * window is closing, nobody waits for the result".
 */
public final class TrainingSwitch {
    private final TrainingControl control = new TrainingControl();
    private volatile boolean abandoned;

    /** The control to hand to {@code Trainer.fit}. */
    public TrainingControl engineControl() {
        return control;
    }

    public void pause() {
        control.pause();
    }

    public void resume() {
        control.resume();
    }

    /** Asks training to end after the current batch; also wakes a paused run so it can end. */
    public void stop() {
        control.cancel();
    }

    /** Stops, and says that nobody waits for the result (the window is closing): skip the extras. */
    public void abandon() {
        abandoned = true;
        stop();
    }

    public boolean isAbandoned() {
        return abandoned;
    }

    public boolean isPaused() {
        return control.isPaused();
    }

    public boolean isStopped() {
        return control.isCancelled();
    }

    /**
     * Blocks while paused, for runners that train without the engine's trainer (the tests' fakes);
     * returns whether training should go on (false once stopped, or when interrupted).
     */
    public boolean awaitIfPaused() {
        control.awaitIfPaused();
        return !control.isCancelled();
    }
}
