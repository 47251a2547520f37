package org.inkling.nn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelTest {
    @AfterEach
    void restoreThreads() {
        VectorGemm.setMaxThreads(2);
    }

    @Test
    void everyIndexRunsExactlyOnceAndHalvesStartOnTheAlignment() {
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
                assertThat(hits.get(i)).as("index %d of %d", i, n).isEqualTo(1);
            }
            assertThat(starts).allMatch(s -> s % 16 == 0);
        }
    }

    @Test
    void aLongLoopUsesTheWorkerAndAShortOneStaysOnTheCaller() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.forRange(1 << 16, 1 << 12, 16, (from, to) -> threads.add(Thread.currentThread().getName()));
        assertThat(threads).contains(Thread.currentThread().getName(), "inkling-gemm-worker");

        threads.clear();
        Parallel.forRange(1000, 1 << 12, 16, (from, to) -> threads.add(Thread.currentThread().getName()));
        assertThat(threads).containsExactly(Thread.currentThread().getName());

        threads.clear();
        VectorGemm.setMaxThreads(1);
        Parallel.forRange(1 << 16, 1 << 12, 16, (from, to) -> threads.add(Thread.currentThread().getName()));
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }

    @Test
    void aFailureOnTheWorkerReachesTheCaller() {
        assertThatThrownBy(() -> Parallel.forRange(1 << 16, 1, 16, (from, to) -> {
            if (from > 0) {
                throw new IllegalStateException("second half failed");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("second half failed");
        // and the pool still works afterwards
        Set<String> threads = ConcurrentHashMap.newKeySet();
        Parallel.forRange(1 << 16, 1, 16, (from, to) -> threads.add(Thread.currentThread().getName()));
        assertThat(threads).hasSize(2);
    }
}
