package org.inkling.nn;

/**
 * Lets another thread (the UI) pause, resume or cancel a training run. The trainer checks it
 * between batches, so a batch in progress always finishes and the weights stay consistent.
 * Cancelling also ends a pause. Thread-safe.
 */
public final class TrainingControl {
    private boolean paused;
    private boolean cancelled;

    public synchronized void pause() {
        paused = true;
    }

    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    public synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    public synchronized boolean isPaused() {
        return paused && !cancelled;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /**
     * Blocks the calling (training) thread while paused. An interrupt counts as a cancel, and the
     * thread's interrupt flag is kept.
     */
    public synchronized void awaitIfPaused() {
        while (paused && !cancelled) {
            try {
                wait();
            } catch (InterruptedException e) {
                cancelled = true;
                Thread.currentThread().interrupt();
            }
        }
    }
}
