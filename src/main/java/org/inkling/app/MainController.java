package org.inkling.app;

import org.inkling.app.shared.ThemeSwitch;

import org.inkling.app.training.TrainingState;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
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

    public MainController(MainViewModel vm, ThemeSwitch theme, Runnable quit) {
        this.vm = vm;
        this.theme = theme;
        this.quit = quit;
    }

    @FXML
    private void initialize() {
        modelNameLabel.textProperty().bind(vm.modelNameProperty());
        Tooltip fileTip = new Tooltip();
        fileTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.modelFileProperty().get() == null ? "Not saved to a file"
                        : vm.modelFileProperty().get().toAbsolutePath().toString(),
                vm.modelFileProperty()));
        modelNameLabel.setTooltip(fileTip);
        architectureLabel.textProperty().bind(vm.modelArchitectureProperty());
        parametersLabel.textProperty().bind(vm.modelParametersProperty());
        accuracyLabel.textProperty().bind(vm.modelAccuracyProperty());
        messageLabel.textProperty().bind(vm.messageProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        busyIndicator.managedProperty().bind(vm.busyProperty());
        var training = vm.training().stateProperty().isNotEqualTo(TrainingState.IDLE);
        saveButton.disableProperty().bind(training.or(vm.busyProperty()));
        saveAsButton.disableProperty().bind(saveButton.disableProperty());
        openButton.disableProperty().bind(saveButton.disableProperty());
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        darkMenuItem.selectedProperty().bindBidirectional(theme.darkProperty());
        theme.darkProperty().addListener((obs, old, dark) -> themeIcon.setIconLiteral(
                dark ? "mdmz-wb_sunny" : "mdal-brightness_4"));
    }

    @FXML
    void open() {
        if (!saveButton.isDisabled()) {
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
}
