package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.inkling.json.Json;
import org.inkling.models.Models;
import org.inkling.nn.Metrics;
import org.inkling.nn.Sequential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate --misclassified} and {@code explain}, driven as a user would, with the shipped model. */
class InspectCommandsTest {
    private static final Pattern NAME = Pattern.compile("true(\\d)-read(\\d)-p([0-9.]+)-i(\\d{5})\\.png");

    @TempDir
    Path dir;

    private static float[] grey(Path png) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        float[] x = new float[784];
        for (int i = 0; i < 784; i++) x[i] = img.getRaster().getSample(i % 28, i / 28, 0) / 255f;
        return x;
    }

    @Test
    void misclassifiedWritesEveryMisreadTestImageNamedByTrueAndReadDigit() throws Exception {
        Path out = dir.resolve("wrong");
        CommandLineTest.Run r = CommandLineTest.run("evaluate", "--data", CommandLineTest.MNIST, "--misclassified", out.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, Object> s = r.summary();
        long wrong = Math.round((1 - ((Number) s.get("accuracy")).doubleValue()) * 10_000);
        List<Path> files;
        try (Stream<Path> l = Files.list(out)) {
            files = l.sorted().toList();
        }
        assertThat(files).hasSize((int) wrong);
        assertThat(((Number) s.get("misclassified_written")).longValue()).isEqualTo(wrong);
        Sequential model = Models.builtIn().network();
        for (Path f : files.subList(0, Math.min(10, files.size()))) {
            Matcher m = NAME.matcher(f.getFileName().toString());
            assertThat(m.matches()).as(f.toString()).isTrue();
            int truth = Integer.parseInt(m.group(1)), read = Integer.parseInt(m.group(2));
            assertThat(read).isNotEqualTo(truth);
            // the PNG holds the test image's bytes exactly, so the model reads it as the name says (its
            // likeliest digit: a model with a "not a digit" class may find that likelier still)
            assertThat(Metrics.argmax(java.util.Arrays.copyOf(model.predict(grey(f)), 10))).isEqualTo(read);
        }
    }

    @Test
    void explainWritesTheInputAndItsWhyMapForEachDrawing() throws Exception {
        Path strokes = dir.resolve("three.jsonl");
        List<String> hershey = Files.readAllLines(Path.of("resources/strokes/hershey-digits.jsonl")).subList(0, 3);
        Files.write(strokes, hershey);
        Path out = dir.resolve("why");
        CommandLineTest.Run r = CommandLineTest.run("explain", "--strokes", strokes.toString(), "--out", out.toString(),
                "--scale", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = r.lines();
        assertThat(lines).hasSize(4);
        CommandLineTest.Run predict = CommandLineTest.run("predict", "--strokes", strokes.toString(), "--json");
        for (int i = 0; i < 3; i++) {
            Map<String, Object> o = Json.parseObject(lines.get(i));
            assertThat(o.get("prediction")).isEqualTo(Json.parseObject(predict.lines().get(i)).get("prediction"));
            assertThat(o.get("runner_up")).isNotEqualTo(o.get("prediction"));
            float[] input = org.inkling.ink.InkRenderer.toMnist(org.inkling.ink.StrokeFile.read(strokes).get(i).ink());
            float[] png = grey(out.resolve(o.get("input").toString()));
            for (int p = 0; p < 784; p++) assertThat(png[p]).isCloseTo(input[p], org.assertj.core.data.Offset.offset(1 / 509f));
            BufferedImage why = ImageIO.read(out.resolve(o.get("why").toString()).toFile());
            int tinted = 0;
            for (int p = 0; p < 784; p++) {
                int rgb = why.getRGB(p % 28, p / 28) & 0xFFFFFF;
                if (input[p] == 0f) assertThat(rgb).as("blank pixel %d", p).isZero(); // the map stays on the ink
                else if (((rgb >> 16) & 0xFF) != ((rgb) & 0xFF)) tinted++;
            }
            assertThat(tinted).isPositive();
        }
        assertThat(((Number) r.summary().get("count")).intValue()).isEqualTo(3);
    }

    /** A drawing labelled "not a digit" is labelled, and left out of the likeliest digit's accuracy. */
    @Test
    void explainCountsADrawingLabelledNotADigitAsLabelledButNotInTheAccuracy() throws Exception {
        Path strokes = dir.resolve("digit-and-letter.jsonl");
        String digit = Files.readAllLines(Path.of("resources/strokes/hershey-digits.jsonl")).get(0);
        Map<String, Object> letter = Json.parseObject(Files.readAllLines(Path.of("resources/strokes/hershey-letters-held-out.jsonl")).get(0));
        Files.write(strokes, List.of(digit, "{\"label\":\"not_a_digit\",\"strokes\":" + Json.write(letter.get("strokes")) + "}"));
        CommandLineTest.Run r = CommandLineTest.run("explain", "--strokes", strokes.toString(), "--out", dir.resolve("why2").toString(),
                "--scale", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Json.parseObject(r.lines().get(1)).get("label")).isEqualTo("not_a_digit");
        Map<String, Object> s = r.summary();
        assertThat(((Number) s.get("labelled")).intValue()).isEqualTo(2);
        boolean digitRight = ((Number) Json.parseObject(r.lines().get(0)).get("prediction")).intValue()
                == ((Number) Json.parseObject(digit).get("label")).intValue();
        assertThat(((Number) s.get("accuracy")).doubleValue()).isEqualTo(digitRight ? 1.0 : 0.0);
    }

    @Test
    void explainOfAnElevenClassModelNamesTheLikeliestDigitAndSaysTheReadingIsNotADigit() throws Exception {
        Sequential net = new Sequential(784, List.of(new org.inkling.nn.Dense(11, org.inkling.nn.Activation.SOFTMAX)), 3);
        net.params().get(1).value().data[10] = 20f; // whatever is drawn, "not a digit" outweighs every digit
        List<String> classes = new java.util.ArrayList<>();
        for (int d = 0; d < 10; d++) classes.add(Integer.toString(d));
        classes.add(org.inkling.nn.VerdictRule.NOT_A_DIGIT);
        Path model = dir.resolve("eleven.inkling");
        org.inkling.nn.ModelFile.save(model, new org.inkling.nn.SavedModel("eleven", net, Map.of(), Map.of(), classes));
        Path strokes = dir.resolve("three.jsonl");
        Files.write(strokes, Files.readAllLines(Path.of("resources/strokes/hershey-digits.jsonl")).subList(0, 3));
        Path out = dir.resolve("why");

        CommandLineTest.Run r = CommandLineTest.run("explain", "--model", model.toString(), "--strokes", strokes.toString(),
                "--out", out.toString(), "--scale", "1", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> o = Json.parseObject(r.lines().get(i));
            assertThat(o.get("verdict")).isEqualTo("not_a_digit");
            assertThat(o.get("accepted")).isEqualTo(false);
            int read = ((Number) o.get("prediction")).intValue(), runnerUp = ((Number) o.get("runner_up")).intValue();
            assertThat(read).isBetween(0, 9);
            assertThat(runnerUp).isBetween(0, 9).isNotEqualTo(read);
            float[] input = org.inkling.ink.InkRenderer.toMnist(org.inkling.ink.StrokeFile.read(strokes).get(i).ink());
            float[] p = net.predict(input);
            assertThat(read).isEqualTo(Metrics.argmax(java.util.Arrays.copyOf(p, 10)));
            assertThat((List<?>) o.get("probabilities")).hasSize(10);
        }
        CommandLineTest.Run text = CommandLineTest.run("explain", "--model", model.toString(), "--strokes", strokes.toString(),
                "--out", out.toString(), "--scale", "1");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("00001: not a digit; the likeliest digit ").doesNotContain("read 10");
    }
}
