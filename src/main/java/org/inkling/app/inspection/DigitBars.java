package org.inkling.app.inspection;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Ten rows, 0 to 9: the digit, a bar, a percentage. Used for per-class accuracy and for an
 * example's probabilities; ids carry a prefix so that two of them and the pad's bars stay apart.
 */
public final class DigitBars extends GridPane {
    private final ProgressBar[] bars = new ProgressBar[10];
    private final Label[] values = new Label[10];
    private String idPrefix;

    public DigitBars() {
        this("digit");
    }

    public DigitBars(String idPrefix) {
        getStyleClass().add("digit-bars");
        setHgap(6);
        setVgap(3);
        ColumnConstraints digit = new ColumnConstraints(16);
        digit.setHalignment(HPos.CENTER);
        ColumnConstraints bar = new ColumnConstraints(40, 120, Double.MAX_VALUE);
        bar.setHgrow(Priority.ALWAYS);
        // Wide enough for "100.0%" and fixed, so the bars do not change length as the values do.
        ColumnConstraints value = new ColumnConstraints(60);
        value.setHalignment(HPos.RIGHT);
        getColumnConstraints().addAll(digit, bar, value);
        setIdPrefix(idPrefix);
    }

    /** Ids become {@code prefix-bar-d} and {@code prefix-value-d}. */
    public void setIdPrefix(String prefix) {
        this.idPrefix = prefix;
        getChildren().clear();
        for (int d = 0; d < 10; d++) {
            bars[d] = new ProgressBar(0);
            bars[d].setId(prefix + "-bar-" + d);
            bars[d].setMaxWidth(Double.MAX_VALUE);
            values[d] = new Label("–");
            values[d].setId(prefix + "-value-" + d);
            addRow(d, new Label(Integer.toString(d)), bars[d], values[d]);
        }
    }

    public String getIdPrefix() {
        return idPrefix;
    }

    /** Ten values in 0..1 (NaN shows as "–"), or all empty for null. */
    public void show(double[] v) {
        for (int d = 0; d < 10; d++) {
            double x = v == null ? Double.NaN : v[d];
            bars[d].setProgress(Double.isNaN(x) ? 0 : x);
            values[d].setText(Double.isNaN(x) ? "–" : String.format("%.1f%%", 100 * x));
        }
    }

    public void show(float[] v) {
        if (v == null) {
            show((double[]) null);
            return;
        }
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        show(d);
    }

    public double value(int digit) {
        return bars[digit].getProgress();
    }
}
