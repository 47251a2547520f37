package org.inkling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.inkling.training.TrainingRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --lr-schedule}: parsing, errors, and how the recipe records it. */
class LrScheduleOptionTest {
    @TempDir
    Path dir;

    private static TrainingRecipe recipe(String... args) {
        TrainCommand t = new TrainCommand();
        new CommandLine(t).parseArgs(args);
        return t.recipe.toRecipe(null, t.epochs, t.batch, t.seed, t.validationSplit, t.limit);
    }

    @Test
    void theDefaultIsConstantAndLeavesTheCommandLineAsBefore() {
        TrainingRecipe r = recipe();
        assertThat(r.toMap(null).get("lr_schedule")).isEqualTo(Map.of("name", "constant"));
        assertThat(r.commandLine()).doesNotContain("--lr-schedule");
        assertThat(recipe("--lr-schedule", "constant").commandLine()).isEqualTo(r.commandLine());
    }

    @Test
    void cosineIsRecordedInTheRecipeAndTheRepeatableCommandLine() {
        TrainingRecipe r = recipe("--optimizer", "adam", "--lr-schedule", "cosine:0.05", "--epochs", "3", "--batch", "64", "--seed", "2");
        assertThat(r.toMap(null).get("lr_schedule")).isEqualTo(Map.of("name", "cosine", "alpha", 0.05));
        List<String> line = r.commandLine();
        int at = line.indexOf("--lr-schedule");
        assertThat(at).isNotNegative();
        assertThat(line.get(at + 1)).isEqualTo("cosine:0.05");
        // the recorded command line gives the same recipe back
        TrainingRecipe back = recipe(line.toArray(String[]::new));
        assertThat(back).isEqualTo(r);
        assertThat(recipe("--lr-schedule", "cosine").commandLine()).containsSubsequence("--lr-schedule", "cosine");
    }

    @Test
    void invalidSchedulesExitWithTwoNamingTheValue() {
        for (String bad : List.of("linear", "cosine:2", "cosine:x")) {
            CommandLineTest.Run r = CommandLineTest.run("train", "--lr-schedule", bad, "--data", CommandLineTest.MNIST);
            assertThat(r.exitCode()).as(bad).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("--lr-schedule").contains(bad).doesNotContain("\tat ");
        }
    }

    @Test
    void aCosineTrainingRunSavesTheScheduleInTheModelFile() throws Exception {
        Path out = dir.resolve("cos.inkling");
        CommandLineTest.Run r = CommandLineTest.run("train", "--data", CommandLineTest.MNIST, "--arch", "16", "--limit", "1000",
                "--epochs", "1", "--lr-schedule", "cosine:0.1", "--validation-split", "0.1", "--out", out.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        SavedModel m = ModelFile.load(out);
        assertThat(m.recipe().get("lr_schedule")).isEqualTo(Map.of("name", "cosine", "alpha", 0.1));
        assertThat((String) m.recipe().get("command")).contains("--lr-schedule cosine:0.1");
    }
}
