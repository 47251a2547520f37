package org.inkling.ink.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.StrokeFile;
import org.junit.jupiter.api.Test;

/** The stroke sets kept in the repository as test data. */
class StrokeResourcesTest {
    /** Read from the checkout: the stroke sets are test data, kept out of the app's jar. */
    private static List<LabeledInk> load(String name) throws Exception {
        return StrokeFile.read(Path.of("resources/strokes", name));
    }

    private static Map<Integer, Integer> perDigit(List<LabeledInk> items) {
        Map<Integer, Integer> m = new TreeMap<>();
        items.forEach(i -> m.merge(i.label(), 1, Integer::sum));
        return m;
    }

    @Test
    void hersheyDigitsAreBalancedAndSmall() throws Exception {
        List<LabeledInk> items = load("hershey-digits.jsonl");
        assertThat(items).hasSizeBetween(1000, 4000);
        assertThat(perDigit(items)).hasSize(10).allSatisfy((d, n) -> assertThat(n).isEqualTo(items.size() / 10));
        assertThat(Files.size(Path.of("resources/strokes/hershey-digits.jsonl"))).isLessThan(3_000_000);
    }

    @Test
    void syntheticStylesFileIsWhatTheTestSeedMakes() throws Exception {
        List<LabeledInk> items = load("synthetic-styles.jsonl");
        assertThat(perDigit(items)).hasSize(10).allSatisfy((d, n) -> assertThat(n).isBetween(50, 300));
        int perDigit = items.size() / 10;
        List<String> expected = new ArrayList<>();
        for (DigitSynthesizer.Sample s : DigitSynthesizer.generateWithStyles(perDigit, DigitSynthesizer.TEST_SEED)) {
            expected.add(StrokeFile.toLine(s.ink(), 1, Map.of("style", s.style().name())));
        }
        List<String> actual = Files.readAllLines(Path.of("resources/strokes/synthetic-styles.jsonl"), StandardCharsets.UTF_8);
        assertThat(actual)
                .as("resources/strokes/synthetic-styles.jsonl is stale: regenerate with org.inkling.ink.synth.DigitSynthesizer")
                .isEqualTo(expected);
    }
}
