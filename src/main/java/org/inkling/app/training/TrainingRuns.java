package org.inkling.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inkling.training.EpochMetrics;
import org.inkling.training.RunRecord;
import org.inkling.training.TrainingRecipe;

/**
 * The training runs since the app started, for the charts to overlay: each keeps its settings and
 * its curves ({@link RunRecord}, decimated), and whether it is shown. The current run is the one
 * training or last trained; it is always shown and drawn on top. At most {@link #MAX_RUNS} runs are
 * kept, the oldest dropped first. UI thread only.
 */
public final class TrainingRuns {
    public static final int MAX_RUNS = 8;

    /** One run in the list. */
    public static final class Run {
        private final RunRecord record;
        private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
        private final ReadOnlyBooleanWrapper current = new ReadOnlyBooleanWrapper(this, "current", true);
        private final javafx.beans.property.ReadOnlyStringWrapper name =
                new javafx.beans.property.ReadOnlyStringWrapper(this, "name");

        private Run(RunRecord record) {
            this.record = record;
            name.set(nameOf(record));
        }

        public RunRecord record() { return record; }
        public int number() { return record.number(); }
        /** "#2 cnn adam lr 0.001 · 5 ep", with "(stopped)" or "(failed)" once it ended so. */
        public String name() { return name.get(); }
        public javafx.beans.property.ReadOnlyStringProperty nameProperty() { return name.getReadOnlyProperty(); }

        private static String nameOf(RunRecord record) {
            String end = switch (record.status()) {
                case STOPPED -> " (stopped)";
                case FAILED -> " (failed)";
                default -> "";
            };
            return "#" + record.number() + " " + record.label() + end;
        }
        /** Whether the charts draw it; the current run is always drawn. */
        public BooleanProperty shownProperty() { return shown; }
        public boolean isShown() { return shown.get() || current.get(); }
        public ReadOnlyBooleanProperty currentProperty() { return current.getReadOnlyProperty(); }
    }

    private final ObservableList<Run> runs = FXCollections.observableArrayList(
            run -> new Observable[] {run.shown, run.current});
    private final ObservableList<Run> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyObjectWrapper<Run> current = new ReadOnlyObjectWrapper<>(this, "current");
    private int nextNumber = 1;

    /** A new run becomes the current one; the one before stays in the list, shown as it was. */
    public Run start(TrainingRecipe recipe) {
        Run previous = current.get();
        if (previous != null) {
            previous.current.set(false);
        }
        Run run = new Run(new RunRecord(nextNumber++, Objects.requireNonNull(recipe)));
        runs.add(run);
        while (runs.size() > MAX_RUNS) {
            runs.removeFirst();
        }
        current.set(run);
        return run;
    }

    /** Adds what the training thread reported to the current run. */
    void record(TrainingUpdate update) {
        Run run = current.get();
        if (run == null) {
            return;
        }
        List<ChartPoint> loss = update.trainLoss();
        List<ChartPoint> accuracy = update.trainAccuracy();
        // The reporter adds an accuracy point per batch and a loss point for each finite loss.
        int li = 0;
        for (ChartPoint a : accuracy) {
            long step = Math.round(a.x() * update.batchesPerEpoch());
            double l = li < loss.size() && loss.get(li).x() == a.x() ? loss.get(li++).y() : Double.NaN;
            run.record.addBatch(step, a.x(), l, a.y());
        }
        for (EpochMetrics e : update.epochEnds()) {
            run.record.addEpoch(e);
        }
    }

    /** The current run ended; it stays current (and on the charts) until the next one starts. */
    void finish(RunRecord.Status how) {
        Run run = current.get();
        if (run != null && run.record.status() == RunRecord.Status.RUNNING) {
            run.record.finish(how);
            run.name.set(Run.nameOf(run.record));
        }
    }

    /** Another model was loaded: no run is current, and every run is hidden until chosen again. */
    void leaveCurrent() {
        Run run = current.get();
        if (run != null) {
            run.current.set(false);
            current.set(null);
        }
        runs.forEach(r -> r.shown.set(false));
    }

    /** Frozen copies of the runs the charts show, oldest first, for an export on another thread. */
    public List<RunRecord> shownRecords() {
        List<RunRecord> out = new ArrayList<>();
        for (Run run : runs) {
            if (run.isShown()) {
                out.add(run.record.copy());
            }
        }
        return out;
    }

    /** Oldest first; each element reports changes to whether it is shown or current. */
    public ObservableList<Run> runs() { return runsView; }
    public ReadOnlyObjectProperty<Run> currentProperty() { return current.getReadOnlyProperty(); }
}
