package org.inkling.app.drawing;

import org.inkling.nn.Verdict;

import org.inkling.app.shared.ThemeSwitch;

import javafx.animation.AnimationTimer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** Binds the drawing pad, the prediction and the 28x28 preview to the {@link DrawingViewModel}. */
public final class DrawingController {
    private final DrawingViewModel vm;
    private final ThemeSwitch theme;

    @FXML private DrawingPad pad;
    @FXML private Button undoButton;
    @FXML private Button redoButton;
    @FXML private Button clearButton;
    @FXML private Slider penSlider;
    @FXML private Label digitLabel;
    @FXML private Label confidenceLabel;
    @FXML private Label hintLabel;
    @FXML private ProbabilityBars bars;
    @FXML private InputPreview preview;
    @FXML private javafx.scene.control.ToggleButton whyToggle;

    /** Rasterising and predicting happen at most once per frame, however fast the mouse moves. */
    private final AnimationTimer frame = new AnimationTimer() {
        @Override
        public void handle(long now) {
            vm.refreshIfStale();
        }
    };

    public DrawingController(DrawingViewModel vm, ThemeSwitch theme) {
        this.vm = vm;
        this.theme = theme;
    }

    @FXML
    private void initialize() {
        penSlider.setMin(DrawingViewModel.MIN_PEN);
        penSlider.setMax(DrawingViewModel.MAX_PEN);
        penSlider.valueProperty().bindBidirectional(vm.penWidthProperty());
        // Arrow keys move the pen a step, not (as the default 10 would) from end to end.
        penSlider.setBlockIncrement((DrawingViewModel.MAX_PEN - DrawingViewModel.MIN_PEN) / 16);
        penSlider.setAccessibleText("Pen width");
        undoButton.disableProperty().bind(vm.canUndoProperty().not());
        undoButton.setAccessibleText("Undo");
        redoButton.disableProperty().bind(vm.canRedoProperty().not());
        redoButton.setAccessibleText("Redo");
        clearButton.disableProperty().bind(vm.emptyProperty());
        digitLabel.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.predictedDigitProperty().get() < 0 ? "No prediction"
                        : String.format("The network reads %d, %.0f%% sure", vm.predictedDigitProperty().get(),
                                100 * vm.confidenceProperty().get()),
                vm.predictedDigitProperty(), vm.confidenceProperty()));
        preview.setAccessibleText("The 28 by 28 image the network reads");

        pad.canvas().addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                PadPoint p = pad.toPad(e.getX() + pad.canvas().getLayoutX(), e.getY() + pad.canvas().getLayoutY());
                vm.beginStroke(p.x(), p.y());
                pad.requestFocus();
            }
        });
        pad.canvas().addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.isPrimaryButtonDown()) {
                PadPoint p = pad.toPad(e.getX() + pad.canvas().getLayoutX(), e.getY() + pad.canvas().getLayoutY());
                vm.extendStroke(p.x(), p.y());
            }
        });
        pad.canvas().addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && vm.isDrawing()) {
                // Motion events can be coalesced away when the pen moves fast: the release point
                // still ends the stroke where the pen left the paper.
                PadPoint p = pad.toPad(e.getX() + pad.canvas().getLayoutX(), e.getY() + pad.canvas().getLayoutY());
                vm.extendStroke(p.x(), p.y());
                vm.endStroke();
            }
        });
        pad.setFocusTraversable(true);
        vm.revisionProperty().addListener((obs, old, now) -> repaintPad());
        vm.penWidthProperty().addListener((obs, old, now) -> repaintPad());
        theme.darkProperty().addListener((obs, old, dark) -> pad.setDark(dark));
        pad.setDark(theme.darkProperty().get());

        bars.setOnDigitClicked(vm::label);
        vm.inputProperty().addListener((obs, old, input) -> preview.show(input));
        whyToggle.selectedProperty().bindBidirectional(vm.overlayShownProperty());
        vm.overlayProperty().addListener((obs, old, argb) -> showOverlay());
        vm.overlayShownProperty().addListener((obs, old, shown) -> showOverlay());
        showOverlay();
        vm.probabilitiesProperty().addListener((obs, old, p) -> showPrediction());
        showPrediction();
        frame.start();
    }

    private void showOverlay() {
        boolean shown = vm.overlayShownProperty().get();
        preview.showOverlay(shown ? vm.overlayProperty().get() : null);
    }

    private void repaintPad() {
        pad.show(vm.finishedStrokes(), vm.currentStroke(), vm.penWidthProperty().get());
    }

    private void showPrediction() {
        float[] p = vm.probabilitiesProperty().get();
        bars.show(p);
        Verdict v = vm.verdictProperty().get();
        digitLabel.setText(bigText(v));
        digitLabel.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("empty"), v == null || !v.accepted());
        if (p == null || v == null) {
            confidenceLabel.setText("No prediction");
            hintLabel.setText(vm.emptyProperty().get() ? "Draw a digit on the pad" : "Draw a little larger");
        } else {
            double c = vm.confidenceProperty().get();
            switch (v.kind()) {
                case DIGIT -> {
                    confidenceLabel.setText(String.format("%.1f%% sure", 100 * c));
                    hintLabel.setText(c >= 0.9 ? "Confident" : "Fairly sure");
                }
                case UNSURE -> {
                    confidenceLabel.setText("Not sure: " + String.join(" or ", v.candidates().stream().map(String::valueOf).toList()) + "?");
                    hintLabel.setText("Try writing it again?");
                }
                case NOT_A_DIGIT -> {
                    confidenceLabel.setText("Not a digit");
                    hintLabel.setText(String.format("%.0f%% sure it is none", 100 * v.notDigitProbability()));
                }
            }
        }
    }

    /** The big answer: the digit, "?" when not sure, "×" for not a digit, "–" for nothing drawn. */
    static String bigText(Verdict v) {
        if (v == null) return "–";
        return switch (v.kind()) {
            case DIGIT -> Integer.toString(v.digit());
            case UNSURE -> "?";
            case NOT_A_DIGIT -> "×";
        };
    }

    @FXML
    void undo() {
        vm.undo();
    }

    @FXML
    void redo() {
        vm.redo();
    }

    @FXML
    void clear() {
        vm.clear();
    }

    /** Puts the keyboard on the pad, so Delete, Ctrl+Z and Ctrl+Y act on the drawing. */
    public void focusPad() {
        pad.requestFocus();
    }

    /** Stops the per-frame timer when the window goes. */
    public void dispose() {
        frame.stop();
    }
}
