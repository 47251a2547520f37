package org.inkling.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Background threads of the app run nicer than the FX thread: checked in Linux's own account of
 * each thread ({@code /proc/thread-self/stat}), where Java's priorities would change nothing.
 */
class BackgroundPriorityTest {

    @Test
    void aThreadThatAsksIsLoweredAndTheOthersAreNot() throws Exception {
        assumeTrue(BackgroundPriority.currentThreadNice().isPresent(), "Linux reports a nice value per thread");
        int mine = BackgroundPriority.currentThreadNice().getAsInt();
        // As the app does on its FX thread; this thread (JUnit's, shared by the suite) stays as it was.
        Thread.ofPlatform().start(BackgroundPriority::enableFromForegroundThread).join();
        CompletableFuture<int[]> asked = new CompletableFuture<>();
        Thread.ofPlatform().start(() -> {
            boolean lowered = BackgroundPriority.lowerCurrentThread();
            asked.complete(new int[] {lowered ? 1 : 0, BackgroundPriority.currentThreadNice().orElse(-100)});
        });
        int[] result = asked.get(10, TimeUnit.SECONDS);
        assertThat(result[0]).as("lowered").isEqualTo(1);
        assertThat(result[1]).isEqualTo(Math.min(19, mine + BackgroundPriority.NICER_BY));
        assertThat(BackgroundPriority.currentThreadNice()).hasValue(mine);
    }
}
