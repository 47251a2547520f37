package org.inkling.app;

/**
 * Pause, resume and stop requests from the FX thread to the training thread. The training thread
 * calls {@link #awaitIfPaused()} between batches; it returns at once unless paused.
 */
public final class TrainingSwitch {
    private boolean paused;
    private boolean stopped;
    private boolean abandoned;

    public synchronized void pause() {
        if (!stopped) {
            paused = true;
        }
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Asks training to end after the current batch; also wakes a paused run so it can end. */
    public synchronized void stop() {
        stopped = true;
        paused = false;
        notifyAll();
    }

    /** Stops, and says that nobody waits for the result (the window is closing): skip the extras. */
    public synchronized void abandon() {
        abandoned = true;
        stop();
    }

    public synchronized boolean isAbandoned() {
        return abandoned;
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    public synchronized boolean isStopped() {
        return stopped;
    }

    /** Blocks while paused; returns whether training should go on (false once stopped). */
    public synchronized boolean awaitIfPaused() throws InterruptedException {
        while (paused && !stopped) {
            wait();
        }
        return !stopped;
    }
}
