package org.inkling.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One training run as a person compares it with others: its recipe, a name made of the settings
 * that tell runs apart ("cnn adam lr 0.001 · 5 ep"), its per-epoch metrics and the smoothed
 * per-batch loss and accuracy curves, each decimated to at most {@link #MAX_POINTS} points so that
 * a long run costs as much memory as a short one.
 *
 * <p>Not thread-safe: one thread (the app's UI thread) adds to it; {@link #copy} hands a frozen
 * copy to another thread (an export).
 */
public final class RunRecord {
    /** Per-batch points kept per curve: more than a chart is pixels wide, 48 KB a curve. */
    public static final int MAX_POINTS = 2048;

    /** How a run ended; RUNNING until it does. */
    public enum Status { RUNNING, COMPLETED, STOPPED, FAILED }

    private final int number;
    private final TrainingRecipe recipe;
    private final String label;
    private final DecimatedCurve trainLoss;
    private final DecimatedCurve trainAccuracy;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private Status status = Status.RUNNING;

    public RunRecord(int number, TrainingRecipe recipe) {
        this(number, recipe, MAX_POINTS);
    }

    RunRecord(int number, TrainingRecipe recipe, int maxPoints) {
        this.number = number;
        this.recipe = Objects.requireNonNull(recipe);
        this.label = labelOf(recipe);
        this.trainLoss = new DecimatedCurve(maxPoints);
        this.trainAccuracy = new DecimatedCurve(maxPoints);
    }

    /**
     * The settings that usually differ between two runs, short enough for a chip beside a chart:
     * architecture, optimiser, learning rate, epochs, and batch size, schedule, augmentation,
     * drawn digits, validation split, subset and seed where they are not the defaults.
     */
    public static String labelOf(TrainingRecipe r) {
        StringBuilder s = new StringBuilder();
        s.append(r.architecture().isBlank() ? "softmax" : r.architecture().replace(" ", ""));
        if (r.activation() != org.inkling.nn.Activation.RELU && !r.architecture().isBlank()) {
            s.append(' ').append(r.activation().kerasName());
        }
        s.append(' ').append(r.optimizer());
        s.append(" lr ").append(r.learningRate() == null ? "default" : plain(r.learningRate()));
        if (r.batchSize() != 128) s.append(" batch ").append(r.batchSize());
        if (r.schedule() != org.inkling.nn.LearningRateSchedule.constant()) s.append(' ').append(r.schedule());
        if (!r.augmentation().isIdentity()) s.append(" aug");
        if (r.syntheticPerClass() > 0) s.append(" +").append(r.syntheticPerClass()).append(" drawn");
        if (r.nonDigits() > 0) s.append(" +").append(r.nonDigits()).append(" non-digits");
        if (r.validationSplit() > 0) s.append(" val ").append(plain(r.validationSplit()));
        if (r.limit() != null) s.append(" on ").append(r.limit());
        if (r.seed() != 1) s.append(" seed ").append(r.seed());
        s.append(" · ").append(r.epochs()).append(" ep");
        return s.toString();
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros()
                .toPlainString().toLowerCase(Locale.ROOT);
    }

    /** Adds a per-batch point; a non-finite loss (a diverging batch) is left out of the loss curve. */
    public void addBatch(long step, double epoch, double smoothedLoss, double smoothedAccuracy) {
        if (Double.isFinite(smoothedLoss)) {
            trainLoss.add(new CurvePoint(step, epoch, smoothedLoss));
        }
        if (Double.isFinite(smoothedAccuracy)) {
            trainAccuracy.add(new CurvePoint(step, epoch, smoothedAccuracy));
        }
    }

    public void addEpoch(EpochMetrics metrics) {
        epochs.add(Objects.requireNonNull(metrics));
    }

    public void finish(Status how) {
        if (how == Status.RUNNING) {
            throw new IllegalArgumentException("a run finishes as completed, stopped or failed");
        }
        status = how;
    }

    /** An independent copy, for reading on another thread. */
    public RunRecord copy() {
        RunRecord c = new RunRecord(number, recipe, 2 * MAX_POINTS);
        trainLoss.points().forEach(c.trainLoss::add);
        trainAccuracy.points().forEach(c.trainAccuracy::add);
        c.epochs.addAll(epochs);
        c.status = status;
        return c;
    }

    /** 1 for the first run since the app started, then 2, 3 ... (kept when older runs are dropped). */
    public int number() { return number; }
    public TrainingRecipe recipe() { return recipe; }
    public String label() { return label; }
    public Status status() { return status; }
    public List<CurvePoint> trainLoss() { return trainLoss.points(); }
    public List<CurvePoint> trainAccuracy() { return trainAccuracy.points(); }
    public List<EpochMetrics> epochs() { return List.copyOf(epochs); }
}
