package org.inkling.app;

import org.inkling.nn.ModelFile;

import org.inkling.app.shared.ErrorText;

import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.model.ModelStore;
import org.inkling.app.shared.BackgroundTask;
import org.inkling.app.shared.DialogService;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.app.training.TrainingViewModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window as a whole: which model is loaded (and whether it has unsaved training), opening and
 * saving model files, the status bar, and what closing the window has to do first.
 */
public final class MainViewModel {
    private final ModelStore store;
    private final DialogService dialogs;
    private final TaskExecutor tasks;
    private final DrawingViewModel drawing;
    private final TrainingViewModel training;

    private final ReadOnlyObjectWrapper<ModelHandle> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyObjectWrapper<Path> modelFile = new ReadOnlyObjectWrapper<>(this, "modelFile");
    private final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(this, "unsaved");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "");
    private final ReadOnlyStringWrapper modelArchitecture = new ReadOnlyStringWrapper(this, "modelArchitecture", "");
    private final ReadOnlyStringWrapper modelParameters = new ReadOnlyStringWrapper(this, "modelParameters", "");
    private final ReadOnlyStringWrapper modelAccuracy = new ReadOnlyStringWrapper(this, "modelAccuracy", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Inkling");
    /** Model files opened or saved, newest first. */
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObservableList<Path> recentView = FXCollections.unmodifiableObservableList(recent);
    static final int MAX_RECENT = 8;

    public MainViewModel(ModelStore store, DialogService dialogs, TaskExecutor tasks, DrawingViewModel drawing,
            TrainingViewModel training) {
        this.store = Objects.requireNonNull(store);
        this.dialogs = Objects.requireNonNull(dialogs);
        this.tasks = Objects.requireNonNull(tasks);
        this.drawing = Objects.requireNonNull(drawing);
        this.training = Objects.requireNonNull(training);
        // A run's snapshots reach the bars while it trains; its result waits beside the active model.
        training.setListeners(drawing.classifierProperty()::set, trained -> {
            drawing.classifierProperty().set(model.get() == null ? null : model.get().classifier());
            describe(model.get());
            message.set((training.stoppedEarly() ? "Training stopped" : "Training finished")
                    + ": the bars read with " + activeName() + " again; keep the new model or discard it (Train tab)");
        });
        training.setDecisionHandlers(this::keep, () -> message.set("Discarded the new model; "
                + activeName() + " stays loaded"));
        training.stateProperty().addListener((obs, old, state) -> {
            switch (state) {
                case RUNNING -> message.set("Training a new network: the bars follow it as it learns; "
                        + activeName() + " stays loaded until you keep the new one");
                case PAUSED -> message.set("Training paused: the bars read with the network as it is now");
                case STOPPING -> message.set("Stopping training…");
                case IDLE -> { }
            }
            describe(model.get());
        });
        model.addListener((obs, old, now) -> {
            describe(now);
            training.activeModelProperty().set(now);
            updateTitle();
        });
        training.setSnapshotSaver(this::saveSnapshot);
        training.noticeProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                message.set(now);
            }
        });
        unsaved.addListener((obs, old, now) -> updateTitle());
        modelFile.addListener((obs, old, now) -> updateTitle());
    }

    /** Loads the shipped model, or an untrained network when this build ships none. */
    public void loadStartupModel() {
        try {
            Optional<ModelHandle> shipped = store.shipped();
            if (shipped.isPresent()) {
                setModel(shipped.get(), null, false);
                training.describe(shipped.get());
                message.set("Ready: draw a digit");
                return;
            }
            message.set("No trained model ships with this build: the network is untrained, press Train to teach it");
        } catch (IOException e) {
            message.set("The shipped model could not be read; starting with an untrained network");
            dialogs.showError("The shipped model could not be loaded", e.getMessage()
                    + "\n\nInkling starts with an untrained network instead. Train it, or open a model file.");
        }
        setModel(store.untrained(), null, false);
    }

    private String activeName() {
        return model.get() == null ? "the loaded model" : model.get().name();
    }

    /** Makes a run's model the active one; asks first when the active one has unsaved training. */
    private boolean keep(ModelHandle candidate) {
        if (unsaved.get()) {
            DialogService.CloseChoice choice = dialogs.askSaveBeforeClose(
                    "The active model has training that is not saved. Save it before the new model replaces it?");
            if (choice == DialogService.CloseChoice.CANCEL
                    || choice == DialogService.CloseChoice.SAVE && !saveBlocking()) {
                return false;
            }
        }
        setModel(candidate, null, true);
        message.set("The new model is active: save it to keep it beyond this session (Ctrl+S)");
        return true;
    }

    /**
     * Whether the active model may be replaced: not while training, and only after asking about a
     * new model not yet kept and about unsaved training.
     */
    private boolean mayReplaceModel(String doing) {
        if (training.isTraining()) {
            message.set("Stop training before " + doing.toLowerCase(java.util.Locale.ROOT));
            return false;
        }
        if (!training.confirmDropCandidate(doing)) {
            return false;
        }
        if (unsaved.get()) {
            DialogService.CloseChoice choice = dialogs.askSaveBeforeClose(
                    "The trained model has not been saved. Save it first?");
            return !(choice == DialogService.CloseChoice.CANCEL
                    || choice == DialogService.CloseChoice.SAVE && !saveBlocking());
        }
        return true;
    }

    /** Loads the model that ships with Inkling again (File > Built-in Model). */
    public void openBuiltIn() {
        if (!mayReplaceModel("Loading the built-in model")) {
            return;
        }
        busy.set(true);
        message.set("Loading the built-in model…");
        BackgroundTask.wrap(progress -> store.shipped())
                .onSuccess(shipped -> {
                    if (shipped.isEmpty()) {
                        message.set("This build ships no trained model");
                        return;
                    }
                    setModel(shipped.get(), null, false);
                    training.describe(shipped.get());
                    message.set("Loaded the built-in model");
                })
                .onFailure(error -> {
                    message.set("The built-in model could not be read");
                    dialogs.showError("The built-in model could not be loaded", ErrorText.describe(error)
                            + "\n\nThe current model stays loaded.");
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /** Fills the training form from the active model's recipe. */
    public void trainLikeThisModel() {
        if (training.fillFromActiveModel()) {
            message.set("The form holds " + activeName() + "'s recipe: press Train to train it again");
        } else if (!training.isTraining()) {
            message.set(activeName() + " records no recipe to train it again");
        }
    }

    /** A network taught the person's digits (or one teaching went back to) becomes the current model, unsaved. */
    public void adoptTaught(ModelHandle handle) {
        setModel(handle, null, true);
    }

    private void setModel(ModelHandle handle, Path file, boolean dirty) {
        model.set(handle);
        modelFile.set(file);
        unsaved.set(dirty);
        drawing.classifierProperty().set(handle.classifier());
    }

    private void describe(ModelHandle handle) {
        if (handle == null) {
            return;
        }
        modelName.set(handle.name() + (handle.trained() ? "" : " (untrained)")
                + (training.isTraining() ? " · bars: the network in training" : ""));
        modelArchitecture.set(handle.architecture());
        modelParameters.set(String.format("%,d parameters", handle.parameterCount()));
        modelAccuracy.set(handle.testAccuracy().isPresent()
                ? String.format("test accuracy %.2f%%", 100 * handle.testAccuracy().getAsDouble())
                : handle.importedFrom().map(tool -> "imported from " + tool).orElse("test accuracy unknown"));
    }

    private void updateTitle() {
        Path file = modelFile.get();
        String name = file != null ? file.getFileName().toString() : model.get() == null ? "" : model.get().name();
        title.set("Inkling" + (name.isEmpty() ? "" : " — " + name) + (unsaved.get() ? " •" : ""));
    }

    // ---- files -------------------------------------------------------------------------------

    public void open() {
        if (mayReplaceModel("Opening another model")) {
            dialogs.chooseModelToOpen().ifPresent(this::open);
        }
    }

    /** Opens a file from File > Open Recent, asking first what replacing the model needs. */
    public void openRecent(Path file) {
        if (mayReplaceModel("Opening another model")) {
            open(file);
        }
    }

    private void remember(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        recent.remove(abs);
        recent.addFirst(abs);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
    }

    /** Puts remembered files (from the preferences) in the recent list, newest first. */
    public void setRecentFiles(List<Path> files) {
        recent.clear();
        files.stream().limit(MAX_RECENT).forEach(recent::add);
    }

    public void open(Path file) {
        busy.set(true);
        message.set("Opening " + file.getFileName() + "…");
        BackgroundTask.wrap(progress -> store.open(file))
                .onSuccess(opened -> {
                    setModel(opened, file, false);
                    training.describe(opened);
                    remember(file);
                    message.set("Opened " + file + opened.importedFrom()
                            .map(tool -> " (imported from " + tool + "; Train trains a new Inkling network)").orElse(""));
                })
                .onFailure(error -> {
                    recent.remove(file.toAbsolutePath().normalize());
                    message.set("Could not open " + file.getFileName());
                    dialogs.showError("Could not open the model", ErrorText.describe(error)
                            + "\n\nThe current model stays loaded. Choose another model file (.inkling, Keras .h5 or .keras,"
                            + " TensorFlow.js model.json), or train a new one.");
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /**
     * Saves to the current file, or asks where (Save As) if there is none. While a run is paused
     * it saves that run's network as it stands instead (see {@link #saveSnapshot}).
     */
    public void save() {
        if (training.canSavePausedProperty().get()) {
            training.savePausedRun();
        } else if (modelFile.get() == null) {
            saveAs();
        } else {
            saveTo(modelFile.get(), null);
        }
    }

    public void saveAs() {
        if (training.canSavePausedProperty().get()) {
            training.savePausedRun();
            return;
        }
        ModelHandle current = model.get();
        if (current == null) {
            return;
        }
        dialogs.chooseModelToSave(fileNameFor(current)).ifPresent(file -> saveTo(withExtension(file), null));
    }

    private void saveTo(Path file, Runnable afterSuccess) {
        ModelHandle named = model.get().withName(baseName(file));
        busy.set(true);
        message.set("Saving " + file.getFileName() + "…");
        BackgroundTask.wrap(() -> store.save(named, file))
                .onSuccess(ignored -> {
                    setModel(named, file, false);
                    remember(file);
                    message.set("Saved " + file);
                    if (afterSuccess != null) {
                        afterSuccess.run();
                    }
                })
                .onFailure(error -> {
                    message.set("Could not save " + file.getFileName());
                    dialogs.showError("Could not save the model", ErrorText.describe(error)
                            + "\n\nNothing was lost: the model is still open. Free some disk space or choose "
                            + "another folder, then save again.");
                })
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /**
     * Saves a paused run's network to a file the person chooses, on a worker. The active model,
     * its file and its unsaved state stay as they are, and the run stays paused: resuming
     * continues it as if nothing happened (the snapshot is a copy).
     */
    private void saveSnapshot(ModelHandle snapshot) {
        dialogs.chooseModelToSave(fileNameFor(snapshot)).map(MainViewModel::withExtension).ifPresent(file -> {
            ModelHandle named = snapshot.withName(baseName(file));
            busy.set(true);
            message.set("Saving the paused run's network to " + file.getFileName() + "…");
            BackgroundTask.wrap(() -> store.save(named, file))
                    .onSuccess(ignored -> {
                        remember(file);
                        message.set("Saved the paused run's network to " + file
                                + "; training stays paused (Resume goes on from where it was)");
                    })
                    .onFailure(error -> {
                        message.set("Could not save " + file.getFileName());
                        dialogs.showError("Could not save the paused network", ErrorText.describe(error)
                                + "\n\nTraining stays paused and nothing was lost. Choose another folder, or free"
                                + " some disk space, and save again.");
                    })
                    .onFinished(() -> busy.set(false))
                    .executeWith(tasks);
        });
    }

    /** Saving before closing must finish before the window goes; done on the calling thread. */
    private boolean saveBlocking() {
        Path file = modelFile.get();
        if (file == null) {
            Optional<Path> chosen = dialogs.chooseModelToSave(fileNameFor(model.get()));
            if (chosen.isEmpty()) {
                return false;
            }
            file = withExtension(chosen.get());
        }
        ModelHandle named = model.get().withName(baseName(file));
        try {
            store.save(named, file);
            setModel(named, file, false);
            return true;
        } catch (IOException | RuntimeException e) {
            dialogs.showError("Could not save the model", ErrorText.describe(e)
                    + "\n\nThe window stays open so nothing is lost. Free some disk space or choose another folder.");
            return false;
        }
    }

    // ---- closing -----------------------------------------------------------------------------

    /**
     * Called when the window is asked to close; returns false to keep it open. Asks about unsaved
     * training and stops a running job (its partial result counts as unsaved).
     */
    public boolean prepareToClose() {
        if (training.isTraining()) {
            if (!dialogs.confirm("Training is still running",
                    "Closing stops training; the network of this run is not kept.", "Stop and Close")) {
                return false;
            }
            training.stopForShutdown();
        } else if (!training.confirmDropCandidate("Closing")) {
            return false;
        }
        if (!unsaved.get()) {
            return true;
        }
        DialogService.CloseChoice choice = dialogs.askSaveBeforeClose(
                "The trained model has not been saved. Save it before closing?");
        return switch (choice) {
            case DISCARD -> true;
            case CANCEL -> false;
            case SAVE -> saveBlocking();
        };
    }

    /** Stops any training now (the window is going); returns whether a run had to be stopped. */
    public boolean shutdown() {
        return training.stopForShutdown();
    }

    private static String fileNameFor(ModelHandle handle) {
        String name = handle.name().replaceAll("[^A-Za-z0-9._-]+", "-");
        return (name.isBlank() ? "model" : name) + ModelFile.EXTENSION;
    }

    private static Path withExtension(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ModelFile.EXTENSION) ? file : file.resolveSibling(name + ModelFile.EXTENSION);
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(ModelFile.EXTENSION) ? name.substring(0, name.length() - ModelFile.EXTENSION.length()) : name;
    }

    // ---- properties --------------------------------------------------------------------------

    public DrawingViewModel drawing() { return drawing; }
    public TrainingViewModel training() { return training; }
    public ReadOnlyObjectProperty<ModelHandle> modelProperty() { return model.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> modelFileProperty() { return modelFile.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty unsavedProperty() { return unsaved.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelNameProperty() { return modelName.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelArchitectureProperty() { return modelArchitecture.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelParametersProperty() { return modelParameters.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelAccuracyProperty() { return modelAccuracy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }
    public ObservableList<Path> recentFiles() { return recentView; }
}
