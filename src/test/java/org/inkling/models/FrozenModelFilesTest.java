package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.inkling.nn.Evaluator;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.inkling.nn.VerdictEvaluation;
import org.inkling.nn.VerdictRule;
import org.inkling.testing.TestMnist;
import org.inkling.training.TrainingRecipe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Model files written by earlier builds, kept under test resources forever: every later Inkling
 * must open them, read their recipe, and compute what they computed when they were saved (their
 * recorded test accuracy, to the last image). Add a file here whenever the format or the recipe
 * schema changes; never edit or delete one.
 */
class FrozenModelFilesTest {
    static Stream<String> frozen() {
        return Stream.of(
                "format1-v0.1-mlp.inkling",  // written by Inkling 0.1 (commit 07aca72), before TrainingRecipe
                "format1-mlp.inkling",       // format 1 with the TrainingRecipe schema
                "format1-cnn.inkling",       // the same, convolutional
                "format1-verdict-mlp.inkling"); // format 1 with an eleventh class, "not a digit", and a recorded verdict rule
    }

    @ParameterizedTest
    @MethodSource("frozen")
    void opensAndScoresWhatItScoredWhenSaved(String name) throws Exception {
        SavedModel model = load(name);

        double recorded = ((Number) model.metrics().get("test_accuracy")).doubleValue();
        boolean rejects = model.verdict().rejectClass() >= 0;
        // A model that can refuse records its accuracy over the ten digits, as inkling evaluate reports it.
        double now = rejects ? VerdictEvaluation.of(model.network(), model.verdict(), TestMnist.get().test()).accuracy()
                : Evaluator.evaluate(model.network(), TestMnist.get().test()).accuracy();
        assertThat(now).isEqualTo(recorded);
        assertThat(model.classNames()).hasSize(rejects ? 11 : 10);
        if (rejects) {
            assertThat(model.classNames().get(10)).isEqualTo(VerdictRule.NOT_A_DIGIT);
            assertThat(model.verdict().temperature()).isNotEqualTo(1.0);
        } else {
            // Files from before verdicts get the plain rule.
            assertThat(model.verdict()).isEqualTo(VerdictRule.plain(model.classNames()));
            assertThat(model.verdict().temperature()).isEqualTo(1.0);
        }
        TrainingRecipe recipe = TrainingRecipe.fromMap(model.recipe());
        assertThat(recipe.seed()).isEqualTo(1);
        assertThat(recipe.architecture()).isEqualTo(model.recipe().get("architecture"));
    }

    private static SavedModel load(String name) throws IOException {
        try (InputStream in = FrozenModelFilesTest.class.getResourceAsStream("/models/" + name)) {
            assertThat(in).as(name).isNotNull();
            return ModelFile.load(in, name);
        }
    }
}
