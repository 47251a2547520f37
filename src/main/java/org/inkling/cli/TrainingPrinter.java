package org.inkling.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.inkling.nn.TrainingListener;

/**
 * Reports training as Keras does: an "Epoch 1/5" header, a live bar per epoch, a closing line with
 * the epoch's metrics; or, with {@code --json}, one object per epoch.
 */
final class TrainingPrinter implements TrainingListener {
    private final PrintStream out;
    private final JsonLines json;
    private ProgressBar bar;
    private int batchesPerEpoch;
    private int epochs;

    TrainingPrinter(PrintStream out, boolean jsonOutput) {
        this.out = out;
        this.json = jsonOutput ? new JsonLines(out) : null;
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) {
        batchesPerEpoch = plan.batchesPerEpoch();
        epochs = plan.epochs();
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "begin");
            m.put("epochs", plan.epochs());
            m.put("batch_size", plan.batchSize());
            m.put("train_size", plan.trainSize());
            m.put("validation_size", plan.validationSize());
            m.put("batches_per_epoch", plan.batchesPerEpoch());
            m.put("parameters", plan.parameterCount());
            json.emit(m);
        } else {
            out.printf(Locale.ROOT, "Training on %,d examples, validating on %,d; %,d parameters%n",
                    plan.trainSize(), plan.validationSize(), plan.parameterCount());
        }
    }

    @Override
    public void onBatchEnd(BatchEvent e) {
        if (json != null) return;
        if (e.batch() == 1) {
            out.printf("Epoch %d/%d%n", e.epoch(), epochs);
            bar = ProgressBar.forStdout();
        }
        bar.update(e.batch(), e.batchesPerEpoch(), e.elapsedNanos() / 1e9,
                String.format(Locale.ROOT, "loss: %.4f - accuracy: %.4f", e.loss(), e.accuracy()));
    }

    @Override
    public void onEpochEnd(EpochEvent e) {
        if (json != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", "epoch");
            m.put("epoch", e.epoch());
            m.put("epochs", e.epochs());
            m.put("loss", e.loss());
            m.put("accuracy", e.accuracy());
            m.put("val_loss", e.valLoss());
            m.put("val_accuracy", e.valAccuracy());
            m.put("seconds", e.seconds());
            json.emit(m);
            return;
        }
        String metrics = String.format(Locale.ROOT, "loss: %.4f - accuracy: %.4f", e.loss(), e.accuracy());
        if (!Double.isNaN(e.valLoss())) {
            metrics += String.format(Locale.ROOT, " - val_loss: %.4f - val_accuracy: %.4f", e.valLoss(), e.valAccuracy());
        }
        if (bar == null) bar = ProgressBar.forStdout();
        bar.finish(batchesPerEpoch, e.seconds(), metrics);
        bar = null;
    }
}
