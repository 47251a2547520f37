package org.inkling.app;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Stands in for the FX thread in view-model tests: work queues up until the test runs it. */
public final class UiQueue implements Executor {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private int executed;

    @Override
    public void execute(Runnable command) {
        queue.add(command);
    }

    /** Runs queued work on the test thread until {@code done} holds; fails after {@code timeout}. */
    public void runUntil(BooleanSupplier done, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("timed out waiting on the UI queue");
            }
            Runnable next = queue.poll(Math.min(left, 50_000_000L), TimeUnit.NANOSECONDS);
            if (next != null) {
                next.run();
                executed++;
            }
        }
    }

    /** Runs everything queued so far. */
    public void drain() {
        Runnable next;
        while ((next = queue.poll()) != null) {
            next.run();
            executed++;
        }
    }

    public int executed() {
        return executed;
    }
}
