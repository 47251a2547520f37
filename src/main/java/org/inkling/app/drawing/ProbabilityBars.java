package org.inkling.app.drawing;

import org.inkling.app.model.Classifier;

import javafx.css.PseudoClass;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Ten rows, 0 to 9: the digit, a bar, the percentage; the most probable row is highlighted. */
public final class ProbabilityBars extends GridPane {
    private static final PseudoClass TOP = PseudoClass.getPseudoClass("top");
    private final Label[] digits = new Label[Classifier.CLASSES];
    private final ProgressBar[] bars = new ProgressBar[Classifier.CLASSES];
    private final Label[] percents = new Label[Classifier.CLASSES];

    public ProbabilityBars() {
        getStyleClass().add("probability-bars");
        ColumnConstraints digit = new ColumnConstraints(18);
        digit.setHalignment(HPos.CENTER);
        ColumnConstraints bar = new ColumnConstraints(60, 160, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        ColumnConstraints percent = new ColumnConstraints(52);
        percent.setHalignment(HPos.RIGHT);
        getColumnConstraints().addAll(digit, bar, percent);
        for (int d = 0; d < Classifier.CLASSES; d++) {
            digits[d] = new Label(Integer.toString(d));
            digits[d].getStyleClass().add("bar-digit");
            bars[d] = new ProgressBar(0);
            bars[d].setId("bar-" + d);
            bars[d].getStyleClass().add("probability-bar");
            bars[d].setMaxWidth(Double.MAX_VALUE);
            percents[d] = new Label("–");
            percents[d].setId("percent-" + d);
            percents[d].getStyleClass().add("bar-percent");
            addRow(d, digits[d], bars[d], percents[d]);
            int row = d;
            for (javafx.scene.Node n : new javafx.scene.Node[] {digits[d], bars[d], percents[d]}) {
                n.setOnMouseClicked(e -> {
                    if (onDigitClicked != null) onDigitClicked.accept(row);
                });
            }
        }
    }

    private java.util.function.IntConsumer onDigitClicked;

    /** Clicking a row says "it is this digit" (teaching); null to ignore clicks. */
    public void setOnDigitClicked(java.util.function.IntConsumer handler) {
        this.onDigitClicked = handler;
        for (int d = 0; d < Classifier.CLASSES; d++) {
            javafx.scene.Node[] row = {digits[d], bars[d], percents[d]};
            for (javafx.scene.Node n : row) n.setCursor(handler == null ? null : javafx.scene.Cursor.HAND);
        }
    }

    /** Shows ten probabilities, or an empty state for null. */
    public void show(float[] p) {
        int best = -1;
        if (p != null) {
            best = 0;
            for (int d = 1; d < Classifier.CLASSES; d++) {
                if (p[d] > p[best]) {
                    best = d;
                }
            }
        }
        for (int d = 0; d < Classifier.CLASSES; d++) {
            double value = p == null ? 0 : p[d];
            bars[d].setProgress(value);
            percents[d].setText(p == null ? "–" : formatPercent(value));
            boolean top = d == best;
            digits[d].pseudoClassStateChanged(TOP, top);
            bars[d].pseudoClassStateChanged(TOP, top);
            percents[d].pseudoClassStateChanged(TOP, top);
        }
    }

    static String formatPercent(double value) {
        return String.format("%.1f%%", 100 * value);
    }
}
