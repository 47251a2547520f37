package org.inkling.app.shared;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/**
 * Lets a form laid out in a {@link GridPane} of equal columns reflow to fewer columns when it gets
 * narrow, like a web form at a breakpoint, instead of cutting its combo boxes short or making its
 * tab scroll sideways. The cells keep their reading order (row by row, as the FXML places them at
 * full width) and their column spans, capped at the columns there are. Wide, the grid has the
 * FXML's own columns; narrow, equal ones.
 *
 * <p>The width that decides comes from the parent (a tab's viewport), not from the columns, so
 * switching cannot make it cross the breakpoint back: fewer columns change the form's height only.
 */
public final class ReflowGrid {
    private final GridPane grid;
    private final List<Cell> cells = new ArrayList<>();
    /** The FXML's own columns, used again whenever the grid is wide. */
    private final List<ColumnConstraints> wideConstraints;
    private final int wideColumns;
    private final int narrowColumns;
    private final double breakpoint;
    private int columns;

    private record Cell(Node node, int span) {}

    private ReflowGrid(GridPane grid, int wideColumns, int narrowColumns, double breakpoint) {
        this.grid = grid;
        this.wideColumns = wideColumns;
        this.narrowColumns = narrowColumns;
        this.breakpoint = breakpoint;
        this.wideConstraints = List.copyOf(grid.getColumnConstraints());
        List<Node> nodes = new ArrayList<>(grid.getChildren());
        nodes.sort(Comparator.comparingInt((Node n) -> index(GridPane.getRowIndex(n)))
                .thenComparingInt(n -> index(GridPane.getColumnIndex(n))));
        for (Node n : nodes) {
            Integer span = GridPane.getColumnSpan(n);
            cells.add(new Cell(n, span == null || span < 1 ? 1 : span));
        }
    }

    /**
     * Makes {@code grid} use {@code narrowColumns} while it is narrower than {@code breakpoint}
     * pixels and {@code wideColumns} (as laid out in its FXML) from there on.
     */
    public static ReflowGrid install(GridPane grid, int wideColumns, int narrowColumns, double breakpoint) {
        if (narrowColumns < 1 || narrowColumns > wideColumns) {
            throw new IllegalArgumentException("columns: " + narrowColumns + " narrow, " + wideColumns + " wide");
        }
        ReflowGrid reflow = new ReflowGrid(grid, wideColumns, narrowColumns, breakpoint);
        reflow.layOut(wideColumns);
        grid.widthProperty().addListener((obs, old, now) -> reflow.fit(now.doubleValue()));
        return reflow;
    }

    /** The columns in use now. */
    public int columns() {
        return columns;
    }

    private void fit(double width) {
        // A grid not yet laid out reports 0: keep the full layout until it has a real width.
        if (width <= 0) return;
        int before = columns;
        layOut(width < breakpoint ? narrowColumns : wideColumns);
        if (columns != before && javafx.application.Platform.isFxApplicationThread()) {
            // The width arrives while the parents lay out, and they mark themselves done afterwards:
            // ask again once they have, or they keep the height of the old rows (cells overlap).
            javafx.application.Platform.runLater(grid::requestLayout);
        }
    }

    private void layOut(int count) {
        if (count == columns) return;
        columns = count;
        int row = 0, column = 0;
        for (Cell cell : cells) {
            int span = Math.min(cell.span(), count);
            if (column + span > count) {
                row++;
                column = 0;
            }
            GridPane.setConstraints(cell.node(), column, row, span, 1);
            column += span;
            if (column == count) {
                row++;
                column = 0;
            }
        }
        grid.getColumnConstraints().setAll(columnsFor(count));
    }

    private List<ColumnConstraints> columnsFor(int count) {
        if (count == wideColumns && wideConstraints.size() == wideColumns) return wideConstraints;
        List<ColumnConstraints> equal = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setHgrow(Priority.ALWAYS);
            c.setPercentWidth(100.0 / count);
            c.setMinWidth(0);
            equal.add(c);
        }
        return equal;
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }
}
