package org.inkling.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

class RoundLogAxisTest {
    private static List<String> labels(double lo, double hi) {
        return TrainingCharts.RoundLogAxis.roundTicks(new Range(lo, hi), TextAnchor.CENTER_RIGHT).stream()
                .filter(t -> t.getTickType() == TickType.MAJOR).map(ValueTick::getText).toList();
    }

    @Test
    void aLossWithinADecadeOrTwoIsLabelledAtOneTwoAndFive() {
        assertThat(labels(0.25, 2.5)).containsExactly("0.5", "1", "2");
        assertThat(labels(0.03, 2.4)).containsExactly("0.05", "0.1", "0.2", "0.5", "1", "2");
    }

    @Test
    void manyDecadesAreLabelledAtThePowersOfTenOnlyWithMarksBetween() {
        assertThat(labels(1e-4, 10)).containsExactly("0.0001", "0.001", "0.01", "0.1", "1", "10");
        List<ValueTick> all = TrainingCharts.RoundLogAxis.roundTicks(new Range(1e-4, 10), TextAnchor.CENTER_RIGHT);
        assertThat(all).hasSize(5 * 9 + 1);
        assertThat(all).filteredOn(t -> t.getTickType() == TickType.MINOR).allMatch(t -> t.getText().isEmpty());
    }

    @Test
    void aRangeThatIsNotPositiveHasNoTicks() {
        assertThat(labels(0, 1)).isEmpty();
    }
}
