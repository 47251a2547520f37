package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.inkling.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verdict on the command line: per drawing in {@code predict}, summarised in {@code predict} and {@code evaluate}. */
class VerdictCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void everyPredictionCarriesAVerdictAndTheSummaryCountsThem() throws Exception {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"label\": 1, \"strokes\": [[[100, 100], [100, 180], [101, 260]]]}",
                "{\"label\": 7, \"strokes\": [[[100, 100], [200, 100], [150, 200], [120, 260]]]}",
                "{\"strokes\": []}",
                "") );
        CommandLineTest.Run r = CommandLineTest.run("predict", "--strokes", file.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(4);
        int accepted = 0;
        for (String line : lines.subList(0, 3)) {
            Map<String, Object> m = Json.parseObject(line);
            assertThat(Set.of("digit", "unsure", "not_a_digit")).contains((String) m.get("verdict"));
            assertThat(m.get("accepted")).isEqualTo("digit".equals(m.get("verdict")));
            assertThat((List<?>) m.get("probabilities")).hasSize(10);
            if ((Boolean) m.get("accepted")) accepted++;
        }
        Map<String, Object> blank = Json.parseObject(lines.get(2));
        assertThat(blank.get("verdict")).isEqualTo("not_a_digit");
        assertThat(blank.get("candidates")).isEqualTo(List.of());
        Map<String, Object> s = r.summary();
        assertThat(((Number) s.get("count")).intValue()).isEqualTo(3);
        assertThat(((Number) s.get("accepted_share")).doubleValue()).isEqualTo(accepted / 3.0);
        assertThat(s).containsKeys("accuracy", "accuracy_accepted", "verdicts");
        @SuppressWarnings("unchecked")
        Map<String, Object> kinds = (Map<String, Object>) s.get("verdicts");
        assertThat(kinds.values().stream().mapToInt(v -> ((Number) v).intValue()).sum()).isEqualTo(3);

        CommandLineTest.Run plain = CommandLineTest.run("predict", "--strokes", file.toString());
        assertThat(plain.out()).contains("mixed.jsonl:3: not a digit").contains("Verdicts: ").contains("accepted");
    }

    /**
     * Drawings labelled "not a digit" (held-out Hershey letters) beside pen digits: the summary counts
     * how many of them were refused, leaves them out of the digits' accuracy, and counts one accepted
     * as a wrong acceptance; the lines carry the label by name.
     */
    @Test
    void drawingsLabelledNotADigitAreScoredByWhetherTheyWereRefused() throws Exception {
        Path root = Path.of(System.getProperty("user.dir"), "resources", "strokes");
        List<String> letters = Files.readAllLines(root.resolve("hershey-letters-held-out.jsonl")).subList(0, 40);
        List<String> digits = Files.readAllLines(root.resolve("hershey-digits.jsonl")).subList(0, 30);
        StringBuilder sb = new StringBuilder();
        for (String l : letters) {
            Map<String, Object> m = Json.parseObject(l);
            sb.append("{\"label\":\"not_a_digit\",\"strokes\":").append(Json.write(m.get("strokes"))).append("}\n");
        }
        for (String l : digits) sb.append(l).append('\n');
        Path file = Files.writeString(dir.resolve("letters-and-digits.jsonl"), sb.toString());

        CommandLineTest.Run r = CommandLineTest.run("predict", "--strokes", file.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.lines();
        int refusedLetters = 0, acceptedLetters = 0, right = 0, acceptedDigits = 0, acceptedRight = 0;
        for (int i = 0; i < 70; i++) {
            Map<String, Object> m = Json.parseObject(lines.get(i));
            boolean accepted = (Boolean) m.get("accepted");
            if (i < 40) {
                assertThat(m.get("label")).isEqualTo("not_a_digit");
                if (accepted) acceptedLetters++;
                else refusedLetters++;
            } else {
                int label = ((Number) m.get("label")).intValue();
                if (((Number) m.get("prediction")).intValue() == label) right++;
                if (accepted) {
                    acceptedDigits++;
                    if (((Number) m.get("prediction")).intValue() == label) acceptedRight++;
                }
            }
        }
        assertThat(refusedLetters).as("the shipped model refuses most held-out letters").isGreaterThan(30);
        Map<String, Object> s = r.summary();
        assertThat(((Number) s.get("non_digits")).intValue()).isEqualTo(40);
        assertThat(((Number) s.get("non_digits_refused")).doubleValue()).isEqualTo(refusedLetters / 40.0);
        assertThat(((Number) s.get("accuracy")).doubleValue()).isEqualTo(right / 30.0);
        assertThat(((Number) s.get("accuracy_accepted")).doubleValue())
                .isEqualTo(acceptedRight / (double) (acceptedDigits + acceptedLetters));
        assertThat(sum(s.get("confusion_matrix"))).as("the digits' confusion counts the 30 digits only").isEqualTo(30);

        CommandLineTest.Run plain = CommandLineTest.run("predict", "--strokes", file.toString());
        assertThat(plain.out()).contains("letters-and-digits.jsonl:1: ").contains("refused, right")
                .contains(String.format(java.util.Locale.ROOT, "Of the 40 labelled not a digit: %.2f%% refused", 100.0 * refusedLetters / 40));
    }

    private static int sum(Object nested) {
        if (nested instanceof Number n) return n.intValue();
        int total = 0;
        for (Object o : (List<?>) nested) total += sum(o);
        return total;
    }

    @Test
    void evaluateReportsTheVerdictsAndCalibrationAndDrawsTheDiagram() throws Exception {
        Path png = dir.resolve("reliability.png");
        CommandLineTest.Run r = CommandLineTest.run("evaluate", "--data", CommandLineTest.MNIST, "--reliability", png.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> s = r.summary();
        assertThat(((Number) s.get("accepted_share")).doubleValue()).isBetween(0.9, 1.0);
        assertThat(((Number) s.get("accuracy_accepted")).doubleValue())
                .isGreaterThanOrEqualTo(((Number) s.get("accuracy")).doubleValue());
        assertThat(((Number) s.get("ece_raw")).doubleValue()).isBetween(0.0, 0.05);
        assertThat(((Number) s.get("ece_calibrated")).doubleValue()).isBetween(0.0, 0.01);
        var image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(image.getHeight());
    }
}
