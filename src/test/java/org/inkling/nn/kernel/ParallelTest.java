package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.inkling.base.BackgroundPriority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    private final int threadsBefore = VectorGemm.maxThreads();

    @AfterEach
    void restoreThreads() {
        VectorGemm.setMaxThreads(threadsBefore);
    }

    @Test
    void everyIndexRunsExactlyOnceAndRangesStartOnTheAlignment() {
        for (int threads : VectorGemmTest.THREAD_COUNTS) {
            VectorGemm.setMaxThreads(threads);
            for (int n : new int[] {0, 1, 2, 15, 16, 17, 33, 1000, 100_003}) {
                AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
                Set<Integer> starts = ConcurrentHashMap.newKeySet();
                Parallel.forRange(n, 1, 16, (from, to) -> {
                    starts.add(from);
                    for (int i = from; i < to; i++) {
                        hits.incrementAndGet(i);
                    }
                });
                for (int i = 0; i < n; i++) {
                    assertThat(hits.get(i)).as("index %d of %d, %d threads", i, n, threads).isEqualTo(1);
                }
                assertThat(starts).allMatch(s -> s % 16 == 0);
                assertThat(starts.size()).isLessThanOrEqualTo(threads);
            }
        }
    }

    @Test
    void onceTheAppAsksTheWorkersRunNicerThanTheCaller() throws InterruptedException {
        org.junit.jupiter.api.Assumptions.assumeTrue(BackgroundPriority.currentThreadNice().isPresent(),
                "Linux reports a nice value per thread");
        int callers = BackgroundPriority.currentThreadNice().getAsInt();
        // As the app does on its FX thread; this thread (JUnit's, shared by the suite) stays as it was.
        Thread.ofPlatform().start(BackgroundPriority::enableFromForegroundThread).join();
        VectorGemm.setMaxThreads(3);
        java.util.Map<String, Integer> nice = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(3);
        Parallel.forRange(1 << 16, 1 << 12, 16, (from, to) -> {
            nice.put(Thread.currentThread().getName(), BackgroundPriority.currentThreadNice().orElse(-100));
            all.countDown();
            await(all);
        });
        assertThat(nice).hasSize(3).containsEntry(Thread.currentThread().getName(), callers);
        assertThat(nice.entrySet()).filteredOn(e -> e.getKey().startsWith("inkling-gemm-worker")).hasSize(2)
                .allSatisfy(e -> assertThat(e.getValue()).isEqualTo(Math.min(19, callers + BackgroundPriority.NICER_BY)));
    }

    @Test
    void theThreadThatAskedRunsItsLoopsAloneAndGetsTheSameResult() throws Exception {
        VectorGemm.setMaxThreads(4);
        java.util.concurrent.CompletableFuture<Set<String>> names = new java.util.concurrent.CompletableFuture<>();
        AtomicIntegerArray hits = new AtomicIntegerArray(1 << 16);
        Thread.ofPlatform().name("fx-like").start(() -> {
            BackgroundPriority.enableFromForegroundThread();
            Set<String> seen = ConcurrentHashMap.newKeySet();
            Parallel.forRange(1 << 16, 1 << 12, 16, (from, to) -> {
                seen.add(Thread.currentThread().getName());
                for (int i = from; i < to; i++) {
                    hits.incrementAndGet(i);
                }
            });
            names.complete(seen);
        });
        assertThat(names.get(30, TimeUnit.SECONDS)).containsExactly("fx-like");
        for (int i = 0; i < hits.length(); i++) {
            assertThat(hits.get(i)).isEqualTo(1);
        }
    }

    @Test
    void aLongLoopUsesAsManyThreadsAsAllowedAndAShortOneStaysOnTheCaller() {
        for (int threads : new int[] {2, 3, 4, 8}) {
            VectorGemm.setMaxThreads(threads);
            Set<String> names = ConcurrentHashMap.newKeySet();
            // Each range waits until every thread has one: the caller cannot take a second range
            // while holding its first, so however late a worker wakes, each range has its own thread.
            CountDownLatch all = new CountDownLatch(threads);
            Parallel.forRange(1 << 16, 1 << 12, 16, (from, to) -> {
                names.add(Thread.currentThread().getName());
                all.countDown();
                await(all);
            });
            assertThat(names).as("%d threads", threads).hasSize(threads).contains(Thread.currentThread().getName());
            assertThat(names).filteredOn(n -> n.startsWith("inkling-gemm-worker")).hasSize(threads - 1);
        }

        Set<String> names = ConcurrentHashMap.newKeySet();
        Parallel.forRange(1000, 1 << 12, 16, (from, to) -> names.add(Thread.currentThread().getName()));
        assertThat(names).containsExactly(Thread.currentThread().getName());

        names.clear();
        VectorGemm.setMaxThreads(1);
        Parallel.forRange(1 << 16, 1 << 12, 16, (from, to) -> names.add(Thread.currentThread().getName()));
        assertThat(names).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aLimitBelowThePoolsSizeKeepsTheOtherWorkersOut() {
        VectorGemm.setMaxThreads(8);
        Parallel.forRange(1 << 16, 1 << 12, 16, (from, to) -> sleep(5)); // starts seven workers
        VectorGemm.setMaxThreads(3);
        Set<String> names = ConcurrentHashMap.newKeySet();
        Parallel.forRange(1 << 20, 1 << 12, 1, (from, to) -> {
            names.add(Thread.currentThread().getName());
            sleep(20);
        });
        assertThat(names).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aFailureOnAWorkerReachesTheCaller() {
        VectorGemm.setMaxThreads(4);
        assertThatThrownBy(() -> Parallel.forRange(1 << 16, 1, 16, (from, to) -> {
            if (from > 0) {
                sleep(20);
                throw new IllegalStateException("a later range failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("a later range failed");
        // and the pool still works afterwards, on all four threads
        Set<String> names = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(4);
        Parallel.forRange(1 << 16, 1, 16, (from, to) -> {
            names.add(Thread.currentThread().getName());
            all.countDown();
            await(all);
        });
        assertThat(names).hasSize(4);
    }

    /** Waits for the others; a worker that never came would fail the test by its thread count, not hang it. */
    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
