package org.inkling.app;

/**
 * Pause, resume and stop requests from the FX thread to the training thread. The training thread
 * calls {@link #awaitIfPaused()} between batches; it returns at once unless paused.
 */
public final class TrainingSwitch {
    private boolean paused;
    private boolean stopped;

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
