package org.inkling.app.training;

import org.inkling.app.model.Classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.inkling.nn.TrainingListener;
import org.inkling.nn.TrainingResult;
import org.inkling.training.EpochMetrics;

/**
 * Gathers training events on the training thread and hands them to the UI at a bounded rate
 * (about ten times a second, never per batch), always at the end of an epoch and of training.
 * Each hand-over carries a snapshot of the network ({@link NetworkSnapshots}), taken here between
 * batches where it is safe, so the live prediction follows training without the FX thread ever
 * touching the network being trained. The curves plot each batch's own loss, smoothed.
 *
 * <p>Views that look inside the network (the Inside tab, the why tint) read it on their own
 * threads for as long as they like, so they get copies that nobody writes again: one at each
 * epoch's end, and, while they ask for it, one at every hand-over (a copy of the shipped CNN is
 * about 0.9 MB and a millisecond or two; nobody pays it when no such view is showing).
 */
public final class RateLimitedReporter implements TrainingListener {
    public static final long DEFAULT_INTERVAL_NANOS = 100_000_000L;

    /** Weight of the past in the exponential moving average of the per-batch curves. */
    private static final double SMOOTHING = 0.95;

    private final Executor ui;
    private final Consumer<TrainingUpdate> sink;
    private final LongSupplier clock;
    private final long intervalNanos;

    private NetworkSnapshots snapshots;
    private BooleanSupplier liveCopiesWanted = () -> false;
    private org.inkling.nn.Sequential trained;
    private final List<ChartPoint> trainLoss = new ArrayList<>();
    private final List<ChartPoint> trainAccuracy = new ArrayList<>();
    private final List<ChartPoint> valLoss = new ArrayList<>();
    private final List<ChartPoint> valAccuracy = new ArrayList<>();
    private final List<EpochMetrics> epochEnds = new ArrayList<>();
    private double emaLoss;
    private double emaAccuracy;
    private long batchesSeen;
    private int epoch;
    private int epochs;
    private int batch;
    private int batchesPerEpoch;
    private long elapsedNanos;
    private long lastFlush;
    private boolean ended;

    public RateLimitedReporter(Executor ui, Consumer<TrainingUpdate> sink, LongSupplier clock, long intervalNanos) {
        this.ui = Objects.requireNonNull(ui);
        this.sink = Objects.requireNonNull(sink);
        this.clock = Objects.requireNonNull(clock);
        this.intervalNanos = intervalNanos;
    }

    /** Asked on the training thread at each hand-over: should it carry a copy for the views that look inside? */
    public void setLiveCopiesWanted(BooleanSupplier wanted) {
        this.liveCopiesWanted = Objects.requireNonNull(wanted);
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) {
        this.epochs = plan.epochs();
        this.batchesPerEpoch = plan.batchesPerEpoch();
        this.snapshots = plan.network() == null ? null : new NetworkSnapshots(plan.network());
        this.trained = plan.network();
        flush(false, null, null);
    }

    @Override
    public void onBatchEnd(BatchEvent e) {
        batch(e.epoch(), e.batch(), e.batchesPerEpoch(), e.batchLoss(), e.batchAccuracy(), e.elapsedNanos());
    }

    private void batch(int epoch, int batch, int batchesPerEpoch, double loss, double accuracy, long elapsedNanos) {
        this.epoch = epoch;
        this.batch = batch;
        this.batchesPerEpoch = batchesPerEpoch;
        this.elapsedNanos = elapsedNanos;
        batchesSeen++;
        emaLoss = SMOOTHING * emaLoss + (1 - SMOOTHING) * loss;
        emaAccuracy = SMOOTHING * emaAccuracy + (1 - SMOOTHING) * accuracy;
        // Debiased like Adam's moments, so the curve does not start near zero.
        double correction = 1 - Math.pow(SMOOTHING, batchesSeen);
        double x = (epoch - 1) + (double) batch / batchesPerEpoch;
        if (Double.isFinite(loss)) {
            trainLoss.add(new ChartPoint(x, emaLoss / correction));
        }
        trainAccuracy.add(new ChartPoint(x, emaAccuracy / correction));
        if (clock.getAsLong() - lastFlush >= intervalNanos) {
            flush(true, null, liveCopy());
        }
    }

    @Override
    public void onEpochEnd(EpochEvent e) {
        this.epochs = e.epochs();
        if (Double.isFinite(e.valLoss())) {
            this.valLoss.add(new ChartPoint(e.epoch(), e.valLoss()));
        }
        if (Double.isFinite(e.valAccuracy())) {
            this.valAccuracy.add(new ChartPoint(e.epoch(), e.valAccuracy()));
        }
        epochEnds.add(new EpochMetrics(e.epoch(), batchesSeen, e.loss(), e.accuracy(), e.valLoss(), e.valAccuracy()));
        // A fresh copy once per epoch (a few ms, 1.6 MB for 784-512-10): the views that evaluate it
        // on their own threads then need no lock and no care about the copies reused above.
        org.inkling.nn.Sequential copy = trained == null ? null : trained.copy();
        flush(true, copy, copy);
    }

    @Override
    public void onTrainingEnd(TrainingResult result) {
        end();
    }

    /** The last hand-over; later calls do nothing (a run that failed before training still calls it). */
    public void end() {
        if (!ended) {
            ended = true;
            flush(true, null, null);
        }
    }

    /** Hands over what was gathered now (training is about to hold); training thread. */
    public void flushNow() {
        if (!ended) {
            flush(true, null, liveCopy());
        }
    }

    private org.inkling.nn.Sequential liveCopy() {
        return trained != null && liveCopiesWanted.getAsBoolean() ? trained.copy() : null;
    }

    private void flush(boolean withSnapshot, org.inkling.nn.Sequential epochNetwork, org.inkling.nn.Sequential liveNetwork) {
        lastFlush = clock.getAsLong();
        Classifier snapshot = withSnapshot && snapshots != null ? snapshots.take() : null;
        TrainingUpdate update = new TrainingUpdate(trainLoss, trainAccuracy, valLoss, valAccuracy,
                epoch, epochs, batch, batchesPerEpoch, elapsedNanos, snapshot, epochNetwork, liveNetwork, epochEnds);
        trainLoss.clear();
        trainAccuracy.clear();
        valLoss.clear();
        valAccuracy.clear();
        epochEnds.clear();
        ui.execute(() -> sink.accept(update));
    }
}
