package org.inkling.app;

import org.inkling.app.shared.ThemeSwitch;

import org.inkling.app.drawing.DrawingController;
import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.app.shared.DialogService;
import org.inkling.app.shared.FxDialogService;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.app.training.TrainingController;
import org.inkling.app.training.TrainingViewModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
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

    private final Stage stage;
    private final MainViewModel main;
    private final TaskExecutor tasks;
    private final ThemeSwitch theme = new ThemeSwitch();
    private DrawingController drawingController;
    private TrainingController trainingController;

    private InklingWindow(Stage stage, AppServices services, DialogService dialogs) {
        this.stage = stage;
        this.tasks = TaskExecutor.withDaemonThreads(Platform::runLater);
        DialogService dialogService = dialogs != null ? dialogs : new FxDialogService(stage, services.mnist(), tasks);
        DrawingViewModel drawing = new DrawingViewModel(services.rasterizer());
        TrainingViewModel training = new TrainingViewModel(services.trainer(), services.mnist(), dialogService,
                tasks, Platform::runLater, System::nanoTime);
        this.main = new MainViewModel(services.models(), dialogService, tasks, drawing, training);
    }

    /** Opens the window on {@code stage}; {@code dialogs} may be null for real dialogs. */
    public static InklingWindow show(Stage stage, AppServices services, DialogService dialogs) {
        InklingWindow window = new InklingWindow(stage, services, dialogs);
        window.build();
        return window;
    }

    private void build() {
        theme.apply();
        FXMLLoader loader = new FXMLLoader(InklingWindow.class.getResource("MainView.fxml"));
        loader.setControllerFactory(type -> {
            if (type == MainController.class) {
                return new MainController(main, theme, this::requestClose);
            }
            if (type == DrawingController.class) {
                return drawingController = new DrawingController(main.drawing(), theme);
            }
            if (type == TrainingController.class) {
                return trainingController = new TrainingController(main.training(), theme);
            }
            throw new IllegalArgumentException("No controller " + type);
        });
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("The main view could not be loaded", e);
        }
        // Fit the screen we open on: a 1366x768 laptop must see the whole window, status bar included.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1360, screen.getWidth() * 0.95), Math.min(860, screen.getHeight() * 0.95));
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
        stage.setMinWidth(Math.min(1100, screen.getWidth()));
        stage.setMinHeight(Math.min(720, screen.getHeight()));
        stage.setScene(scene);
        stage.setOnCloseRequest(this::onCloseRequest);
        main.loadStartupModel();
        stage.show();
    }

    /** Opens a model file given on the command line (a double-clicked {@code .inkling} file). */
    public void openModel(java.nio.file.Path file) {
        main.open(file);
    }

    /** Esc/Delete clear the pad, Ctrl+Z or Backspace undo a stroke, unless a text field wants the key. */
    private void shortcut(KeyEvent e) {
        if (stage.getScene().getFocusOwner() instanceof TextInputControl) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE || e.getCode() == KeyCode.DELETE) {
            main.drawing().clear();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE
                || e.getCode() == KeyCode.Z && e.isShortcutDown() && !e.isShiftDown()) {
            main.drawing().undo();
            e.consume();
        }
    }

    /** Asks what closing needs; then signals training to stop and lets the window go at once. */
    private void onCloseRequest(WindowEvent e) {
        if (!main.prepareToClose()) {
            e.consume();
            return;
        }
        main.shutdown();
        if (drawingController != null) {
            drawingController.dispose();
        }
    }

    private void requestClose() {
        if (main.prepareToClose()) {
            main.shutdown();
            stage.close();
        }
    }

    /**
     * Stops training and waits briefly for the training thread, so nothing runs after the window;
     * the app calls it from {@code Application.stop()}, once the window is gone.
     */
    public void dispose() {
        main.shutdown();
        if (drawingController != null) {
            drawingController.dispose();
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
    TrainingController trainingController() { return trainingController; }
}
