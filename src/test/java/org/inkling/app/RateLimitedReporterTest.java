package org.inkling.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedReporterTest {
    private final AtomicLong now = new AtomicLong();
    private final List<TrainingUpdate> updates = new ArrayList<>();
    private final UiQueue ui = new UiQueue();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final RateLimitedReporter reporter =
            new RateLimitedReporter(ui, updates::add, now::get, 100_000_000L);

    @Test
    void batchesAreCoalescedToAboutTenUpdatesASecondAndNoPointIsLost() {
        reporter.begin(2, 500, () -> {
            snapshots.incrementAndGet();
            return Fakes.byColumn(1f);
        });
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 500; batch++) {
                now.addAndGet(2_000_000L); // 2 ms a batch: 2 s of training in all
                reporter.batch(epoch, batch, 500, 1.0 / batch, 0.5, now.get());
            }
            reporter.epoch(epoch, 2, 0.1, 0.9, 0.2, 0.85);
        }
        reporter.end();
        ui.drain();

        // 2 s at 10 per second, plus the start, two epoch ends and the end.
        assertThat(updates.size()).isBetween(20, 24);
        assertThat(updates.stream().mapToInt(u -> u.trainLoss().size()).sum()).isEqualTo(1000);
        assertThat(updates.stream().mapToInt(u -> u.valLoss().size()).sum()).isEqualTo(2);
        assertThat(snapshots.get()).isEqualTo(updates.size() - 1);
        List<Double> xs = updates.stream().flatMap(u -> u.trainLoss().stream()).map(ChartPoint::x).toList();
        assertThat(xs).isSorted();
        assertThat(xs.getLast()).isEqualTo(2.0);
        TrainingUpdate last = updates.getLast();
        assertThat(last.batchesDone()).isEqualTo(last.batchesTotal());
    }

    @Test
    void theSmoothedCurveStartsAtTheFirstLossNotNearZero() {
        reporter.begin(1, 10, () -> null);
        reporter.batch(1, 1, 10, 2.3, 0.1, 1);
        reporter.end();
        ui.drain();
        double first = updates.stream().flatMap(u -> u.trainLoss().stream()).findFirst().orElseThrow().y();
        assertThat(first).isEqualTo(2.3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void nothingReachesTheUiBeforeItsThreadRuns() {
        reporter.begin(1, 10, () -> null);
        now.addAndGet(1_000_000_000L);
        reporter.batch(1, 1, 10, 1, 0.5, 1);
        assertThat(updates).isEmpty();
        ui.drain();
        assertThat(updates).hasSize(2);
    }
}
