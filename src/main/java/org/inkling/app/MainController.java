package org.inkling.app;

import org.inkling.app.shared.LaterTooltips;
import org.inkling.app.shared.ThemeSwitch;

import org.inkling.app.training.TrainingState;

import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the menus, the header bar and the status bar to the {@link MainViewModel}. */
public final class MainController {
    private final MainViewModel vm;
    private final ThemeSwitch theme;
    private final Runnable quit;

    @FXML private BorderPane root;
    @FXML private Button saveButton;
    @FXML private Button saveAsButton;
    @FXML private Button openButton;
    @FXML private ToggleButton themeToggle;
    @FXML private FontIcon themeIcon;
    @FXML private CheckMenuItem darkMenuItem;
    @FXML private Label modelNameLabel;
    @FXML private Label architectureLabel;
    @FXML private Label parametersLabel;
    @FXML private Label accuracyLabel;
    @FXML private Label messageLabel;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private javafx.scene.control.ScrollPane trainScroll;
    @FXML private Menu recentMenu;
    @FXML private MenuItem builtInMenuItem;
    @FXML private MenuItem undoMenuItem;
    @FXML private MenuItem redoMenuItem;
    @FXML private MenuItem clearMenuItem;
    @FXML private MenuItem trainMenuItem;
    @FXML private MenuItem pauseMenuItem;
    @FXML private MenuItem stopMenuItem;
    @FXML private MenuItem likeModelMenuItem;

    public MainController(MainViewModel vm, ThemeSwitch theme, Runnable quit) {
        this.vm = vm;
        this.theme = theme;
        this.quit = quit;
    }

    @FXML
    private void initialize() {
        modelNameLabel.textProperty().bind(vm.modelNameProperty());
        modelNameLabel.getProperties().put(LaterTooltips.KEY, Bindings.createStringBinding(
                () -> vm.modelFileProperty().get() == null ? "Not saved to a file"
                        : vm.modelFileProperty().get().toAbsolutePath().toString(),
                vm.modelFileProperty()));
        architectureLabel.textProperty().bind(vm.modelArchitectureProperty());
        parametersLabel.textProperty().bind(vm.modelParametersProperty());
        accuracyLabel.textProperty().bind(vm.modelAccuracyProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        busyIndicator.managedProperty().bind(vm.busyProperty());
        var training = vm.training().stateProperty().isNotEqualTo(TrainingState.IDLE);
        openButton.disableProperty().bind(training.or(vm.busyProperty()));
        // While paused, Save keeps the paused run's network as it stands.
        saveButton.disableProperty().bind(training.and(vm.training().canSavePausedProperty().not())
                .or(vm.busyProperty()));
        saveAsButton.disableProperty().bind(saveButton.disableProperty());
        fillViewport(trainScroll);
        builtInMenuItem.disableProperty().bind(openButton.disableProperty());
        recentMenu.disableProperty().bind(openButton.disableProperty().or(Bindings.isEmpty(vm.recentFiles())));
        vm.recentFiles().addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) c -> fillRecent());
        fillRecent();
        var drawing = vm.drawing();
        undoMenuItem.disableProperty().bind(drawing.canUndoProperty().not());
        redoMenuItem.disableProperty().bind(drawing.canRedoProperty().not());
        clearMenuItem.disableProperty().bind(drawing.emptyProperty());
        trainMenuItem.disableProperty().bind(vm.training().canTrainProperty().not());
        pauseMenuItem.disableProperty().bind(vm.training().stateProperty().isNotEqualTo(TrainingState.RUNNING)
                .and(vm.training().stateProperty().isNotEqualTo(TrainingState.PAUSED)));
        stopMenuItem.disableProperty().bind(pauseMenuItem.disableProperty());
        likeModelMenuItem.disableProperty().bind(training);
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        darkMenuItem.selectedProperty().bindBidirectional(theme.darkProperty());
        theme.darkProperty().addListener((obs, old, dark) -> themeIcon.setIconLiteral(
                dark ? "mdmz-wb_sunny" : "mdal-brightness_4"));
    }

    @FXML
    void open() {
        if (!openButton.isDisabled()) {
            vm.open();
        }
    }

    @FXML
    void save() {
        if (!saveButton.isDisabled()) {
            vm.save();
        }
    }

    @FXML
    void saveAs() {
        if (!saveButton.isDisabled()) {
            vm.saveAs();
        }
    }

    @FXML
    void quit() {
        quit.run();
    }

    /**
     * A tab's scroll pane gives its view the whole viewport height when that is enough, and its
     * minimum height (charts still readable) with a scroll bar when it is not: {@code fitToHeight}
     * alone would squeeze the view below its minimum.
     */
    private static void fillViewport(javafx.scene.control.ScrollPane scroll) {
        Runnable fill = () -> {
            javafx.geometry.Bounds view = scroll.getViewportBounds();
            if (scroll.getContent() instanceof javafx.scene.layout.Region content && view != null) {
                content.setPrefHeight(Math.max(view.getHeight(), content.minHeight(view.getWidth())));
            }
        };
        scroll.viewportBoundsProperty().addListener((obs, old, view) -> fill.run());
        // the view arrives after the first frame (InklingWindow)
        scroll.contentProperty().addListener((obs, old, content) -> fill.run());
    }

    @FXML
    void openBuiltIn() {
        if (!builtInMenuItem.isDisable()) {
            vm.openBuiltIn();
        }
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (java.nio.file.Path file : vm.recentFiles()) {
            MenuItem item = new MenuItem(file.getFileName() + "  —  " + file.toAbsolutePath().getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openRecent(file));
            recentMenu.getItems().add(item);
        }
    }

    /** Pad shortcuts belong to the pad: in a text field the field's own undo and delete work. */
    private boolean typingInAField() {
        return root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl;
    }

    @FXML
    void undo() {
        if (!typingInAField()) {
            vm.drawing().undo();
        }
    }

    @FXML
    void redo() {
        if (!typingInAField()) {
            vm.drawing().redo();
        }
    }

    @FXML
    void clear() {
        if (!typingInAField()) {
            vm.drawing().clear();
        }
    }

    @FXML
    void train() {
        vm.training().train();
    }

    @FXML
    void pauseOrResume() {
        if (vm.training().stateProperty().get() == TrainingState.PAUSED) {
            vm.training().resume();
        } else {
            vm.training().pause();
        }
    }

    @FXML
    void stopTraining() {
        vm.training().stop();
    }

    @FXML
    void trainLikeThisModel() {
        vm.trainLikeThisModel();
    }
}
