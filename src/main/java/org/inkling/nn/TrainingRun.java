package org.inkling.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.FMatrixRMaj;
import org.inkling.nn.kernel.Parallel;
import org.inkling.nn.TrainingListener.BatchEvent;
import org.inkling.nn.TrainingListener.EpochEvent;
import org.inkling.nn.TrainingListener.TrainingPlan;
import org.inkling.nn.TrainingResult.Status;

/** One call of {@link Trainer#fit}: its buffers, its shuffle order and its last good weights. */
final class TrainingRun {
    /**
     * How often (in batches) the weights that just gave a finite loss are copied aside. A copy every
     * batch would cost a few percent of an epoch; every 16 batches costs a fraction of that and
     * loses at most 16 batches of progress when training diverges.
     */
    private static final int BACKUP_EVERY = 16;
    /** Batches of fewer rows are copied on one thread. */
    private static final int GATHER_PARALLEL_MIN = 32;

    private final Sequential model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final Examples train;
    private final Examples validation;
    private final TrainConfig config;
    private final TrainingListener listener;
    private final TrainingControl control;
    private final boolean fused;

    private final FMatrixRMaj x;
    private final FMatrixRMaj grad;
    private final int[] labels;
    private final int[] order;
    private final float[][] backup;
    private final Evaluator evaluator = new Evaluator();
    private String backupWhen = "the initial weights";
    private final int in;
    /** Where in {@link #order} the batch being gathered starts; read by {@link #copyRows} on both threads. */
    private int gatherFirst;
    private final Parallel.Range copyRows = this::copyRows;

    TrainingRun(Sequential model, Optimizer optimizer, Loss loss, Examples data, TrainConfig config,
                TrainingListener listener, TrainingControl control) {
        if (data.inputSize() != model.inputSize()) {
            throw new IllegalArgumentException("examples have " + data.inputSize() + " inputs, the model takes " + model.inputSize());
        }
        if (config.validationSplit() > 0) {
            int splitAt = (int) Math.floor(data.size() * (1.0 - config.validationSplit()));
            if (splitAt == 0) throw new IllegalArgumentException("validation split " + config.validationSplit() + " leaves no training examples");
            this.train = ExampleRange.of(data, 0, splitAt);
            this.validation = ExampleRange.of(data, splitAt, data.size());
        } else {
            this.train = data;
            this.validation = config.validationData();
        }
        if (train.size() == 0) throw new IllegalArgumentException("no training examples");
        if (validation != null && validation.inputSize() != model.inputSize()) {
            throw new IllegalArgumentException("validation examples have " + validation.inputSize() + " inputs, the model takes " + model.inputSize());
        }
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.config = config;
        this.listener = listener;
        this.control = control;
        this.fused = loss.fusesWithSoftmax() && model.endsWithSoftmax();
        int b = Math.min(config.batchSize(), train.size());
        this.in = model.inputSize();
        this.x = new FMatrixRMaj(b, in);
        this.grad = new FMatrixRMaj(b, model.outputSize());
        this.labels = new int[b];
        this.order = new int[train.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        this.backup = new float[model.params().size()][];
        for (int i = 0; i < backup.length; i++) backup[i] = model.params().get(i).value().data.clone();
    }

    TrainingResult run() {
        long start = System.nanoTime();
        int batchSize = x.numRows;
        int batches = (train.size() + batchSize - 1) / batchSize;
        listener.onTrainingBegin(new TrainingPlan(config.epochs(), config.batchSize(), train.size(),
                validation == null ? 0 : validation.size(), batches, model.parameterCount(), model));
        optimizer.init(model.params());
        LearningRateSchedule schedule = config.schedule();
        double initialRate = optimizer.initialLearningRate();
        long totalSteps = (long) config.epochs() * batches, step = 0;
        SplittableRandom shuffleRng = new SplittableRandom(config.seed());
        SplittableRandom augmentRng = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        List<EpochEvent> history = new ArrayList<>();
        TrainingResult result = null;

        epochs:
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long epochStart = System.nanoTime();
            shuffle(shuffleRng);
            double lossSum = 0;
            long correct = 0, seen = 0;
            for (int b = 0; b < batches; b++) {
                control.awaitIfPaused();
                if (control.isCancelled()) {
                    result = end(Status.CANCELLED, "cancelled during epoch " + epoch + " after " + b + " of " + batches + " batches", history, start);
                    break epochs;
                }
                int rows = Math.min(batchSize, train.size() - b * batchSize);
                gather(b * batchSize, rows, augmentRng);
                FMatrixRMaj out = model.forward(x, true);
                grad.reshape(rows, out.numCols);
                double l = loss.lossAndGradient(out, labels, grad, fused);
                if (!Double.isFinite(l)) {
                    restoreBackup();
                    result = end(Status.DIVERGED, "training diverged: the loss became " + l + " at epoch " + epoch
                            + ", batch " + (b + 1) + "; the weights were restored to " + backupWhen
                            + " (try a smaller learning rate)", history, start);
                    break epochs;
                }
                if (b % BACKUP_EVERY == 0) saveBackup("those before epoch " + epoch + ", batch " + (b + 1));
                int hits = Metrics.correct(out, labels);
                model.backward(grad, fused);
                optimizer.setLearningRate(schedule.rate(initialRate, step++, totalSteps));
                optimizer.step();
                lossSum += l * rows;
                correct += hits;
                seen += rows;
                listener.onBatchEnd(new BatchEvent(epoch, b + 1, batches, l, hits / (double) rows,
                        lossSum / seen, correct / (double) seen, System.nanoTime() - epochStart));
            }
            if (!weightsFinite()) {
                restoreBackup();
                result = end(Status.DIVERGED, "training diverged: the weights became infinite or NaN in epoch " + epoch
                        + "; they were restored to " + backupWhen + " (try a smaller learning rate)", history, start);
                break;
            }
            double valLoss = Double.NaN, valAcc = Double.NaN;
            if (validation != null && validation.size() > 0) {
                Evaluation ev = evaluator.run(model, validation, loss);
                valLoss = ev.loss();
                valAcc = ev.accuracy();
            }
            EpochEvent e = new EpochEvent(epoch, config.epochs(), lossSum / seen, correct / (double) seen,
                    valLoss, valAcc, (System.nanoTime() - epochStart) / 1e9);
            history.add(e);
            listener.onEpochEnd(e);
        }
        if (result == null) {
            result = end(Status.COMPLETED, "completed " + config.epochs() + " epochs", history, start);
        }
        listener.onTrainingEnd(result);
        return result;
    }

    /** Fisher–Yates over the whole order, continuing the run's generator, so epochs differ. */
    private void shuffle(SplittableRandom rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private void gather(int first, int rows, SplittableRandom augmentRng) {
        x.reshape(rows, in);
        gatherFirst = first;
        // Shuffled images are scattered over the whole data set, so copying them waits on memory;
        // two threads wait in parallel. Each row is written by one thread only: same bits.
        Parallel.forRange(rows, GATHER_PARALLEL_MIN, 1, copyRows);
        if (config.augmenter() != null) config.augmenter().augment(x.data, rows, in, augmentRng);
    }

    private void copyRows(int from, int to) {
        train.copyInputs(order, gatherFirst + from, gatherFirst + to, x.data, from * in);
        for (int r = from; r < to; r++) {
            labels[r] = train.label(order[gatherFirst + r]);
        }
    }

    private void saveBackup(String when) {
        List<Param> ps = model.params();
        for (int i = 0; i < backup.length; i++) System.arraycopy(ps.get(i).value().data, 0, backup[i], 0, backup[i].length);
        backupWhen = when;
    }

    private void restoreBackup() {
        List<Param> ps = model.params();
        for (int i = 0; i < backup.length; i++) System.arraycopy(backup[i], 0, ps.get(i).value().data, 0, backup[i].length);
    }

    private boolean weightsFinite() {
        for (Param p : model.params()) {
            float[] d = p.value().data;
            for (int i = 0, n = p.size(); i < n; i++) {
                if (!Float.isFinite(d[i])) return false;
            }
        }
        return true;
    }

    private static TrainingResult end(Status s, String message, List<EpochEvent> history, long start) {
        return new TrainingResult(s, message, history.size(), history, (System.nanoTime() - start) / 1e9);
    }
}
