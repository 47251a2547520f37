package org.inkling.app.shared;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executor;
import org.inkling.base.BackgroundPriority;

/**
 * Runs {@link BackgroundTask}s on background daemon threads and their handlers on the UI executor
 * (the FX thread in the app, the calling thread in view-model tests).
 */
public final class TaskExecutor implements AutoCloseable {
    private final ExecutorService workers;
    private final Executor ui;

    public TaskExecutor(ExecutorService workers, Executor ui) {
        this.workers = workers;
        this.ui = ui;
    }

    /** Background threads named "inkling-task-N"; handlers go to {@code ui}. */
    public static TaskExecutor withDaemonThreads(Executor ui) {
        AtomicLong count = new AtomicLong();
        return new TaskExecutor(Executors.newCachedThreadPool(runnable -> {
            // Training and downloads must never crowd out the FX thread on a busy machine.
            Thread thread = new Thread(() -> {
                BackgroundPriority.lowerCurrentThread();
                runnable.run();
            }, "inkling-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        }), ui);
    }

    public <T> void execute(BackgroundTask<T> task) {
        workers.execute(() -> {
            T result;
            try {
                result = task.work().call(new ProgressForwarder(task));
            } catch (Throwable error) {
                ui.execute(() -> task.failed(error));
                return;
            }
            ui.execute(() -> task.succeeded(result));
        });
    }

    /** Stops taking work and waits up to {@code millis} for running work to end. */
    public boolean shutdown(long millis) throws InterruptedException {
        workers.shutdown();
        return workers.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /** Coalesces progress reports so a chatty download never floods the UI thread. */
    private final class ProgressForwarder implements java.util.function.DoubleConsumer {
        private final BackgroundTask<?> task;
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile double latest;

        ProgressForwarder(BackgroundTask<?> task) {
            this.task = task;
        }

        @Override
        public void accept(double value) {
            latest = value;
            if (scheduled.compareAndSet(false, true)) {
                ui.execute(() -> {
                    scheduled.set(false);
                    task.progressed(latest);
                });
            }
        }
    }
}
