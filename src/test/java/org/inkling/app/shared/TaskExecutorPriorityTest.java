package org.inkling.app.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.inkling.base.BackgroundPriority;
import org.junit.jupiter.api.Test;

/** The app's training and evaluation threads give way to the FX thread (Linux's per-thread nice value). */
class TaskExecutorPriorityTest {

    @Test
    void theAppsTaskThreadsRunNicerThanTheThreadThatPostsThem() throws Exception {
        assumeTrue(BackgroundPriority.currentThreadNice().isPresent(), "Linux reports a nice value per thread");
        int mine = BackgroundPriority.currentThreadNice().getAsInt();
        // As the app does on its FX thread; this thread (JUnit's, shared by the suite) stays as it was.
        Thread.ofPlatform().start(BackgroundPriority::enableFromForegroundThread).join();
        CompletableFuture<OptionalInt> seen = new CompletableFuture<>();
        var ui = Executors.newSingleThreadExecutor();
        try (TaskExecutor tasks = TaskExecutor.withDaemonThreads(ui)) {
            BackgroundTask.<OptionalInt>wrap(progress -> BackgroundPriority.currentThreadNice())
                    .onSuccess(seen::complete)
                    .onFailure(seen::completeExceptionally)
                    .executeWith(tasks);
            assertThat(seen.get(10, TimeUnit.SECONDS)).hasValue(Math.min(19, mine + BackgroundPriority.NICER_BY));
        } finally {
            ui.shutdownNow();
        }
    }
}
