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
import java.util.function.Predicate;
import org.inkling.app.shared.ErrorText;
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
import org.inkling.nn.Architectures;
import org.inkling.nn.Activation;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.training.TrainingRecipe;
import org.inkling.app.model.EngineModel;
import org.inkling.base.AtomicFiles;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainingListener;
import org.inkling.training.RunCsv;
import org.inkling.training.RunRecord;

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
    private final org.inkling.nn.TrainingControl warmUpControl = new org.inkling.nn.TrainingControl();
    /** Whether a warm-up was started for a multilayer network, and for a convolutional one: once each per window. */
    private boolean denseWarmUpStarted;
    private boolean imageWarmUpStarted;
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
    private final StringProperty seed = new SimpleStringProperty(this, "seed", "1");
    /** {@code constant}, {@code cosine} or {@code cosine:ALPHA}, as {@code inkling train --lr-schedule}. */
    private final StringProperty schedule = new SimpleStringProperty(this, "schedule", "constant");
    /** {@code none}, {@code default} or a spec, as {@code inkling train --augment}. */
    private final StringProperty augmentation = new SimpleStringProperty(this, "augmentation", "none");
    private final StringProperty synthetic = new SimpleStringProperty(this, "synthetic", "0");
    private final StringProperty extras = new SimpleStringProperty(this, "extras", "");
    /** Not in the form: carried over from a model's recipe so "train like this model" trains it again. */
    private double weightDecay;
    private final ObjectProperty<Path> mnistFolder = new SimpleObjectProperty<>(this, "mnistFolder");

    private final ReadOnlyStringWrapper architectureError = new ReadOnlyStringWrapper(this, "architectureError");
    private final ReadOnlyStringWrapper learningRateError = new ReadOnlyStringWrapper(this, "learningRateError");
    private final ReadOnlyStringWrapper batchSizeError = new ReadOnlyStringWrapper(this, "batchSizeError");
    private final ReadOnlyStringWrapper epochsError = new ReadOnlyStringWrapper(this, "epochsError");
    private final ReadOnlyStringWrapper validationSplitError = new ReadOnlyStringWrapper(this, "validationSplitError");
    private final ReadOnlyStringWrapper seedError = new ReadOnlyStringWrapper(this, "seedError");
    private final ReadOnlyStringWrapper scheduleError = new ReadOnlyStringWrapper(this, "scheduleError");
    private final ReadOnlyStringWrapper augmentationError = new ReadOnlyStringWrapper(this, "augmentationError");
    private final ReadOnlyStringWrapper syntheticError = new ReadOnlyStringWrapper(this, "syntheticError");
    private final ReadOnlyStringWrapper extrasError = new ReadOnlyStringWrapper(this, "extrasError");
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
    private Predicate<ModelHandle> onKeep = model -> true;
    private Runnable onDiscard = () -> {};
    private java.util.function.ObjIntConsumer<org.inkling.nn.Sequential> onEpochNetwork = (network, epoch) -> {};
    private java.util.function.BiConsumer<org.inkling.nn.Sequential, TrainingUpdate> onLiveNetwork = (network, update) -> {};
    /** Whether a view that looks inside the network is showing; the training thread reads it. */
    private final javafx.beans.property.BooleanProperty liveCopiesWanted =
            new javafx.beans.property.SimpleBooleanProperty(this, "liveCopiesWanted", false);
    private volatile boolean liveCopiesWantedNow;
    private TrainingSwitch control;
    /** The recipe of the run in progress (or last run). */
    private TrainingRecipe runRecipe;

    private final TrainingRuns runs = new TrainingRuns();
    /** The loss axis on a log scale (a chart setting the view follows). */
    private final javafx.beans.property.BooleanProperty logLoss =
            new javafx.beans.property.SimpleBooleanProperty(this, "logLoss", false);
    /** What the last export or snapshot save did, for the status bar. */
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    /** While paused: the network as it stood when training held, as a model to save; else null. */
    private final ReadOnlyObjectWrapper<ModelHandle> pausedSnapshot = new ReadOnlyObjectWrapper<>(this, "pausedSnapshot");
    private final BooleanBinding canSavePaused;
    private Consumer<ModelHandle> snapshotSaver = model -> {};

    /** The model the window reads with (the shell sets it); the candidate is compared with it. */
    private final ObjectProperty<ModelHandle> activeModel = new SimpleObjectProperty<>(this, "activeModel");
    /** A model a run made that the person has neither kept nor discarded yet. */
    private final ReadOnlyObjectWrapper<ModelHandle> candidate = new ReadOnlyObjectWrapper<>(this, "candidate");
    private final ReadOnlyStringWrapper candidateText = new ReadOnlyStringWrapper(this, "candidateText", "");
    private final ReadOnlyStringWrapper activeText = new ReadOnlyStringWrapper(this, "activeText", "");
    private String candidateHistory = "";
    /** First batch seen and when, so the time estimate leaves out loading and warm-up. */
    private long firstDone = -1;
    private long firstElapsed;

    public TrainingViewModel(TrainingRunner runner, MnistSource mnist, DialogService dialogs, TaskExecutor tasks,
            Executor ui, LongSupplier clock) {
        this.runner = Objects.requireNonNull(runner);
        this.mnist = Objects.requireNonNull(mnist);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.tasks = Objects.requireNonNull(tasks);
        this.ui = Objects.requireNonNull(ui);
        this.clock = Objects.requireNonNull(clock);
        liveCopiesWanted.addListener((obs, old, now) -> liveCopiesWantedNow = now);

        check(architecture, architectureError, FieldCheck::architectureError);
        check(learningRate, learningRateError, FieldCheck::learningRateError);
        check(batchSize, batchSizeError, FieldCheck::batchSizeError);
        check(epochs, epochsError, FieldCheck::epochsError);
        check(validationSplit, validationSplitError, FieldCheck::validationSplitError);
        check(seed, seedError, FieldCheck::seedError);
        check(schedule, scheduleError, FieldCheck::scheduleError);
        check(augmentation, augmentationError, FieldCheck::augmentationError);
        check(synthetic, syntheticError, FieldCheck::syntheticError);
        check(extras, extrasError, TrainingExtras::error);
        valid = Bindings.createBooleanBinding(
                () -> architectureError.get() == null && learningRateError.get() == null
                        && batchSizeError.get() == null && epochsError.get() == null
                        && validationSplitError.get() == null && seedError.get() == null
                        && scheduleError.get() == null && augmentationError.get() == null
                        && syntheticError.get() == null && extrasError.get() == null,
                architectureError, learningRateError, batchSizeError, epochsError, validationSplitError, seedError,
                scheduleError, augmentationError, syntheticError, extrasError);
        canTrain = valid.and(state.isEqualTo(TrainingState.IDLE));
        canSavePaused = state.isEqualTo(TrainingState.PAUSED).and(pausedSnapshot.isNotNull());
        activeModel.addListener((obs, old, now) -> updateComparison());
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

    /**
     * Where copies of the network go while it trains, at the curves' rate, as long as
     * {@link #liveCopiesWantedProperty} is true (the views that look inside it); FX thread.
     */
    public void setLiveListener(java.util.function.BiConsumer<org.inkling.nn.Sequential, TrainingUpdate> onLiveNetwork) {
        this.onLiveNetwork = Objects.requireNonNull(onLiveNetwork);
    }

    /** True while a view that would show the network as it trains is visible; copies cost the training thread. */
    public javafx.beans.property.BooleanProperty liveCopiesWantedProperty() { return liveCopiesWanted; }

    /** Where each epoch's end sends a copy of the network (the views that look inside it); FX thread. */
    public void setEpochListener(java.util.function.ObjIntConsumer<org.inkling.nn.Sequential> onEpochNetwork) {
        this.onEpochNetwork = Objects.requireNonNull(onEpochNetwork);
    }

    /**
     * Where training snapshots go (the drawing's classifier) and who hears that a run ended; the
     * model it made waits as the {@link #candidateProperty() candidate} until kept or discarded.
     */
    public void setListeners(Consumer<Classifier> onSnapshot, Consumer<ModelHandle> onTrained) {
        this.onSnapshot = Objects.requireNonNull(onSnapshot);
        this.onTrained = Objects.requireNonNull(onTrained);
    }

    /**
     * What Keep does (the shell makes the candidate the active model, first asking about unsaved
     * work; false leaves the candidate waiting) and what Discard does after dropping it.
     */
    public void setDecisionHandlers(Predicate<ModelHandle> onKeep, Runnable onDiscard) {
        this.onKeep = Objects.requireNonNull(onKeep);
        this.onDiscard = Objects.requireNonNull(onDiscard);
    }

    /** Who saves a paused run's network (the shell: it asks where, and saves on a worker). */
    public void setSnapshotSaver(Consumer<ModelHandle> saver) {
        this.snapshotSaver = Objects.requireNonNull(saver);
    }

    // ---- the candidate: a new model beside the active one ------------------------------------

    /** Makes the new model the active one, if the shell agrees. */
    public void keepCandidate() {
        ModelHandle model = candidate.get();
        if (model != null && onKeep.test(model)) {
            setCandidate(null);
        }
    }

    /** Drops the new model; the active one stays, and the form and card describe it again. */
    public void discardCandidate() {
        if (candidate.get() != null) {
            setCandidate(null);
            describe(activeModel.get());
            onDiscard.run();
        }
    }

    /**
     * Asks before a new model nobody kept is dropped; true when there is none or the person
     * agrees (it is then discarded).
     */
    public boolean confirmDropCandidate(String doing) {
        ModelHandle model = candidate.get();
        if (model == null) {
            return true;
        }
        if (!dialogs.confirm("The new model has not been kept",
                doing + " drops the network the last run made (" + accuracyText(model)
                        + "). Keep it first with \"Keep new model\" if you want it.", "Drop it")) {
            return false;
        }
        setCandidate(null);
        return true;
    }

    private void setCandidate(ModelHandle model) {
        candidate.set(model);
        updateComparison();
    }

    private void updateComparison() {
        ModelHandle model = candidate.get();
        ModelHandle active = activeModel.get();
        candidateText.set(model == null ? "" : "New: " + model.architecture() + " · " + accuracyText(model)
                + candidateHistory);
        activeText.set(active == null ? "" : "Active: " + active.name() + " · " + accuracyText(active));
    }

    private static String accuracyText(ModelHandle model) {
        return model.testAccuracy().isPresent()
                ? String.format("test accuracy %.2f%%", 100 * model.testAccuracy().getAsDouble())
                : "test accuracy unknown";
    }

    /**
     * Shows {@code model} as the one loaded: the form takes its recipe when it records one, the
     * curves of another run go, and the card says what is loaded. Not while training.
     */
    public void describe(ModelHandle model) {
        if (model == null || isTraining()) {
            return;
        }
        trainLoss.clear();
        trainAccuracy.clear();
        valLoss.clear();
        valAccuracy.clear();
        runs.leaveCurrent();
        plannedEpochs.set(0);
        progress.set(0);
        if (hasInklingRecipe(model)) {
            try {
                fill(TrainingRecipe.fromMap(model.recipe()));
            } catch (RuntimeException e) {
                // A recipe this build cannot train (an older or foreign file): the form keeps its values.
            }
        }
        progressText.set(model.trained()
                ? "Loaded " + model.name() + " · " + accuracyText(model)
                : "Not trained yet: press Train");
    }

    /** Fills the form from the active model's recipe ("train like this model"); false if it has none. */
    public boolean fillFromActiveModel() {
        ModelHandle active = activeModel.get();
        if (active == null || !hasInklingRecipe(active) || isTraining()) {
            return false;
        }
        try {
            fill(TrainingRecipe.fromMap(active.recipe()));
            return true;
        } catch (RuntimeException e) {
            dialogs.showError("This model's recipe cannot be trained here",
                    ErrorText.describe(e) + "\n\nThe form keeps its values.");
            return false;
        }
    }

    /** Whether the model records how Inkling trained it (an imported Keras model does not). */
    private static boolean hasInklingRecipe(ModelHandle model) {
        return !model.recipe().isEmpty() && model.importedFrom().isEmpty();
    }

    /** Puts a recipe's values into the form fields. */
    public void fill(TrainingRecipe recipe) {
        architecture.set(recipe.architecture());
        activation.set(recipe.activation().kerasName());
        optimizer.set(recipe.optimizer());
        learningRate.set(recipe.learningRate() != null ? FieldCheck.plain(recipe.learningRate())
                : DEFAULT_RATES.getOrDefault(recipe.optimizer(), "0.001"));
        batchSize.set(Integer.toString(recipe.batchSize()));
        epochs.set(Integer.toString(recipe.epochs()));
        validationSplit.set(FieldCheck.plain(recipe.validationSplit()));
        seed.set(Long.toString(recipe.seed()));
        schedule.set(recipe.schedule().toString());
        augmentation.set(recipe.augmentation().isIdentity() ? "none"
                : recipe.augmentation().equals(AugmentationConfig.DEFAULT) ? "default"
                : recipe.augmentation().toCliString());
        synthetic.set(Integer.toString(recipe.syntheticPerClass()));
        extras.set(TrainingExtras.of(recipe).toText());
        weightDecay = recipe.weightDecay();
    }

    /** The form's text, field by field, for the preferences. */
    public Map<String, String> formValues() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        formFields().forEach((key, field) -> m.put(key, field.getValue()));
        return m;
    }

    /** Puts remembered text back into the fields it came from; unknown keys are ignored. */
    public void restoreForm(Map<String, String> values) {
        if (isTraining()) {
            return;
        }
        formFields().forEach((key, field) -> {
            String v = values.get(key);
            if (v != null && (!key.equals("activation") || ACTIVATIONS.contains(v))
                    && (!key.equals("optimizer") || OPTIMIZERS.contains(v))) {
                field.setValue(v);
            }
        });
    }

    private Map<String, javafx.beans.property.Property<String>> formFields() {
        Map<String, javafx.beans.property.Property<String>> m = new java.util.LinkedHashMap<>();
        m.put("architecture", architecture);
        m.put("activation", activation);
        m.put("optimizer", optimizer);
        m.put("learning_rate", learningRate);
        m.put("batch_size", batchSize);
        m.put("epochs", epochs);
        m.put("validation_split", validationSplit);
        m.put("lr_schedule", schedule);
        m.put("augmentation", augmentation);
        m.put("synthetic_per_class", synthetic);
        m.put("seed", seed);
        m.put("more_options", extras);
        return m;
    }

    /**
     * The person is setting up a run (opened the presets, went into the form, pointed at Train): while
     * nothing trains and the form is valid, the runner warms up on a worker for the network in the form
     * ({@link TrainingRunner#warmUp}), so that a first run's first epoch is not spent compiling: about
     * 3 s of a quick multilayer run's first 4 here, and of a convolutional one's first epoch the JIT's
     * share. Once per window for multilayer networks and once for convolutional ones, whose kernels
     * differ. Not at start-up, which would cost seconds of CPU to everyone who only draws. A run
     * starting, or the window going, cancels it.
     */
    public void warmUpForTraining() {
        if (isTraining() || !valid.get()) {
            return;
        }
        String spec = architecture.get();
        boolean images = Architectures.hasImageLayers(spec);
        if (images ? imageWarmUpStarted : denseWarmUpStarted) {
            return;
        }
        if (images) {
            imageWarmUpStarted = true;
        } else {
            denseWarmUpStarted = true;
        }
        BackgroundTask.wrap(() -> runner.warmUp(warmUpControl, spec)).onFailure(e -> { }).executeWith(tasks);
    }

    /** Fills the form with a preset. */
    public void applyPreset(TrainingPreset preset) {
        if (!isTraining()) {
            fill(preset.recipe());
        }
    }

    // ---- commands --------------------------------------------------------------------------

    /** Starts training, first asking for MNIST if it cannot be found. */
    public void train() {
        if (!canTrain.get() || !confirmDropCandidate("Training again")) {
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
            pausedSnapshot.set(null);
            control.resume();
            state.set(TrainingState.RUNNING);
        }
    }

    /** Saves the paused run's network as it stands (File > Save while paused); the run stays paused. */
    public void savePausedRun() {
        if (canSavePaused.get()) {
            snapshotSaver.accept(pausedSnapshot.get());
        }
    }

    /** Training thread held (paused) after {@code after}: {@code copy} is the network as it stands. */
    private void held(TrainingSwitch run, Sequential copy, TrainingListener.BatchEvent after) {
        if (control != run || state.get() != TrainingState.PAUSED) {
            return; // resumed or stopped before this arrived; a later hold hands over its own copy
        }
        pausedSnapshot.set(pausedModel(copy, after));
    }

    /**
     * The paused network as a model file records it: the run's recipe, and metrics that say it is
     * a snapshot taken part-way (where, and what the finished epochs scored), not evaluated.
     */
    private ModelHandle pausedModel(Sequential copy, TrainingListener.BatchEvent after) {
        TrainingRuns.Run run = runs.currentProperty().get();
        List<org.inkling.training.EpochMetrics> done = run == null ? List.of() : run.record().epochs();
        long batches = (long) (after.epoch() - 1) * after.batchesPerEpoch() + after.batch();
        Map<String, Object> metrics = new java.util.LinkedHashMap<>();
        metrics.put("status", "paused");
        metrics.put("epochs", done.size());
        metrics.put("batches", batches);
        Map<String, Object> at = new java.util.LinkedHashMap<>();
        at.put("epoch", after.epoch());
        at.put("batch", after.batch());
        at.put("batches_per_epoch", after.batchesPerEpoch());
        metrics.put("paused_at", at);
        if (!done.isEmpty()) {
            org.inkling.training.EpochMetrics last = done.getLast();
            putFinite(metrics, "train_loss", last.trainLoss());
            putFinite(metrics, "train_accuracy", last.trainAccuracy());
            putFinite(metrics, "validation_loss", last.validationLoss());
            putFinite(metrics, "validation_accuracy", last.validationAccuracy());
        }
        metrics.put("note", "snapshot of a paused training run: the weights after batch " + after.batch() + " of "
                + after.batchesPerEpoch() + " in epoch " + after.epoch() + " of " + runRecipe.epochs() + " ("
                + done.size() + " epochs finished); the run went on after this was taken; not scored on the test set");
        String name = "mnist-" + (runRecipe.architecture().isBlank() ? "softmax"
                : runRecipe.architecture().replaceAll("[,\\s]+", "-")) + "-paused-e" + after.epoch() + "b" + after.batch();
        // Its classes as the run trains them (an eleventh for "not a digit"), read with the plain rule: the
        // temperature is fitted only when a run ends.
        return new EngineModel(copy, name, runRecipe.toMap(null), metrics, true, runRecipe.classNames(),
                org.inkling.nn.VerdictRule.plain(runRecipe.classNames()));
    }

    private static void putFinite(Map<String, Object> m, String key, double v) {
        if (Double.isFinite(v)) {
            m.put(key, v);
        }
    }

    // ---- export ------------------------------------------------------------------------------

    /** Writes the shown runs' curves as a CSV table ({@link RunCsv}), where the person chooses. */
    public void exportCurves() {
        List<RunRecord> shown = runs.shownRecords();
        if (shown.isEmpty()) {
            notice.set("No curves to export: train a network, or tick a run beside the charts");
            return;
        }
        dialogs.chooseFileToSave("Export the curves", "inkling-runs.csv", "CSV table", "csv").ifPresent(file ->
                write(file, out -> RunCsv.write(shown, out),
                        "the curves of " + shown.size() + (shown.size() == 1 ? " run" : " runs")));
    }

    /**
     * Writes a chart picture where the person chooses; {@code png} was prepared on this thread
     * (a copy of the chart) and draws it on a worker.
     */
    public void exportChart(String what, String suggestedFileName, AtomicFiles.Writer png) {
        dialogs.chooseFileToSave("Save the " + what + " as a picture", suggestedFileName, "PNG picture", "png")
                .ifPresent(file -> write(file, png, "the " + what));
    }

    private void write(Path file, AtomicFiles.Writer content, String what) {
        notice.set("Exporting " + what + "…");
        BackgroundTask.wrap(() -> AtomicFiles.write(file, content))
                .onSuccess(ignored -> notice.set("Exported " + what + " to " + file))
                .onFailure(error -> {
                    notice.set("Could not export " + what);
                    dialogs.showError("Could not export " + what, ErrorText.describe(error)
                            + "\n\nNothing else changed. Choose another folder, or free some disk space, and export again.");
                })
                .executeWith(tasks);
    }

    /** Ends training after the current batch; what was learnt so far is kept. */
    public void stop() {
        if (state.get() == TrainingState.RUNNING || state.get() == TrainingState.PAUSED) {
            control.stop();
            pausedSnapshot.set(null);
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
    public TrainingRequest request(Path folder) {
        TrainingExtras more = TrainingExtras.parse(extras.get());
        TrainingRecipe recipe = new TrainingRecipe(null, architecture.get(), Activation.parse(activation.get()),
                optimizer.get(), FieldCheck.parseDouble(learningRate.get()), weightDecay,
                LearningRateSchedule.parse(schedule.get()), AugmentationConfig.parse(augmentation.get()),
                FieldCheck.parseInt(synthetic.get()), FieldCheck.parseInt(epochs.get()),
                FieldCheck.parseInt(batchSize.get()), FieldCheck.parseLong(seed.get()),
                FieldCheck.parseDouble(validationSplit.get()), subsetSize.get() > 0 ? subsetSize.get() : null,
                more.nonDigits(), more.calibrationHoldout(), more.fontCopies(), more.broadNibPerClass(), more.texturaShare());
        return new TrainingRequest(recipe, folder);
    }

    private void start(TrainingRequest settings) {
        warmUpControl.cancel(); // the run compiles what it needs itself; a warm-up beside it would only slow it
        TrainingSwitch run = new TrainingSwitch();
        control = run;
        runRecipe = settings.recipe();
        runs.start(settings.recipe());
        pausedSnapshot.set(null);
        trainLoss.clear();
        trainAccuracy.clear();
        valLoss.clear();
        valAccuracy.clear();
        plannedEpochs.set(settings.recipe().epochs());
        firstDone = -1;
        progress.set(0);
        progressText.set("Loading MNIST…");
        state.set(TrainingState.RUNNING);
        RateLimitedReporter reporter = new RateLimitedReporter(ui, update -> {
            if (control == run) {
                apply(update);
            }
        }, clock, RateLimitedReporter.DEFAULT_INTERVAL_NANOS);
        reporter.setLiveCopiesWanted(() -> liveCopiesWantedNow);
        PausePoint pausePoint = new PausePoint(run, reporter::flushNow,
                (copy, after) -> ui.execute(() -> held(run, copy, after)));
        TrainingListener listener = TrainingListener.all(reporter, pausePoint);
        BackgroundTask.wrap(progressIgnored -> {
                    try {
                        return runner.train(settings, listener, run);
                    } finally {
                        reporter.end();
                    }
                })
                .onSuccess(model -> finished(run, model))
                .onFailure(error -> failed(run, error))
                .executeWith(tasks);
    }

    private void apply(TrainingUpdate update) {
        runs.record(update);
        trainLoss.addAll(update.trainLoss());
        trainAccuracy.addAll(update.trainAccuracy());
        valLoss.addAll(update.valLoss());
        valAccuracy.addAll(update.valAccuracy());
        if (update.snapshot() != null) {
            onSnapshot.accept(update.snapshot());
        }
        if (update.epochNetwork() != null) {
            onEpochNetwork.accept(update.epochNetwork(), update.epoch());
        } else if (update.liveNetwork() != null && state.get() != TrainingState.STOPPING) {
            onLiveNetwork.accept(update.liveNetwork(), update);
        }
        if (update.batchesTotal() <= 0 || state.get() == TrainingState.STOPPING) {
            return;
        }
        long done = update.batchesDone();
        progress.set((double) done / update.batchesTotal());
        StringBuilder text = new StringBuilder()
                .append("Epoch ").append(Math.max(1, update.epoch())).append('/').append(update.epochs())
                .append(" · batch ").append(update.batch()).append('/').append(update.batchesPerEpoch());
        if (firstDone < 0 && done > 0) {
            firstDone = done;
            firstElapsed = update.elapsedNanos();
        }
        // The rate since the first batch seen: loading and the first batch's warm-up would make a
        // 20-second run look like an hour. Shown once a second of steady batches backs it.
        long steadyNanos = update.elapsedNanos() - firstElapsed;
        if (firstDone >= 0 && done > firstDone && steadyNanos >= 1_000_000_000L) {
            long left = steadyNanos / (done - firstDone) * (update.batchesTotal() - done);
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
        runs.finish(stopped ? RunRecord.Status.STOPPED : RunRecord.Status.COMPLETED);
        pausedSnapshot.set(null);
        state.set(TrainingState.IDLE);
        progress.set(stopped ? progress.get() : 1);
        String accuracy = model.testAccuracy().isPresent()
                ? String.format(" · test accuracy %.2f%%", 100 * model.testAccuracy().getAsDouble()) : "";
        progressText.set((stopped ? "Stopped early" : "Done") + accuracy
                + " · keep the new model or go back to the active one");
        candidateHistory = stopped ? " · stopped early" : "";
        setCandidate(model);
        onTrained.accept(model);
    }

    private void failed(TrainingSwitch run, Throwable error) {
        if (control != run) {
            return;
        }
        runs.finish(RunRecord.Status.FAILED);
        pausedSnapshot.set(null);
        state.set(TrainingState.IDLE);
        progress.set(0);
        progressText.set("Training failed");
        dialogs.showError("Training failed", ErrorText.describe(error)
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
    public StringProperty seedProperty() { return seed; }
    public StringProperty scheduleProperty() { return schedule; }
    public StringProperty augmentationProperty() { return augmentation; }
    public StringProperty syntheticProperty() { return synthetic; }
    /** The options of {@code inkling train} without a field of their own, as typed on the command line. */
    public StringProperty extrasProperty() { return extras; }
    public ReadOnlyStringProperty extrasErrorProperty() { return extrasError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty seedErrorProperty() { return seedError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty scheduleErrorProperty() { return scheduleError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty augmentationErrorProperty() { return augmentationError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty syntheticErrorProperty() { return syntheticError.getReadOnlyProperty(); }
    public ObjectProperty<ModelHandle> activeModelProperty() { return activeModel; }
    /** The model the last run made, until kept or discarded; null when none waits. */
    public ReadOnlyObjectProperty<ModelHandle> candidateProperty() { return candidate.getReadOnlyProperty(); }
    /** "New: 784-512-10 · test accuracy 97.60%", for the card that compares the two. */
    public ReadOnlyStringProperty candidateTextProperty() { return candidateText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty activeTextProperty() { return activeText.getReadOnlyProperty(); }
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

    /** The runs since the app started, for the charts' overlays and the runs list. */
    public TrainingRuns runs() { return runs; }
    public javafx.beans.property.BooleanProperty logLossProperty() { return logLoss; }
    /** What the last export did ("Exported the curves of 2 runs to ..."), for the status bar. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    /** While paused, the network as it stood when training held; null otherwise (or until it arrives). */
    public ReadOnlyObjectProperty<ModelHandle> pausedSnapshotProperty() { return pausedSnapshot.getReadOnlyProperty(); }
    public BooleanBinding canSavePausedProperty() { return canSavePaused; }
    public ObservableList<ChartPoint> trainLoss() { return trainLossView; }
    public ObservableList<ChartPoint> trainAccuracy() { return trainAccuracyView; }
    public ObservableList<ChartPoint> valLoss() { return valLossView; }
    public ObservableList<ChartPoint> valAccuracy() { return valAccuracyView; }

    /** Asks a running job to stop, for closing the window; returns whether one was running. */
    public boolean stopForShutdown() {
        warmUpControl.cancel();
        if (control != null && isTraining()) {
            stop();
            control.abandon();
            return true;
        }
        return false;
    }
}
