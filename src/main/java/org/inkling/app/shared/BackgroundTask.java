package org.inkling.app.shared;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

/**
 * Work for a background thread, with handlers that the {@link TaskExecutor} runs on the UI thread
 * (after JabRef's {@code BackgroundTask}). View models build these; they never touch threads.
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {
    /** The work itself; it may report progress in 0..1 through the given consumer. */
    @FunctionalInterface
    public interface Work<T> {
        T call(DoubleConsumer progress) throws Exception;
    }

    private final Work<T> work;
    private Consumer<? super T> onSuccess = result -> {};
    private Consumer<Throwable> onFailure = error -> {};
    private DoubleConsumer onProgress = value -> {};
    private Runnable onFinished = () -> {};

    private BackgroundTask(Work<T> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> wrap(Work<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(ThrowingRunnable work) {
        return new BackgroundTask<>(progress -> {
            work.run();
            return null;
        });
    }

    /** A {@link Runnable} that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onProgress(DoubleConsumer handler) {
        this.onProgress = Objects.requireNonNull(handler);
        return this;
    }

    /** Runs after success or failure, whichever happened. */
    public BackgroundTask<T> onFinished(Runnable handler) {
        this.onFinished = Objects.requireNonNull(handler);
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }

    Work<T> work() {
        return work;
    }

    void succeeded(T result) {
        try {
            onSuccess.accept(result);
        } finally {
            onFinished.run();
        }
    }

    void failed(Throwable error) {
        try {
            onFailure.accept(error);
        } finally {
            onFinished.run();
        }
    }

    void progressed(double value) {
        onProgress.accept(value);
    }
}
