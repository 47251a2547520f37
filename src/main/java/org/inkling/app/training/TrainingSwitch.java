package org.inkling.app.training;

import org.inkling.nn.TrainingControl;

/**
 * Pause, resume and stop requests from the FX thread to the training thread, plus the app's own
 * "the window is closing, nobody waits for the result".
 *
 * <p>Stop goes through the engine's {@link TrainingControl}, which the trainer checks between
 * batches. Pausing is the app's own: the training thread holds in {@link #holdWhilePaused}, which a
 * listener calls after each batch. Holding there, on the training thread, lets the app act on the
 * network as it stands (copy it for a save) before waiting, with no batch in flight and no race
 * with a pause that arrives while a batch is still running.
 */
public final class TrainingSwitch {
    private final TrainingControl control = new TrainingControl();
    private final Object lock = new Object();
    private boolean paused; // guarded by lock
    /** Resumes so far (guarded by lock): a hold that outlives a quick resume and pause announces itself again. */
    private long resumes;
    private volatile boolean abandoned;

    /** The control to hand to {@code Trainer.fit}: it carries stop requests. */
    public TrainingControl engineControl() {
        return control;
    }

    /** Asks training to hold after the batch in flight. */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    public void resume() {
        synchronized (lock) {
            paused = false;
            resumes++;
            lock.notifyAll();
        }
    }

    /** Asks training to end after the current batch; also wakes a paused run so it can end. */
    public void stop() {
        control.cancel();
        synchronized (lock) {
            lock.notifyAll();
        }
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
        synchronized (lock) {
            return paused && !control.isCancelled();
        }
    }

    public boolean isStopped() {
        return control.isCancelled();
    }

    /**
     * Training thread, between batches: blocks while paused. {@code onHold} runs once when a hold
     * begins, on this thread, before it waits (not under the lock: a resume meanwhile is seen after
     * it). Returns whether training should go on (false once stopped, or when interrupted).
     */
    public boolean holdWhilePaused(Runnable onHold) {
        long announcedAt = -1;
        try {
            while (true) {
                synchronized (lock) {
                    if (!paused || control.isCancelled()) {
                        return !control.isCancelled();
                    }
                    if (announcedAt == resumes) {
                        lock.wait();
                        continue;
                    }
                    announcedAt = resumes;
                }
                onHold.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            control.cancel();
            return false;
        }
    }

    /** {@link #holdWhilePaused} with nothing to do at the hold, for runners that train without a listener. */
    public boolean awaitIfPaused() {
        return holdWhilePaused(() -> {});
    }
}
