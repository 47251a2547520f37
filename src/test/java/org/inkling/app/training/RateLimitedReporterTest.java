package org.inkling.app.training;

import org.inkling.app.UiQueue;

import org.inkling.app.model.Classifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.inkling.nn.Activation;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainingListener;
import org.junit.jupiter.api.Test;

class RateLimitedReporterTest {
    private final AtomicLong now = new AtomicLong();
    private final List<TrainingUpdate> updates = new ArrayList<>();
    private final UiQueue ui = new UiQueue();
    private final AtomicInteger snapshots = new AtomicInteger();
    private final RateLimitedReporter reporter =
            new RateLimitedReporter(ui, updates::add, now::get, 100_000_000L);

    private static final Sequential NETWORK =
            Sequential.mlp(Classifier.INPUT_SIZE, new int[] {4}, Activation.RELU, Classifier.CLASSES, 1);

    private static TrainingListener.TrainingPlan plan(int epochs, int batches, Sequential network) {
        return new TrainingListener.TrainingPlan(epochs, 1, batches, 0, batches, 0, network);
    }

    /** The reporter plots the batch's own values; the running means here are deliberately different. */
    private static TrainingListener.BatchEvent batch(int epoch, int batch, int perEpoch, double loss, double acc, long t) {
        return new TrainingListener.BatchEvent(epoch, batch, perEpoch, loss, acc, -1, -1, t);
    }

    @Test
    void snapshotsReuseThreeCopiesAndFollowTheTrainedWeights() {
        Sequential trained = NETWORK.copy();
        reporter.onTrainingBegin(plan(1, 100, trained));
        java.util.Set<Classifier> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int batch = 1; batch <= 100; batch++) {
            now.addAndGet(200_000_000L);
            trained.params().getFirst().value().data[0] = batch; // the weights move
            reporter.onBatchEnd(batch(1, batch, 100, 1, 0.5, now.get()));
            ui.drain();
            Classifier latest = updates.getLast().snapshot();
            distinct.add(latest);
            float[] probe = new float[Classifier.INPUT_SIZE];
            probe[0] = 1;
            trained.params().getFirst().value().data[0] = batch;
            assertThat(latest.classify(probe)).containsExactly(trained.predict(probe));
        }
        assertThat(distinct).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void batchesAreCoalescedToAboutTenUpdatesASecondAndNoPointIsLost() {
        reporter.onTrainingBegin(plan(2, 500, NETWORK));
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 500; batch++) {
                now.addAndGet(2_000_000L); // 2 ms a batch: 2 s of training in all
                reporter.onBatchEnd(batch(epoch, batch, 500, 1.0 / batch, 0.5, now.get()));
            }
            reporter.onEpochEnd(new TrainingListener.EpochEvent(epoch, 2, 0.1, 0.9, 0.2, 0.85, 1));
        }
        reporter.end();
        ui.drain();
        updates.stream().filter(u -> u.snapshot() != null).forEach(u -> snapshots.incrementAndGet());

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
        reporter.onTrainingBegin(plan(1, 10, null));
        reporter.onBatchEnd(batch(1, 1, 10, 2.3, 0.1, 1));
        reporter.end();
        ui.drain();
        double first = updates.stream().flatMap(u -> u.trainLoss().stream()).findFirst().orElseThrow().y();
        assertThat(first).isEqualTo(2.3, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void nothingReachesTheUiBeforeItsThreadRuns() {
        reporter.onTrainingBegin(plan(1, 10, null));
        now.addAndGet(1_000_000_000L);
        reporter.onBatchEnd(batch(1, 1, 10, 1, 0.5, 1));
        assertThat(updates).isEmpty();
        ui.drain();
        assertThat(updates).hasSize(2);
    }

    @Test
    void copiesForTheViewsThatLookInsideComeAtEveryHandOverOnlyWhileWantedAndStayAsTaken() {
        Sequential trained = NETWORK.copy();
        java.util.concurrent.atomic.AtomicBoolean wanted = new java.util.concurrent.atomic.AtomicBoolean();
        reporter.setLiveCopiesWanted(wanted::get);
        reporter.onTrainingBegin(plan(1, 40, trained));
        List<Sequential> live = new ArrayList<>();
        List<Float> takenAt = new ArrayList<>();
        for (int batch = 1; batch <= 40; batch++) {
            wanted.set(batch > 20);
            now.addAndGet(200_000_000L);
            trained.params().getFirst().value().data[0] = batch; // the weights move
            reporter.onBatchEnd(batch(1, batch, 40, 1, 0.5, now.get()));
            ui.drain();
            Sequential copy = updates.getLast().liveNetwork();
            if (copy != null) {
                live.add(copy);
                takenAt.add((float) batch);
            }
        }
        assertThat(takenAt).hasSize(20).first().isEqualTo(21f);
        java.util.Set<Sequential> distinct = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        distinct.addAll(live);
        assertThat(distinct).hasSize(20).doesNotContain(trained);
        for (int i = 0; i < live.size(); i++) {
            // Each copy still holds the weights of the batch it was taken at, though training went on.
            assertThat(live.get(i).params().getFirst().value().data[0]).isEqualTo(takenAt.get(i));
        }
    }

    @Test
    void noCopyIsTakenForTheViewsWhenNoneIsShowing() {
        Sequential trained = NETWORK.copy();
        reporter.onTrainingBegin(plan(1, 10, trained));
        for (int batch = 1; batch <= 10; batch++) {
            now.addAndGet(200_000_000L);
            reporter.onBatchEnd(batch(1, batch, 10, 1, 0.5, now.get()));
        }
        reporter.onEpochEnd(new TrainingListener.EpochEvent(1, 1, 0.1, 0.9, 0.2, 0.85, 1));
        ui.drain();
        assertThat(updates.stream().filter(u -> u.liveNetwork() != null).toList())
                .singleElement().satisfies(u -> assertThat(u.liveNetwork()).isSameAs(u.epochNetwork()));
    }
}
