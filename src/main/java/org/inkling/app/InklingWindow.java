package org.inkling.app;

import org.inkling.app.drawing.DrawingController;
import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.app.inspection.EvaluationController;
import org.inkling.app.inspection.EvaluationViewModel;
import org.inkling.app.inspection.InsideController;
import org.inkling.app.inspection.InsideViewModel;
import org.inkling.app.inspection.WhyOverlay;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.AppPreferences;
import org.inkling.app.shared.BackgroundTask;
import org.inkling.app.shared.DialogService;
import org.inkling.app.shared.ErrorText;
import org.inkling.app.shared.FxDialogService;
import org.inkling.app.shared.LaterTooltips;
import org.inkling.app.shared.StartupTrace;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.app.shared.ThemeSwitch;
import org.inkling.app.teaching.TeachingController;
import org.inkling.app.teaching.TeachingViewModel;
import org.inkling.app.training.TrainingController;
import org.inkling.app.training.TrainingState;
import org.inkling.app.training.TrainingViewModel;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Builds the main window: view models over the given services, the FXML views with their
 * controllers, the theme, keyboard shortcuts, and what closing does. The app and the UI tests both
 * open the window through here.
 */
public final class InklingWindow {
    /** How long closing waits for the training thread to finish its batch and end. */
    private static final long SHUTDOWN_WAIT_MILLIS = 5_000;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;

    private final Stage stage;
    private final MainViewModel main;
    private final TaskExecutor tasks;
    private final ThemeSwitch theme = new ThemeSwitch();
    private final AppPreferences preferences;
    private DrawingController drawingController;
    private TrainingController trainingController;
    private final EvaluationViewModel evaluation;
    private final InsideViewModel inside;
    private InsideController insideController;
    private EvaluationController evaluationController;
    private final TeachingViewModel teaching;
    private final javafx.beans.property.ReadOnlyBooleanWrapper viewsLoaded = new javafx.beans.property.ReadOnlyBooleanWrapper(this, "viewsLoaded");

    private InklingWindow(Stage stage, AppServices services, DialogService dialogs, AppPreferences preferences) {
        this.stage = stage;
        this.preferences = Objects.requireNonNull(preferences);
        // Training, evaluation and their product workers run below the FX thread and the renderer.
        org.inkling.base.BackgroundPriority.enableFromForegroundThread();
        this.tasks = TaskExecutor.withDaemonThreads(Platform::runLater);
        DialogService dialogService = dialogs != null ? dialogs : new FxDialogService(stage, services.mnist(), tasks);
        DrawingViewModel drawing = new DrawingViewModel(services.rasterizer());
        TrainingViewModel training = new TrainingViewModel(services.trainer(), services.mnist(), dialogService,
                tasks, Platform::runLater, System::nanoTime);
        this.main = new MainViewModel(services.models(), dialogService, tasks, drawing, training);
        this.teaching = new TeachingViewModel(services.teacher(), drawing, tasks,
                () -> training.mnistFolderProperty().get() != null ? training.mnistFolderProperty().get()
                        : services.mnist().locate().orElse(null),
                main.modelProperty()::get, main::adoptTaught, services.models()::shipped, java.time.Clock.systemUTC());
        this.evaluation = new EvaluationViewModel(tasks, org.inkling.base.UserFolders.standard().data().resolve("digits.jsonl"),
                services.mnist()::locate);
        this.inside = new InsideViewModel(drawing, tasks);
        connectInspection(training, new WhyOverlay(drawing));
        StartupTrace.mark("view models built");
    }

    /** The views that look inside follow the loaded model, and training's copy at each epoch's end. */
    private void connectInspection(TrainingViewModel training, WhyOverlay why) {
        evaluation.mnistFolderProperty().bind(training.mnistFolderProperty());
        main.modelProperty().addListener((obs, old, model) -> {
            org.inkling.nn.Sequential net = model == null ? null : model.network().orElse(null);
            String name = model == null ? "" : model.name();
            evaluation.setNetwork(net, name);
            inside.setNetwork(net, name);
            why.setNetwork(net);
        });
        training.setEpochListener((net, epoch) -> {
            evaluation.epochEnded(net, epoch);
            inside.setNetwork(net, "After epoch " + epoch);
            why.setNetwork(net);
        });
        training.setLiveListener((net, update) -> {
            inside.setNetwork(net, String.format("Training, epoch %d, batch %d of %d",
                    update.epoch(), update.batch(), update.batchesPerEpoch()));
            why.setNetwork(net);
        });
    }

    /** Opens the window on {@code stage}; {@code dialogs} may be null for real dialogs. */
    public static InklingWindow show(Stage stage, AppServices services, DialogService dialogs) {
        return show(stage, services, dialogs, AppPreferences.inMemory());
    }

    /** Opens the window with remembered theme, size, form, recent files and last model. */
    public static InklingWindow show(Stage stage, AppServices services, DialogService dialogs,
            AppPreferences preferences) {
        InklingWindow window = new InklingWindow(stage, services, dialogs, preferences);
        window.build();
        return window;
    }

    private void build() {
        theme.darkProperty().set(preferences.dark());
        theme.apply();
        StartupTrace.mark("theme set");
        FXMLLoader loader = new FXMLLoader(InklingWindow.class.getResource("MainView.fxml"));
        loader.setControllerFactory(this::controller);
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The main view could not be loaded", e);
        }
        StartupTrace.mark("main and drawing views loaded (FXML, controllers)");
        LazyTab.install((Tab) loader.getNamespace().get("evaluateTab"),
                InklingWindow.class.getResource("inspection/EvaluationView.fxml"), this::controller);
        Tab insideTab = (Tab) loader.getNamespace().get("insideTab");
        LazyTab.install(insideTab, InklingWindow.class.getResource("inspection/InsideView.fxml"), this::controller);
        // Copies of the network being trained cost the training thread: only while someone can see them.
        main.training().liveCopiesWantedProperty().bind(
                insideTab.selectedProperty().or(main.drawing().overlayShownProperty()));
        Tab teachTab = (Tab) loader.getNamespace().get("teachTab");
        teachTab.selectedProperty().addListener((obs, was, shown) -> {
            if (shown) teaching.warmUpOnce();
        });
        LazyTab.install(teachTab,
                InklingWindow.class.getResource("teaching/TeachingView.fxml"), this::controller);
        // Fit the screen we open on: a 1366x768 laptop must see the whole window, status bar included.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth() * 0.95), Math.min(860, screen.getHeight() * 0.95));
        double[] remembered = preferences.window();
        if (remembered != null && onSomeScreen(remembered)) {
            stage.setX(remembered[0]);
            stage.setY(remembered[1]);
            stage.setWidth(Math.max(MIN_WIDTH, remembered[2]));
            stage.setHeight(Math.max(MIN_HEIGHT, remembered[3]));
        }
        stage.setMaximized(preferences.maximized());
        scene.getStylesheets().add(Objects.requireNonNull(
                InklingWindow.class.getResource("inkling.css")).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
        theme.darkProperty().addListener((obs, old, dark) -> root.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("dark"), dark));

        stage.titleProperty().bind(main.titleProperty());
        var icon = InklingWindow.class.getResourceAsStream("inkling-icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        // Small enough for 1024x640 at 100% and 1080p at 150% (1280x720) with a title bar and a panel.
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        // Training starting or ending disables the button the person pressed, and a new model means
        // drawing next: the focus goes to the pad, so Delete and Ctrl+Z act on the drawing rather
        // than on whichever form field the toolkit would pick.
        main.training().stateProperty().addListener((obs, old, now) -> {
            if (now == TrainingState.RUNNING || now == TrainingState.IDLE) {
                Platform.runLater(this::focusPad);
            }
        });
        main.modelProperty().addListener((obs, old, now) -> Platform.runLater(this::focusPad));

        stage.setScene(scene);
        stage.setOnCloseRequest(this::onCloseRequest);
        StartupTrace.mark("scene built");
        main.loadStartupModel();
        StartupTrace.mark("model loaded");
        main.training().restoreForm(preferences.form());
        main.setRecentFiles(preferences.recent());
        Path last = preferences.lastModel();
        if (last != null && Files.isRegularFile(last)) {
            main.open(last);
        }
        teaching.load();
        StartupTrace.mark("taught set read");
        stage.show();
        StartupTrace.mark("stage shown");
        if (StartupTrace.on()) {
            int[] pulses = {0};
            scene.addPostLayoutPulseListener(() -> {
                if (++pulses[0] <= 12) StartupTrace.mark("pulse " + pulses[0] + " laid out");
            });
        }
        javafx.scene.control.ScrollPane trainScroll = (javafx.scene.control.ScrollPane) loader.getNamespace().get("trainScroll");
        afterFirstFramePainted(scene, () -> trainScroll.setContent(new javafx.scene.layout.Region()), () -> {
            LaterTooltips.install(root);
            trainScroll.setContent(LazyTab.load(InklingWindow.class.getResource("training/TrainingView.fxml"), this::controller));
            viewsLoaded.set(true);
            StartupTrace.mark("train view loaded");
            probeModelOutputs();
            // Not during start-up: a few seconds after, when the window has settled.
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
            settle.setOnFinished(e -> teaching.warmUpIfTaughtBefore());
            settle.play();
        });
        if (preferences.problem() != null) {
            System.err.println("inkling: " + preferences.problem());
        }
    }

    /**
     * The output probe that the shipped model's early read leaves out ({@code ModelFile.loadShipped}),
     * on a copy of the network and a niced worker, once the window is up: it checks what the build's
     * test checked, and it compiles the reading path before the first stroke asks for it.
     */
    private void probeModelOutputs() {
        ModelHandle model = main.modelProperty().get();
        if (model == null) return;
        model.network().map(Sequential::copy).ifPresent(copy -> BackgroundTask
                .wrap(() -> { ModelFile.requireFiniteOutputs(model.name(), SavedModel.of(model.name(), copy)); })
                .onFailure(e -> System.err.println("inkling: " + ErrorText.describe(e)))
                .executeWith(tasks));
    }

    /**
     * Runs {@code work} once the first frame has been drawn: what the window's first look does not
     * need waits for it, so the window appears sooner and the pad answers at once. The renderer
     * draws a frame on its own thread while the FX thread goes on; a pulse that has changes to hand
     * over waits for the frame before (JavaFX's scene pulse: waitForRenderingToComplete). So after
     * the first pulse the window makes an invisible change, and the work runs after the pulse that
     * carries it. Were that wait ever to go, the work would only run a little early.
     */
    private static void afterFirstFramePainted(Scene scene, Runnable invisibleChange, Runnable work) {
        onNextPulse(scene, () -> {
            StartupTrace.mark("first frame laid out; the renderer draws it");
            // after the first pulse: the change belongs to the second, which then waits for the first frame's drawing
            Platform.runLater(() -> {
                invisibleChange.run();
                onNextPulse(scene, () -> Platform.runLater(() -> {
                    StartupTrace.mark("first frame drawn");
                    // one more turn of the event loop first: on GTK that is what shows the drawn frame
                    Platform.runLater(work);
                }));
                Platform.requestNextPulse();
            });
        });
    }

    /** Runs {@code then} once, when the scene's next pulse has been laid out. */
    private static void onNextPulse(Scene scene, Runnable then) {
        Runnable[] listener = new Runnable[1];
        listener[0] = () -> {
            scene.removePostLayoutPulseListener(listener[0]);
            then.run();
        };
        scene.addPostLayoutPulseListener(listener[0]);
    }

    /** True once every view the window opens with is loaded (the Train tab's comes after the first frame). */
    public javafx.beans.property.ReadOnlyBooleanProperty viewsLoadedProperty() {
        return viewsLoaded.getReadOnlyProperty();
    }

    /** The controllers of the window's views, over this window's view models. */
    private Object controller(Class<?> type) {
        if (type == MainController.class) {
            return new MainController(main, theme, this::requestClose);
        }
        if (type == DrawingController.class) {
            return drawingController = new DrawingController(main.drawing(), theme);
        }
        if (type == EvaluationController.class) {
            return evaluationController = new EvaluationController(evaluation);
        }
        if (type == InsideController.class) {
            return insideController = new InsideController(inside);
        }
        if (type == TeachingController.class) {
            return new TeachingController(teaching);
        }
        if (type == TrainingController.class) {
            return trainingController = new TrainingController(main.training(), theme);
        }
        throw new IllegalArgumentException("No controller " + type);
    }

    private void focusPad() {
        if (drawingController != null) {
            drawingController.focusPad();
        }
    }


    /** Opens a model file given on the command line (a double-clicked {@code .inkling} file). */
    public void openModel(java.nio.file.Path file) {
        main.open(file);
    }

    /**
     * The digit keys and N (not a digit) say what the drawing is; Backspace undoes and Ctrl+Shift+Z
     * redoes on the pad, unless a text field wants the key; the Edit menu's accelerators do Ctrl+Z,
     * Ctrl+Y and Delete. Esc is left alone: it closes menus and dialogs and never touches the drawing.
     */
    private void shortcut(KeyEvent e) {
        if (stage.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode().isDigitKey() && !e.isShortcutDown() && !e.isAltDown()) {
            // 0-9 say which digit the drawing is (teaching); the digit keys and the keypad alike
            String name = e.getCode().getName();
            main.drawing().label(name.charAt(name.length() - 1) - '0');
            e.consume();
        } else if (e.getCode() == KeyCode.N && !e.isShortcutDown() && !e.isAltDown()) {
            main.drawing().label(org.inkling.ink.LabeledInk.NOT_A_DIGIT); // N: the drawing is not a digit
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE) {
            main.drawing().undo();
            e.consume();
        } else if (e.getCode() == KeyCode.Z && e.isShortcutDown() && e.isShiftDown()) {
            main.drawing().redo();
            e.consume();
        }
    }

    /** Asks what closing needs; then signals training to stop and lets the window go at once. */
    private void onCloseRequest(WindowEvent e) {
        if (!main.prepareToClose()) {
            e.consume();
            return;
        }
        savePreferences();
        main.shutdown();
        if (drawingController != null) {
            drawingController.dispose();
        }
        if (insideController != null) {
            insideController.dispose();
        }
    }

    private void requestClose() {
        if (main.prepareToClose()) {
            savePreferences();
            main.shutdown();
            stage.close();
        }
    }

    /** A remembered window position is used only if its title bar is on one of today's screens. */
    private static boolean onSomeScreen(double[] w) {
        return !javafx.stage.Screen.getScreensForRectangle(w[0], w[1], Math.max(1, w[2]), 40).isEmpty();
    }

    /** What the next start restores; a failed write costs only that, so it is reported and ignored. */
    private void savePreferences() {
        preferences.setDark(theme.darkProperty().get());
        preferences.setMaximized(stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            preferences.setWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        }
        preferences.setForm(main.training().formValues());
        preferences.setRecent(main.recentFiles());
        preferences.setLastModel(main.modelFileProperty().get() == null ? null
                : main.modelFileProperty().get().toAbsolutePath());
        try {
            preferences.save();
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("inkling: the preferences could not be saved: " + ErrorText.describe(e));
        }
    }

    /**
     * Stops training and waits briefly for the training thread, so nothing runs after the window;
     * the app calls it from {@code Application.stop()}, once the window is gone.
     */
    public void dispose() {
        main.shutdown();
        teaching.dispose();
        if (drawingController != null) {
            drawingController.dispose();
        }
        if (insideController != null) {
            insideController.dispose();
        }
        try {
            tasks.shutdown(SHUTDOWN_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tasks.close();
    }

    public Stage stage() { return stage; }
    public MainViewModel viewModel() { return main; }
    public TeachingViewModel teaching() { return teaching; }
    TrainingController trainingController() { return trainingController; }
    public EvaluationViewModel evaluation() { return evaluation; }
    public InsideViewModel inside() { return inside; }
    EvaluationController evaluationController() { return evaluationController; }
    InsideController insideController() { return insideController; }
}
