package org.inkling.app.training;

import org.inkling.app.shared.MnistSource;

import org.inkling.app.model.Classifier;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.BackgroundTask;
import org.inkling.app.shared.DialogService;
import org.inkling.app.shared.TaskExecutor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.inkling.data.AugmentationConfig;
import org.inkling.nn.Activation;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.training.TrainingRecipe;

/**
 * The training panel: the recipe fields with their checks, Train/Pause/Resume/Stop, progress and
 * the curves. Training runs through a {@link TaskExecutor}; events come back through a
 * {@link RateLimitedReporter}, so this class only ever changes on the UI thread.
 */
public final class TrainingViewModel {
    public static final List<String> ACTIVATIONS = List.of("relu", "tanh", "sigmoid");
    public static final List<String> OPTIMIZERS = List.of("rmsprop", "adam", "sgd");
    /** Keras' default learning rates, used when the field still holds another optimiser's default. */
    static final Map<String, String> DEFAULT_RATES = Map.of("rmsprop", "0.001", "adam", "0.001", "sgd", "0.01");

    private final TrainingRunner runner;
    private final MnistSource mnist;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final Executor ui;
    private final LongSupplier clock;

    // The textbook network (Chollet, Deep Learning with Python, ch. 2): 512 relu units, RMSprop, batch 128.
    private final StringProperty architecture = new SimpleStringProperty(this, "architecture", "512");
    private final ObjectProperty<String> activation = new SimpleObjectProperty<>(this, "activation", "relu");
    private final ObjectProperty<String> optimizer = new SimpleObjectProperty<>(this, "optimizer", "rmsprop");
    private final StringProperty learningRate = new SimpleStringProperty(this, "learningRate", "0.001");
    private final StringProperty batchSize = new SimpleStringProperty(this, "batchSize", "128");
    private final StringProperty epochs = new SimpleStringProperty(this, "epochs", "5");
    private final StringProperty validationSplit = new SimpleStringProperty(this, "validationSplit", "0.1");
    /** Train on the first N images only (0 = all); not in the form, used by tests and demos. */
    private final IntegerProperty subsetSize = new SimpleIntegerProperty(this, "subsetSize", 0);
    /** Seed of the weights, the shuffle and the augmentation: the same settings train the same network. */
    private final ObjectProperty<Long> seed = new SimpleObjectProperty<>(this, "seed", 1L);
    private final ObjectProperty<Path> mnistFolder = new SimpleObjectProperty<>(this, "mnistFolder");

    private final ReadOnlyStringWrapper architectureError = new ReadOnlyStringWrapper(this, "architectureError");
    private final ReadOnlyStringWrapper learningRateError = new ReadOnlyStringWrapper(this, "learningRateError");
    private final ReadOnlyStringWrapper batchSizeError = new ReadOnlyStringWrapper(this, "batchSizeError");
    private final ReadOnlyStringWrapper epochsError = new ReadOnlyStringWrapper(this, "epochsError");
    private final ReadOnlyStringWrapper validationSplitError = new ReadOnlyStringWrapper(this, "validationSplitError");
    private final BooleanBinding valid;

    private final ReadOnlyObjectWrapper<TrainingState> state = new ReadOnlyObjectWrapper<>(this, "state", TrainingState.IDLE);
    private final BooleanBinding canTrain;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "Not trained in this session");
    private final ReadOnlyIntegerWrapper plannedEpochs = new ReadOnlyIntegerWrapper(this, "plannedEpochs", 0);

    private final ObservableList<ChartPoint> trainLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> trainLossView = FXCollections.unmodifiableObservableList(trainLoss);
    private final ObservableList<ChartPoint> trainAccuracy = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> trainAccuracyView = FXCollections.unmodifiableObservableList(trainAccuracy);
    private final ObservableList<ChartPoint> valLoss = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> valLossView = FXCollections.unmodifiableObservableList(valLoss);
    private final ObservableList<ChartPoint> valAccuracy = FXCollections.observableArrayList();
    private final ObservableList<ChartPoint> valAccuracyView = FXCollections.unmodifiableObservableList(valAccuracy);

    private Consumer<Classifier> onSnapshot = snapshot -> {};
    private Consumer<ModelHandle> onTrained = model -> {};
    private TrainingSwitch control;

    public TrainingViewModel(TrainingRunner runner, MnistSource mnist, DialogService dialogs, TaskExecutor tasks,
            Executor ui, LongSupplier clock) {
        this.runner = Objects.requireNonNull(runner);
        this.mnist = Objects.requireNonNull(mnist);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);

        check(architecture, architectureError, FieldCheck::architectureError);
        check(learningRate, learningRateError, FieldCheck::learningRateError);
        check(batchSize, batchSizeError, FieldCheck::batchSizeError);
        check(epochs, epochsError, FieldCheck::epochsError);
        check(validationSplit, validationSplitError, FieldCheck::validationSplitError);
        valid = Bindings.createBooleanBinding(
                () -> architectureError.get() == null && learningRateError.get() == null
                        && batchSizeError.get() == null && epochsError.get() == null
                        && validationSplitError.get() == null,
                architectureError, learningRateError, batchSizeError, epochsError, validationSplitError);
        canTrain = valid.and(state.isEqualTo(TrainingState.IDLE));
        optimizer.addListener((obs, old, now) -> {
            if (old != null && now != null && Objects.equals(learningRate.get(), DEFAULT_RATES.get(old))) {
                learningRate.set(DEFAULT_RATES.get(now));
            }
        });
    }

    private static void check(StringProperty field, ReadOnlyStringWrapper error, Function<String, String> rule) {
        error.set(rule.apply(field.get()));
        field.addListener((obs, old, now) -> error.set(rule.apply(now)));
    }

    /** Where training snapshots go (the drawing's classifier) and where the finished model goes. */
    public void setListeners(Consumer<Classifier> onSnapshot, Consumer<ModelHandle> onTrained) {
        this.onSnapshot = Objects.requireNonNull(onSnapshot);
        this.onTrained = Objects.requireNonNull(onTrained);
    }

    // ---- commands --------------------------------------------------------------------------

    /** Starts training, first asking for MNIST if it cannot be found. */
    public void train() {
        if (!canTrain.get()) {
            return;
        }
        Path folder = mnistFolder.get();
        if (folder == null) {
            Optional<Path> found = mnist.locate();
            if (found.isEmpty()) {
                dialogs.resolveMissingMnist(chosen -> {
                    mnistFolder.set(chosen);
                    train();
                });
                return;
            }
            folder = found.get();
            mnistFolder.set(folder);
        }
        start(request(folder));
    }

    public void pause() {
        if (state.get() == TrainingState.RUNNING) {
            control.pause();
            state.set(TrainingState.PAUSED);
            progressText.set(progressText.get().replaceFirst("( · paused)?$", " · paused"));
        }
    }

    public void resume() {
        if (state.get() == TrainingState.PAUSED) {
            control.resume();
            state.set(TrainingState.RUNNING);
        }
    }

    /** Ends training after the current batch; what was learnt so far is kept. */
    public void stop() {
        if (state.get() == TrainingState.RUNNING || state.get() == TrainingState.PAUSED) {
            control.stop();
            state.set(TrainingState.STOPPING);
            progressText.set("Stopping after this batch…");
        }
    }

    /** Whether the last run was stopped before its last epoch. */
    public boolean stoppedEarly() {
        return control != null && control.isStopped();
    }

    public boolean isTraining() {
        return state.get() != TrainingState.IDLE;
    }

    /** The form as a typed recipe; call only while {@link #validProperty()} holds. */
    TrainingRequest request(Path folder) {
        TrainingRecipe recipe = new TrainingRecipe(null, architecture.get(), Activation.parse(activation.get()),
                optimizer.get(), FieldCheck.parseDouble(learningRate.get()), 0, LearningRateSchedule.constant(),
                AugmentationConfig.NONE, 0, FieldCheck.parseInt(epochs.get()), FieldCheck.parseInt(batchSize.get()),
                seed.get(), FieldCheck.parseDouble(validationSplit.get()), subsetSize.get() > 0 ? subsetSize.get() : null);
        return new TrainingRequest(recipe, folder);
    }

    private void start(TrainingRequest settings) {
        TrainingSwitch run = new TrainingSwitch();
        control = run;
        trainLoss.clear();
        trainAccuracy.clear();
        valLoss.clear();
        valAccuracy.clear();
        plannedEpochs.set(settings.recipe().epochs());
        progress.set(0);
        progressText.set("Loading MNIST…");
        state.set(TrainingState.RUNNING);
        RateLimitedReporter reporter = new RateLimitedReporter(ui, update -> {
            if (control == run) {
                apply(update);
            }
        }, clock, RateLimitedReporter.DEFAULT_INTERVAL_NANOS);
        BackgroundTask.wrap(progressIgnored -> {
                    try {
                        return runner.train(settings, reporter, run);
                    } finally {
                        reporter.end();
                    }
                })
                .onSuccess(model -> finished(run, model))
                .onFailure(error -> failed(run, error))
                .executeWith(tasks);
    }

    private void apply(TrainingUpdate update) {
        trainLoss.addAll(update.trainLoss());
        trainAccuracy.addAll(update.trainAccuracy());
        valLoss.addAll(update.valLoss());
        valAccuracy.addAll(update.valAccuracy());
        if (update.snapshot() != null) {
            onSnapshot.accept(update.snapshot());
        }
        if (update.batchesTotal() <= 0 || state.get() == TrainingState.STOPPING) {
            return;
        }
        long done = update.batchesDone();
        progress.set((double) done / update.batchesTotal());
        StringBuilder text = new StringBuilder()
                .append("Epoch ").append(Math.max(1, update.epoch())).append('/').append(update.epochs())
                .append(" · batch ").append(update.batch()).append('/').append(update.batchesPerEpoch());
        if (done > 0) {
            long left = update.elapsedNanos() / done * (update.batchesTotal() - done);
            text.append(" · ").append(formatDuration(Duration.ofNanos(left))).append(" left");
        }
        if (state.get() == TrainingState.PAUSED) {
            text.append(" · paused");
        }
        progressText.set(text.toString());
    }

    private void finished(TrainingSwitch run, ModelHandle model) {
        if (control != run) {
            return;
        }
        boolean stopped = run.isStopped();
        state.set(TrainingState.IDLE);
        progress.set(stopped ? progress.get() : 1);
        String accuracy = model.testAccuracy().isPresent()
                ? String.format(" · test accuracy %.2f%%", 100 * model.testAccuracy().getAsDouble()) : "";
        progressText.set((stopped ? "Stopped early" : "Done") + accuracy);
        onTrained.accept(model);
    }

    private void failed(TrainingSwitch run, Throwable error) {
        if (control != run) {
            return;
        }
        state.set(TrainingState.IDLE);
        progress.set(0);
        progressText.set("Training failed");
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        dialogs.showError("Training failed", message
                + "\n\nCheck the MNIST folder and the training settings, then press Train again.");
    }

    static String formatDuration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds >= 3600
                ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    // ---- properties --------------------------------------------------------------------------

    public StringProperty architectureProperty() { return architecture; }
    public ObjectProperty<String> activationProperty() { return activation; }
    public ObjectProperty<String> optimizerProperty() { return optimizer; }
    public StringProperty learningRateProperty() { return learningRate; }
    public StringProperty batchSizeProperty() { return batchSize; }
    public StringProperty epochsProperty() { return epochs; }
    public StringProperty validationSplitProperty() { return validationSplit; }
    public IntegerProperty subsetSizeProperty() { return subsetSize; }
    public ObjectProperty<Long> seedProperty() { return seed; }
    public ObjectProperty<Path> mnistFolderProperty() { return mnistFolder; }

    /** Null when the field is valid, else what to type instead. */
    public ReadOnlyStringProperty architectureErrorProperty() { return architectureError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty learningRateErrorProperty() { return learningRateError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty batchSizeErrorProperty() { return batchSizeError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty epochsErrorProperty() { return epochsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty validationSplitErrorProperty() { return validationSplitError.getReadOnlyProperty(); }

    public BooleanBinding validProperty() { return valid; }
    public BooleanBinding canTrainProperty() { return canTrain; }
    public ReadOnlyObjectProperty<TrainingState> stateProperty() { return state.getReadOnlyProperty(); }
    /** 0..1. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    /** Epochs of the current (or last) run, so the curves' x axis can show the whole run; 0 before any. */
    public ReadOnlyIntegerProperty plannedEpochsProperty() { return plannedEpochs.getReadOnlyProperty(); }

    public ObservableList<ChartPoint> trainLoss() { return trainLossView; }
    public ObservableList<ChartPoint> trainAccuracy() { return trainAccuracyView; }
    public ObservableList<ChartPoint> valLoss() { return valLossView; }
    public ObservableList<ChartPoint> valAccuracy() { return valAccuracyView; }

    /** Asks a running job to stop, for closing the window; returns whether one was running. */
    public boolean stopForShutdown() {
        if (control != null && isTraining()) {
            stop();
            control.abandon();
            return true;
        }
        return false;
    }
}
