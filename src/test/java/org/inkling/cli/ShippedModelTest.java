package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.inkling.json.Json;
import org.inkling.nn.SavedModel;
import org.junit.jupiter.api.Test;

/**
 * The model that ships with Inkling, judged as issue 5 asks: on the MNIST test set, and on drawn
 * digits that are not MNIST (Hershey vector-font digits written by a simulated pen, and the
 * synthetic world-style set), through the same ink pipeline as the app.
 */
class ShippedModelTest {
    @Test
    void itRecordsItsRecipeAndReachesNinetyNinePercentOnTheMnistTestSet() throws Exception {
        SavedModel shipped = org.inkling.models.Models.builtIn();
        assertThat(shipped.recipe()).containsKey("command");
        assertThat((String) shipped.recipe().get("command")).startsWith("inkling train");

        CommandLineTest.Run eval = CommandLineTest.run("evaluate", "--data", CommandLineTest.MNIST, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        double accuracy = ((Number) eval.summary().get("accuracy")).doubleValue();
        assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
        assertThat(((Number) shipped.metrics().get("test_accuracy")).doubleValue()).isEqualTo(accuracy);
    }

    @Test
    void itReadsHersheyDigitsWrittenWithAPen() {
        assertThat(strokeAccuracy("resources/strokes/hershey-digits.jsonl")).isGreaterThanOrEqualTo(0.98);
    }

    @Test
    void itReadsTheWorldsStylesOfDigits() {
        assertThat(strokeAccuracy("resources/strokes/synthetic-styles.jsonl")).isGreaterThanOrEqualTo(0.98);
    }

    private static double strokeAccuracy(String file) {
        CommandLineTest.Run r = CommandLineTest.run("predict", "--strokes", file, "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.lines();
        Map<String, Object> first = Json.parseObject(lines.get(0));
        assertThat(first).containsKeys("prediction", "probabilities", "label");
        Map<String, Object> summary = r.summary();
        assertThat(((Number) summary.get("count")).intValue()).isEqualTo(lines.size() - 1);
        return ((Number) summary.get("accuracy")).doubleValue();
    }
}
