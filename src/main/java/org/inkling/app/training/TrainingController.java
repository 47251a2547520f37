package org.inkling.app.training;

import org.inkling.app.shared.ThemeSwitch;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import java.util.List;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds the training form, buttons, progress and charts to the {@link TrainingViewModel}. */
public final class TrainingController {
    private final TrainingViewModel vm;
    private final ThemeSwitch theme;

    @FXML private Button trainButton;
    @FXML private Button pauseButton;
    @FXML private FontIcon pauseIcon;
    @FXML private Button stopButton;
    @FXML private TextField architectureField;
    @FXML private Label architectureError;
    @FXML private ComboBox<String> activationBox;
    @FXML private ComboBox<String> optimizerBox;
    @FXML private TextField learningRateField;
    @FXML private Label learningRateError;
    @FXML private TextField batchSizeField;
    @FXML private Label batchSizeError;
    @FXML private TextField epochsField;
    @FXML private Label epochsError;
    @FXML private TextField validationSplitField;
    @FXML private Label validationSplitError;
    @FXML private ComboBox<String> scheduleBox;
    @FXML private Label scheduleError;
    @FXML private ComboBox<String> augmentationBox;
    @FXML private Label augmentationError;
    @FXML private TextField syntheticField;
    @FXML private Label syntheticError;
    @FXML private TextField seedField;
    @FXML private Label seedError;
    @FXML private ComboBox<TrainingPreset> presetBox;
    @FXML private Button likeModelButton;
    @FXML private VBox candidateCard;
    @FXML private Label candidateLabel;
    @FXML private Label activeLabel;
    @FXML private Button keepButton;
    @FXML private Button discardButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private StackPane lossHolder;
    @FXML private StackPane accuracyHolder;

    private TrainingCharts lossChart;
    private TrainingCharts accuracyChart;

    public TrainingController(TrainingViewModel vm, ThemeSwitch theme) {
        this.vm = vm;
        this.theme = theme;
    }

    @FXML
    private void initialize() {
        field(architectureField, vm.architectureProperty(), architectureError, vm.architectureErrorProperty());
        field(learningRateField, vm.learningRateProperty(), learningRateError, vm.learningRateErrorProperty());
        field(batchSizeField, vm.batchSizeProperty(), batchSizeError, vm.batchSizeErrorProperty());
        field(epochsField, vm.epochsProperty(), epochsError, vm.epochsErrorProperty());
        field(validationSplitField, vm.validationSplitProperty(), validationSplitError,
                vm.validationSplitErrorProperty());
        field(syntheticField, vm.syntheticProperty(), syntheticError, vm.syntheticErrorProperty());
        field(seedField, vm.seedProperty(), seedError, vm.seedErrorProperty());
        editableBox(scheduleBox, List.of("constant", "cosine", "cosine:0.01"), vm.scheduleProperty(), scheduleError,
                vm.scheduleErrorProperty());
        editableBox(augmentationBox, List.of("none", "default"), vm.augmentationProperty(), augmentationError,
                vm.augmentationErrorProperty());
        presetBox.getItems().setAll(TrainingPreset.values());
        presetBox.setOnAction(e -> {
            TrainingPreset preset = presetBox.getValue();
            if (preset != null) {
                vm.applyPreset(preset);
                // The box is a menu of actions, not a setting: it goes back to its prompt.
                javafx.application.Platform.runLater(() -> presetBox.getSelectionModel().clearSelection());
            }
        });
        candidateCard.visibleProperty().bind(vm.candidateProperty().isNotNull());
        candidateCard.managedProperty().bind(candidateCard.visibleProperty());
        candidateLabel.textProperty().bind(vm.candidateTextProperty());
        activeLabel.textProperty().bind(vm.activeTextProperty());
        activationBox.getItems().setAll(TrainingViewModel.ACTIVATIONS);
        activationBox.valueProperty().bindBidirectional(vm.activationProperty());
        optimizerBox.getItems().setAll(TrainingViewModel.OPTIMIZERS);
        optimizerBox.valueProperty().bindBidirectional(vm.optimizerProperty());

        var idle = vm.stateProperty().isEqualTo(TrainingState.IDLE);
        for (var control : java.util.List.of(architectureField, activationBox, optimizerBox, learningRateField,
                batchSizeField, epochsField, validationSplitField, scheduleBox, augmentationBox, syntheticField,
                seedField, presetBox, likeModelButton)) {
            control.disableProperty().bind(idle.not());
        }
        trainButton.disableProperty().bind(vm.canTrainProperty().not());
        trainButton.setTooltip(new Tooltip("Train a new network with these settings"));
        pauseButton.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.RUNNING)
                .and(vm.stateProperty().isNotEqualTo(TrainingState.PAUSED)));
        stopButton.disableProperty().bind(pauseButton.disableProperty());
        vm.stateProperty().addListener((obs, old, state) -> showState(state));
        showState(vm.stateProperty().get());

        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());

        lossChart = TrainingCharts.loss(vm);
        accuracyChart = TrainingCharts.accuracy(vm);
        lossHolder.getChildren().add(lossChart.viewer());
        accuracyHolder.getChildren().add(accuracyChart.viewer());
        theme.darkProperty().addListener((obs, old, dark) -> {
            lossChart.setDark(dark);
            accuracyChart.setDark(dark);
        });
        lossChart.setDark(theme.darkProperty().get());
        accuracyChart.setDark(theme.darkProperty().get());
    }

    /** Marks the field red and shows the message under it while its text is invalid. */
    private static void field(TextField field, javafx.beans.property.StringProperty text, Label message,
            ReadOnlyStringProperty error) {
        field.textProperty().bindBidirectional(text);
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        error.addListener((obs, old, now) -> field.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));
        field.pseudoClassStateChanged(Styles.STATE_DANGER, error.get() != null);
    }

    /** An editable combo box typed into like a text field, with the field's error under it. */
    private static void editableBox(ComboBox<String> box, List<String> choices, javafx.beans.property.StringProperty text,
            Label message, ReadOnlyStringProperty error) {
        box.getItems().setAll(choices);
        // Typed text becomes the value on Enter or when the focus leaves, like a text field.
        box.valueProperty().bindBidirectional(text);
        message.textProperty().bind(error);
        message.visibleProperty().bind(error.isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        error.addListener((obs, old, now) -> box.pseudoClassStateChanged(Styles.STATE_DANGER, now != null));
    }

    private void showState(TrainingState state) {
        boolean paused = state == TrainingState.PAUSED;
        pauseButton.setText(paused ? "Resume" : "Pause");
        pauseIcon.setIconLiteral(paused ? "mdmz-play_arrow" : "mdmz-pause");
    }

    @FXML
    void train() {
        vm.train();
    }

    @FXML
    void pauseOrResume() {
        if (vm.stateProperty().get() == TrainingState.PAUSED) {
            vm.resume();
        } else {
            vm.pause();
        }
    }

    @FXML
    void stop() {
        vm.stop();
    }

    @FXML
    void keep() {
        vm.keepCandidate();
    }

    @FXML
    void discard() {
        vm.discardCandidate();
    }

    @FXML
    void likeModel() {
        vm.fillFromActiveModel();
    }

    public TrainingCharts lossChart() {
        return lossChart;
    }

    public TrainingCharts accuracyChart() {
        return accuracyChart;
    }
}
