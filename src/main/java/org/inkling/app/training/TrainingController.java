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
    /** Below this width the form's four columns become three (two would push the curves off a 640 px screen). */
    static final double FORM_BREAKPOINT = 480;

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
    @FXML private TextField extrasField;
    @FXML private Label extrasError;
    @FXML private TextField seedField;
    @FXML private Label seedError;
    @FXML private javafx.scene.layout.GridPane form;
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
    @FXML private Button savePausedButton;
    @FXML private javafx.scene.layout.FlowPane runsPane;
    @FXML private javafx.scene.control.ToggleButton logToggle;
    @FXML private javafx.scene.control.MenuButton exportButton;

    /** Exported pictures: wide enough for a slide or a report at 100%. */
    private static final int PNG_WIDTH = 1200, PNG_HEIGHT = 720;

    private TrainingCharts lossChart;
    private TrainingCharts accuracyChart;

    public TrainingController(TrainingViewModel vm, ThemeSwitch theme) {
        this.vm = vm;
        this.theme = theme;
    }

    @FXML
    private void initialize() {
        // Four columns need about 480 px before the combo boxes cut their values short ("cosin").
        org.inkling.app.shared.ReflowGrid.install(form, 4, 3, FORM_BREAKPOINT);
        // So does the header: Pause and Stop keep their (universal) icons and tooltips, the card its title.
        pauseButton.setTooltip(new javafx.scene.control.Tooltip());
        stopButton.setTooltip(new javafx.scene.control.Tooltip("Stop training; the network keeps what it learnt"));
        form.widthProperty().addListener((obs, old, width) -> {
            boolean narrow = width.doubleValue() > 0 && width.doubleValue() < FORM_BREAKPOINT;
            javafx.scene.control.ContentDisplay shown = narrow ? javafx.scene.control.ContentDisplay.GRAPHIC_ONLY
                    : javafx.scene.control.ContentDisplay.LEFT;
            pauseButton.setContentDisplay(shown);
            stopButton.setContentDisplay(shown);
            likeModelButton.setText(narrow ? "active model" : "the active model");
        });
        field(architectureField, vm.architectureProperty(), architectureError, vm.architectureErrorProperty());
        field(learningRateField, vm.learningRateProperty(), learningRateError, vm.learningRateErrorProperty());
        field(batchSizeField, vm.batchSizeProperty(), batchSizeError, vm.batchSizeErrorProperty());
        field(epochsField, vm.epochsProperty(), epochsError, vm.epochsErrorProperty());
        field(validationSplitField, vm.validationSplitProperty(), validationSplitError,
                vm.validationSplitErrorProperty());
        field(syntheticField, vm.syntheticProperty(), syntheticError, vm.syntheticErrorProperty());
        field(extrasField, vm.extrasProperty(), extrasError, vm.extrasErrorProperty());
        field(seedField, vm.seedProperty(), seedError, vm.seedErrorProperty());
        editableBox(scheduleBox, List.of("constant", "cosine", "cosine:0.01"), vm.scheduleProperty(), scheduleError,
                vm.scheduleErrorProperty());
        editableBox(augmentationBox, List.of("none", "default"), vm.augmentationProperty(), augmentationError,
                vm.augmentationErrorProperty());
        presetBox.getItems().setAll(TrainingPreset.values());
        // JavaFX's ComboBox forgets its prompt once a value has been chosen and cleared; this cell keeps it
        presetBox.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TrainingPreset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? presetBox.getPromptText() : item.toString());
            }
        });
        presetBox.setOnAction(e -> {
            TrainingPreset preset = presetBox.getValue();
            if (preset != null) {
                vm.applyPreset(preset);
                vm.warmUpForTraining();
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
                seedField, extrasField, presetBox, likeModelButton)) {
            control.disableProperty().bind(idle.not());
            // going into the form is the sign of a run to come: the first epoch's compiling can start now
            control.focusedProperty().addListener((obs, was, focused) -> {
                if (focused) vm.warmUpForTraining();
            });
        }
        trainButton.setOnMouseEntered(e -> vm.warmUpForTraining());
        trainButton.disableProperty().bind(vm.canTrainProperty().not());
        trainButton.setTooltip(new Tooltip("Train a new network with these settings"));
        pauseButton.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainingState.RUNNING)
                .and(vm.stateProperty().isNotEqualTo(TrainingState.PAUSED)));
        stopButton.disableProperty().bind(pauseButton.disableProperty());
        vm.stateProperty().addListener((obs, old, state) -> showState(state));
        showState(vm.stateProperty().get());

        progressBar.progressProperty().bind(vm.progressProperty());
        progressLabel.textProperty().bind(vm.progressTextProperty());

        savePausedButton.visibleProperty().bind(vm.canSavePausedProperty());
        savePausedButton.managedProperty().bind(savePausedButton.visibleProperty());
        // Save takes the place of Train, which cannot be pressed while a run is paused anyway: the
        // header keeps its width on a 1024-pixel screen.
        trainButton.visibleProperty().bind(savePausedButton.visibleProperty().not());
        trainButton.managedProperty().bind(trainButton.visibleProperty());

        lossChart = TrainingCharts.loss(vm);
        accuracyChart = TrainingCharts.accuracy(vm);
        lossHolder.getChildren().addAll(lossChart.viewer(), resetZoomButton(lossChart, "resetLossZoom"));
        accuracyHolder.getChildren().addAll(accuracyChart.viewer(), resetZoomButton(accuracyChart, "resetAccuracyZoom"));
        theme.darkProperty().addListener((obs, old, dark) -> {
            lossChart.setDark(dark);
            accuracyChart.setDark(dark);
            showRuns();
        });
        lossChart.setDark(theme.darkProperty().get());
        accuracyChart.setDark(theme.darkProperty().get());
        logToggle.selectedProperty().bindBidirectional(vm.logLossProperty());
        vm.runs().runs().addListener((javafx.collections.ListChangeListener<TrainingRuns.Run>) c -> showRuns());
        showRuns();
    }

    /** Shown over a chart's corner only while a drag has zoomed it; a double-click does the same. */
    private static Button resetZoomButton(TrainingCharts chart, String id) {
        Button reset = new Button("Reset zoom", new FontIcon("mdmz-zoom_out_map"));
        reset.setId(id);
        reset.getStyleClass().addAll("small", "reset-zoom");
        reset.setTooltip(new Tooltip("Show the whole runs again (or double-click the chart)"));
        reset.setFocusTraversable(true);
        reset.setOnAction(e -> chart.resetZoom());
        reset.visibleProperty().bind(chart.zoomedProperty());
        StackPane.setAlignment(reset, javafx.geometry.Pos.TOP_RIGHT);
        StackPane.setMargin(reset, new javafx.geometry.Insets(4, 6, 0, 0));
        return reset;
    }

    /**
     * The runs list: one check box per run, its colour as the key to the charts' lines; ticking an
     * earlier run overlays it. The current run is always drawn (its box stays ticked).
     */
    private void showRuns() {
        boolean dark = theme.darkProperty().get();
        List<javafx.scene.Node> chips = new java.util.ArrayList<>();
        for (TrainingRuns.Run run : vm.runs().runs()) {
            javafx.scene.control.CheckBox box = new javafx.scene.control.CheckBox();
            box.textProperty().bind(run.nameProperty());
            box.setMnemonicParsing(false);
            javafx.scene.shape.Rectangle swatch = new javafx.scene.shape.Rectangle(18, 4, RunColours.fx(run.number(), dark));
            swatch.setArcWidth(4);
            swatch.setArcHeight(4);
            box.setGraphic(swatch);
            box.setId("run-" + run.number());
            // A long name ends in "…" rather than running out of the card.
            box.maxWidthProperty().bind(runsPane.widthProperty());
            box.getStyleClass().add("run-chip");
            if (run.currentProperty().get()) {
                box.setSelected(true);
                box.setDisable(true);
                box.getStyleClass().add("current-run");
            } else {
                box.selectedProperty().bindBidirectional(run.shownProperty());
            }
            box.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("Run ", run.nameProperty(),
                    run.currentProperty().get() ? ", the current run" : ", show on the charts"));
            box.setTooltip(new Tooltip("inkling train " + String.join(" ", run.record().recipe().commandLine())));
            chips.add(box);
        }
        runsPane.getChildren().setAll(chips);
        runsPane.setVisible(!chips.isEmpty());
        runsPane.setManaged(!chips.isEmpty());
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
        pauseButton.getTooltip().setText(paused ? "Resume training where it held" : "Pause training after the batch in flight");
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
    void savePaused() {
        vm.savePausedRun();
    }

    @FXML
    void exportCurves() {
        vm.exportCurves();
    }

    @FXML
    void exportLossChart() {
        vm.exportChart("loss chart", "inkling-loss.png", lossChart.pngWriter(PNG_WIDTH, PNG_HEIGHT));
    }

    @FXML
    void exportAccuracyChart() {
        vm.exportChart("accuracy chart", "inkling-accuracy.png", accuracyChart.pngWriter(PNG_WIDTH, PNG_HEIGHT));
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
