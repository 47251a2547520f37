package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkling.ink.Ink;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;
import org.inkling.ink.StrokeFile;
import org.inkling.models.Models;
import org.inkling.nn.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinetuneCommandTest {
    @TempDir
    Path dir;

    @Test
    void teachesFromAStrokeFileSavesAModelThatPredictReadsAndSummarises() throws Exception {
        List<LabeledInk> circles = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<Point> pts = new ArrayList<>();
            for (int a = 0; a <= 40; a++) {
                double t = 2 * Math.PI * a / 40;
                pts.add(new Point(150 + (60 + 6 * i) * Math.cos(t), 140 + (60 + 4 * i) * Math.sin(t)));
            }
            circles.add(new LabeledInk(7, Ink.of(new Stroke(pts))));
        }
        Path mine = dir.resolve("mine.jsonl");
        StrokeFile.write(mine, circles);
        Files.writeString(mine, Files.readString(mine) + "{\"label\": 3}\n");
        Path out = dir.resolve("taught.inkling");

        CommandLineTest.Run r = CommandLineTest.run("finetune", "--data", CommandLineTest.MNIST, "--strokes", mine.toString(),
                "--out", out.toString(), "--copies", "4", "--rehearsal", "10", "--synthetic", "2", "--epochs", "4",
                "--folds", "2", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("mine.jsonl:7: missing \"strokes\"");
        Map<String, Object> s = r.summary();
        assertThat(((Number) s.get("taught")).intValue()).isEqualTo(6);
        List<Integer> sevens = new java.util.ArrayList<>(java.util.Collections.nCopies(Models.builtIn().classNames().size(), 0));
        sevens.set(7, 6); // ten digits, and "not a digit" if the shipped model has it
        assertThat(((List<?>) s.get("taught_per_class")).stream().map(n -> ((Number) n).intValue()).toList())
                .isEqualTo(sevens);
        assertThat(((Number) s.get("accuracy_before")).doubleValue()).isZero();
        assertThat(s).containsKeys("cv_accuracy_after", "test_accuracy", "seconds");
        // circles taught as sevens with a small rehearsal cost some zeros, but the rest still reads
        assertThat(((Number) s.get("test_accuracy")).doubleValue()).isBetween(0.8, 1.0);

        SavedModel taught = Models.open(out);
        assertThat(taught.recipe().get("fine_tuned_from")).isEqualTo(Models.BUILT_IN_NAME);
        assertThat(((Number) taught.recipe().get("personal_digits")).intValue()).isEqualTo(6);

        Path clean = dir.resolve("circles.jsonl");
        StrokeFile.write(clean, circles);
        CommandLineTest.Run p = CommandLineTest.run("predict", "--model", out.toString(), "--strokes", clean.toString(), "--json");
        assertThat(((Number) p.summary().get("accuracy")).doubleValue()).isEqualTo(1.0);
    }

    @Test
    void aModelWithTheNotADigitClassKeepsItAndItsRuleInTheTaughtFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(org.inkling.training.NonDigitExamples.FONTS), "no Hershey fonts");
        Path base = Path.of("src/test/resources/models/format1-verdict-mlp.inkling");
        SavedModel before = Models.open(base);
        List<LabeledInk> sevens = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sevens.add(new LabeledInk(7, Ink.of(new Stroke(List.of(new Point(40, 40 + i), new Point(120, 40), new Point(70 + 3 * i, 160))))));
        }
        Path mine = dir.resolve("sevens.jsonl");
        StrokeFile.write(mine, sevens);
        Path out = dir.resolve("taught.inkling");
        CommandLineTest.Run r = CommandLineTest.run("finetune", "--model", base.toString(), "--data", CommandLineTest.MNIST,
                "--strokes", mine.toString(), "--out", out.toString(), "--copies", "2", "--rehearsal", "10", "--synthetic", "0",
                "--epochs", "2", "--folds", "0", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();

        SavedModel taught = Models.open(out);
        assertThat(taught.classNames()).isEqualTo(before.classNames());
        assertThat(taught.verdict()).isEqualTo(before.verdict());
        // the base trained on 2,800 examples, 300 of them non-digits: beside 100 digits it rehearses 12
        assertThat(((Number) taught.recipe().get("non_digit_rehearsal")).intValue()).isEqualTo(12);
    }

    /**
     * The loop for "not a digit": held-out letters the shipped model accepts as digits, taught as not
     * digits, are refused by the taught model, and the digits taught beside them still read.
     */
    @Test
    void lettersTaughtAsNotADigitAreRefusedAfterTheLesson() throws Exception {
        Path root = Path.of("resources", "strokes");
        Path letters = dir.resolve("letters.jsonl");
        Files.write(letters, Files.readAllLines(root.resolve("hershey-letters-held-out.jsonl")).subList(0, 400));
        CommandLineTest.Run before = CommandLineTest.run("predict", "--strokes", letters.toString(), "--json");
        assertThat(before.exitCode()).as(before.err()).isZero();
        List<LabeledInk> all = StrokeFile.read(letters);
        List<LabeledInk> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if ((Boolean) org.inkling.json.Json.parseObject(before.lines().get(i)).get("accepted")) {
                mine.add(new LabeledInk(LabeledInk.NOT_A_DIGIT, all.get(i).ink()));
            }
        }
        assertThat(mine).as("letters the shipped model takes for digits").hasSizeBetween(3, 60);
        int accepted = mine.size();
        List<String> digits = Files.readAllLines(root.resolve("hershey-digits.jsonl")).subList(0, 10);
        Path taughtFile = dir.resolve("mine.jsonl");
        StrokeFile.write(taughtFile, mine);
        Files.writeString(taughtFile, Files.readString(taughtFile) + String.join("\n", digits) + "\n");
        Path out = dir.resolve("taught.inkling");
        CommandLineTest.Run r = CommandLineTest.run("finetune", "--data", CommandLineTest.MNIST, "--strokes", taughtFile.toString(),
                "--out", out.toString(), "--folds", "0", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<?> perClass = (List<?>) r.summary().get("taught_per_class");
        assertThat(((Number) perClass.get(LabeledInk.NOT_A_DIGIT)).intValue()).isEqualTo(accepted);

        CommandLineTest.Run after = CommandLineTest.run("predict", "--model", out.toString(), "--strokes", taughtFile.toString(), "--json");
        Map<String, Object> s = after.summary();
        assertThat(((Number) s.get("non_digits_refused")).doubleValue()).as("the taught letters, refused now").isGreaterThanOrEqualTo(0.9);
        assertThat(((Number) s.get("accuracy")).doubleValue()).as("the digits beside them").isEqualTo(1.0);
    }

    @Test
    void aModelWithoutTheNotADigitClassSaysItCannotLearnOne() throws Exception {
        Path mine = dir.resolve("one.jsonl");
        StrokeFile.write(mine, List.of(new LabeledInk(LabeledInk.NOT_A_DIGIT,
                Ink.of(new Stroke(List.of(new Point(40, 40), new Point(120, 160))))), new LabeledInk(1,
                Ink.of(new Stroke(List.of(new Point(80, 40), new Point(80, 160)))))));
        CommandLineTest.Run r = CommandLineTest.run("finetune", "--model", "src/test/resources/models/format1-mlp.inkling",
                "--data", CommandLineTest.MNIST, "--strokes", mine.toString(), "--out", dir.resolve("t.inkling").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("labelled not a digit").contains("has no \"not a digit\" class");
        assertThat(dir.resolve("t.inkling")).doesNotExist();
    }

    @Test
    void badSettingsAreUsageErrors() {
        CommandLineTest.Run r = CommandLineTest.run("finetune", "--strokes", "x.jsonl", "--out", "y.inkling", "--folds", "1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("folds");
    }
}
