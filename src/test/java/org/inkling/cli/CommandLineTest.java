package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inkling.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the {@code inkling} command in-process, as a user would from a shell, on the real MNIST files. */
class CommandLineTest {
    static final String MNIST = org.inkling.data.TestMnist.dir().toString();

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines().filter(l -> !l.isBlank()).toList();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> summary() {
            List<String> l = lines();
            return (Map<String, Object>) Json.parseObject(l.get(l.size() - 1)).get("summary");
        }
    }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = InklingCommand.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void trainLearnsRealMnistThenEvaluateAndPredictReadTheSavedModel() throws Exception {
        Path model = dir.resolve("small.inkling");
        Run train = run("train", "--data", MNIST, "--arch", "128", "--limit", "20000", "--epochs", "2",
                "--seed", "7", "--out", model.toString(), "--json");
        assertThat(train.exitCode()).as(train.err()).isZero();
        Map<String, Object> s = train.summary();
        // Chance is 10%; two epochs on a third of the data get past 93% only by learning.
        assertThat(((Number) s.get("test_accuracy")).doubleValue()).isGreaterThan(0.93);
        assertThat((List<?>) s.get("epoch_seconds")).hasSize(2);
        assertThat(train.lines().get(train.lines().size() - 2)).contains("\"event\":\"epoch\"");

        Run eval = run("evaluate", "--model", model.toString(), "--data", MNIST, "--json");
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        Map<String, Object> e = eval.summary();
        assertThat(((Number) e.get("accuracy")).doubleValue()).isEqualTo(((Number) s.get("test_accuracy")).doubleValue());
        List<?> confusion = (List<?>) e.get("confusion_matrix");
        assertThat(confusion).hasSize(10);
        long total = confusion.stream().flatMap(r -> ((List<?>) r).stream()).mapToLong(v -> ((Number) v).longValue()).sum();
        assertThat(total).isEqualTo(10_000);

        Run predict = run("predict", "--model", model.toString(), "--idx", MNIST + "/t10k-images-idx3-ubyte.gz", "--json");
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = predict.lines();
        assertThat(lines).hasSize(10_001);
        Map<String, Object> first = Json.parseObject(lines.get(0));
        assertThat(first.get("prediction")).isEqualTo(7L); // the first test image is a 7
        double sum = ((List<?>) first.get("probabilities")).stream().mapToDouble(v -> ((Number) v).doubleValue()).sum();
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void badArgumentsExitWithTwoAndAMessageNotAStackTrace() {
        Run r = run("train", "--epochs", "many");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--epochs").doesNotContain("Exception");

        Run arch = run("train", "--arch", "512,banana", "--data", MNIST);
        assertThat(arch.exitCode()).isEqualTo(2);
        assertThat(arch.err()).contains("banana").doesNotContain("\tat ");

        Run lr = run("train", "--lr", "-1", "--data", MNIST);
        assertThat(lr.exitCode()).isEqualTo(2);
        assertThat(lr.err()).contains("-1");
    }

    @Test
    void aDamagedModelFileIsNamedInTheError() throws Exception {
        Path broken = dir.resolve("broken.inkling");
        Files.write(broken, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        Run r = run("evaluate", "--model", broken.toString(), "--data", MNIST);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("broken.inkling").doesNotContain("\tat ");
    }

    @Test
    void renderWritesOneImagePerDrawing() throws Exception {
        Path strokes = dir.resolve("two.jsonl");
        Files.writeString(strokes, """
                {"label": 1, "strokes": [[[10, 0], [10, 50], [10, 100]]]}
                {"strokes": [[[0, 0], [40, 0], [0, 60], [40, 60]]], "writer": "ignored"}
                """);
        Path out = dir.resolve("png");
        Run r = run("render", "--strokes", strokes.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("00001-1.png")).exists();
        assertThat(out.resolve("00002.png")).exists();
    }

    @Test
    void aMalformedStrokeLineIsReportedWithItsNumber() throws Exception {
        Path strokes = dir.resolve("bad.jsonl");
        Files.writeString(strokes, "{\"strokes\": [[[0, 0], [1, 1]]]}\n{\"strokes\": [[[0, 0], [1]]]}\n");
        Run r = run("render", "--strokes", strokes.toString(), "--out", dir.resolve("x").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("bad.jsonl").contains("2");
    }
}
