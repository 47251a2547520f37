package org.inkling.app.inspection;

import java.util.function.BiConsumer;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;

/**
 * The 10x10 confusion matrix as a heat map with counts: rows are the true digit, columns what the
 * network read. Right readings (the diagonal) are shaded green by their share of the row, wrong
 * ones red by theirs, so a handful of confusions stands out beside a full diagonal. A click on a
 * cell reports (true, read).
 */
public final class ConfusionHeatMap extends GridPane {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass STRONG = PseudoClass.getPseudoClass("strong");
    private final Label[][] cells = new Label[10][10];
    private BiConsumer<Integer, Integer> onCellClicked = (a, p) -> {};

    public ConfusionHeatMap() {
        getStyleClass().add("confusion-map");
        setHgap(1);
        setVgap(1);
        // The axes are named in the title above (rows true, columns read), not in the corner: the
        // matrix must fit a 340 px column on a 1024 px screen with four-digit counts readable.
        for (int d = 0; d < 10; d++) {
            Label col = new Label(Integer.toString(d));
            col.getStyleClass().add("confusion-axis");
            col.setMaxWidth(Double.MAX_VALUE);
            col.setAlignment(Pos.CENTER);
            add(col, d + 1, 0);
            Label row = new Label(Integer.toString(d));
            row.getStyleClass().add("confusion-axis");
            add(row, 0, d + 1);
        }
        for (int a = 0; a < 10; a++) {
            for (int p = 0; p < 10; p++) {
                Label c = new Label("");
                c.setId("cell-" + a + "-" + p);
                c.getStyleClass().add("confusion-cell");
                c.setAlignment(Pos.CENTER);
                c.setMinSize(29, 24); // "1135" (the most of one digit in MNIST test) at 11 px
                c.setPrefSize(40, 26);
                c.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
                int actual = a, read = p;
                c.setOnMouseClicked(e -> onCellClicked.accept(actual, read));
                cells[a][p] = c;
                add(c, p + 1, a + 1);
            }
        }
    }

    public void setOnCellClicked(BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
    }

    /** Shows the counts, or empty cells for null. */
    public void show(int[][] m) {
        for (int a = 0; a < 10; a++) {
            int total = 0;
            if (m != null) for (int v : m[a]) total += v;
            for (int p = 0; p < 10; p++) {
                Label c = cells[a][p];
                if (m == null) {
                    c.setText("");
                    c.setBackground(null);
                    continue;
                }
                int n = m[a][p];
                c.setText(n == 0 ? "" : Integer.toString(n));
                double share = total == 0 ? 0 : n / (double) total;
                // a wrong share of 20% already reads as strong red: mistakes are rare
                double t = a == p ? share : Math.min(1, Math.sqrt(share / 0.2));
                Color base = a == p ? Color.web("#2e9d58") : Color.web("#d9452b");
                Color fill = n == 0 ? Color.TRANSPARENT : Color.color(base.getRed(), base.getGreen(), base.getBlue(), 0.12 + 0.88 * t);
                // Backgrounds set in code, not inline styles: 100 inline styles re-parse CSS on every update.
                c.setBackground(n == 0 ? null : new Background(new BackgroundFill(fill, null, null)));
                c.pseudoClassStateChanged(STRONG, t > 0.55);
            }
        }
    }

    /** Marks the selected cell (or none for -1). */
    public void select(int actual, int predicted) {
        for (int a = 0; a < 10; a++) for (int p = 0; p < 10; p++) cells[a][p].pseudoClassStateChanged(SELECTED, a == actual && p == predicted);
    }

    public String text(int actual, int predicted) {
        return cells[actual][predicted].getText();
    }
}
