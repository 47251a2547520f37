package org.inkling.training;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs' curves as one tidy CSV table, a row per value, for a spreadsheet, pandas or R:
 *
 * <pre>
 * run,label,epoch,step,metric,value
 * 1,"512 rmsprop lr 0.001 · 5 ep",0.0021,1,batch_loss_smoothed,2.2871
 * ...
 * 1,"512 rmsprop lr 0.001 · 5 ep",1,469,train_loss,0.2614
 * </pre>
 *
 * {@code run} is the run's number in the session and {@code label} its settings. Rows with metric
 * {@code batch_loss_smoothed} and {@code batch_accuracy_smoothed} are the charts' per-batch curves
 * (the running mean the charts draw, at most {@link RunRecord#MAX_POINTS} per run, {@code epoch}
 * fractional); {@code train_loss}, {@code train_accuracy}, {@code validation_loss} and
 * {@code validation_accuracy} are each epoch's results ({@code epoch} a whole number, the validation
 * rows absent when the run had no validation data). {@code step} counts batches since the run
 * began. Numbers are written so that they read back to the same double; UTF-8, LF line ends.
 */
public final class RunCsv {
    public static final String HEADER = "run,label,epoch,step,metric,value";

    private RunCsv() {}

    /** Writes the table for {@code runs}, in their order; does not close {@code out}. */
    public static void write(List<RunRecord> runs, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(HEADER);
        w.write('\n');
        for (RunRecord run : runs) {
            String prefix = run.number() + "," + quoted(run.label()) + ",";
            for (CurvePoint p : run.trainLoss()) {
                row(w, prefix, p.epoch(), p.step(), "batch_loss_smoothed", p.value());
            }
            for (CurvePoint p : run.trainAccuracy()) {
                row(w, prefix, p.epoch(), p.step(), "batch_accuracy_smoothed", p.value());
            }
            for (EpochMetrics e : run.epochs()) {
                row(w, prefix, e.epoch(), e.step(), "train_loss", e.trainLoss());
                row(w, prefix, e.epoch(), e.step(), "train_accuracy", e.trainAccuracy());
                row(w, prefix, e.epoch(), e.step(), "validation_loss", e.validationLoss());
                row(w, prefix, e.epoch(), e.step(), "validation_accuracy", e.validationAccuracy());
            }
        }
        w.flush();
    }

    private static void row(Writer w, String prefix, double epoch, long step, String metric, double value)
            throws IOException {
        if (!Double.isFinite(value)) {
            return;
        }
        w.write(prefix);
        w.write(epoch == Math.rint(epoch) ? Long.toString((long) epoch) : Double.toString(epoch));
        w.write(',');
        w.write(Long.toString(step));
        w.write(',');
        w.write(metric);
        w.write(',');
        w.write(Double.toString(value));
        w.write('\n');
    }

    /** RFC 4180: in quotes, a quote doubled. */
    static String quoted(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
