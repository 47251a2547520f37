package org.inkling.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** The training form's reflow: the same cells, in reading order, in four columns or two. */
class ReflowGridTest {
    /** The Train tab's form: a cell two wide, then ten single cells, four to a row. */
    private final GridPane grid = new GridPane();
    private final List<Region> cells = new ArrayList<>();

    ReflowGridTest() {
        add(0, 0, 2);
        add(2, 0, 1);
        add(3, 0, 1);
        for (int row = 1; row <= 2; row++) {
            for (int column = 0; column < 4; column++) add(column, row, 1);
        }
    }

    private void add(int column, int row, int span) {
        Region r = new Region();
        // Added out of order on purpose: the reading order comes from the FXML's rows and columns.
        grid.getChildren().add(0, r);
        GridPane.setConstraints(r, column, row, span, 1);
        cells.add(r);
    }

    private int[] at(Region r) {
        return new int[] {GridPane.getColumnIndex(r), GridPane.getRowIndex(r), GridPane.getColumnSpan(r)};
    }

    @Test
    void narrowTheCellsFlowIntoTwoColumnsInReadingOrderAndWideTheyComeBack() {
        ReflowGrid reflow = ReflowGrid.install(grid, 4, 2, 480);
        grid.resize(600, 200);
        assertThat(reflow.columns()).isEqualTo(4);
        assertThat(at(cells.get(0))).containsExactly(0, 0, 2);
        assertThat(at(cells.get(10))).containsExactly(3, 2, 1);

        grid.resize(392, 200);
        assertThat(reflow.columns()).isEqualTo(2);
        assertThat(grid.getColumnConstraints()).hasSize(2).allSatisfy(c -> assertThat(c.getPercentWidth()).isEqualTo(50));
        assertThat(at(cells.get(0))).as("the wide cell takes a whole row").containsExactly(0, 0, 2);
        assertThat(at(cells.get(1))).containsExactly(0, 1, 1);
        assertThat(at(cells.get(2))).containsExactly(1, 1, 1);
        assertThat(at(cells.get(3))).containsExactly(0, 2, 1);
        assertThat(at(cells.get(10))).containsExactly(1, 5, 1);

        grid.resize(800, 200);
        assertThat(reflow.columns()).isEqualTo(4);
        assertThat(grid.getColumnConstraints()).hasSize(4);
        for (int i = 3; i < cells.size(); i++) {
            assertThat(at(cells.get(i))).containsExactly((i - 3) % 4, 1 + (i - 3) / 4, 1);
        }
    }

    @Test
    void aCellWiderThanTheNarrowLayoutIsCappedAndStartsItsOwnRow() {
        GridPane g = new GridPane();
        Region a = new Region(), wide = new Region();
        g.getChildren().addAll(a, wide);
        GridPane.setConstraints(a, 0, 0, 1, 1);
        GridPane.setConstraints(wide, 1, 0, 3, 1);
        ReflowGrid.install(g, 4, 2, 480);
        g.resize(300, 100);
        assertThat(at(a)).containsExactly(0, 0, 1);
        assertThat(at(wide)).containsExactly(0, 1, 2);
    }
}
