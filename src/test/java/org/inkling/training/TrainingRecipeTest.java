package org.inkling.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.inkling.data.AugmentationConfig;
import org.inkling.nn.Activation;
import org.inkling.nn.LearningRateSchedule;
import org.junit.jupiter.api.Test;

class TrainingRecipeTest {
    private static TrainingRecipe with(int epochs, int batch, double split, Double lr, String arch) {
        return new TrainingRecipe(null, arch, Activation.RELU, "adam", lr, 0, null, null, 0, epochs, batch, 1, split, null);
    }

    @Test
    void rejectsWhatCannotTrainNamingTheField() {
        assertThatThrownBy(() -> with(0, 128, 0, null, "512")).isInstanceOf(RecipeException.class)
                .hasMessageContaining("epochs").extracting(e -> ((RecipeException) e).field()).isEqualTo("epochs");
        assertThatThrownBy(() -> with(5, 0, 0, null, "512")).extracting(e -> ((RecipeException) e).field()).isEqualTo("batch_size");
        assertThatThrownBy(() -> with(5, 128, 1.0, null, "512")).extracting(e -> ((RecipeException) e).field()).isEqualTo("validation_split");
        assertThatThrownBy(() -> with(5, 128, 0, 1e308, "512")).extracting(e -> ((RecipeException) e).field()).isEqualTo("learning_rate");
        assertThatThrownBy(() -> with(5, 128, 0, Double.NaN, "512")).extracting(e -> ((RecipeException) e).field()).isEqualTo("learning_rate");
        assertThatThrownBy(() -> with(5, 128, 0, null, "100000")).extracting(e -> ((RecipeException) e).field()).isEqualTo("architecture");
        assertThatThrownBy(() -> with(5, 128, 0, null, "12x")).extracting(e -> ((RecipeException) e).field()).isEqualTo("architecture");
        assertThat(with(5, 128, 0.5, 0.01, "cnn").architecture()).isEqualTo("cnn");
    }

    @Test
    void theRecordedMapReadsBackAsTheSameRecipe() {
        TrainingRecipe r = new TrainingRecipe("x", "conv32,pool,128", Activation.TANH, "sgd", 0.05, 1e-4,
                LearningRateSchedule.cosine(0.01), AugmentationConfig.DEFAULT, 30, 3, 64, 7, 0.1, 5000);
        TrainingRecipe back = TrainingRecipe.fromMap(r.toMap(null));
        assertThat(back.withName("x")).usingRecursiveComparison().ignoringFields("learningRate").isEqualTo(r);
        assertThat(back.learningRate()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(r.toMap(null).get("command")).isEqualTo("inkling train --arch conv32,pool,128 --activation tanh"
                + " --optimizer sgd --lr 0.05 --lr-schedule cosine:0.01 --weight-decay 1.0E-4 --augment default"
                + " --synthetic 30 --epochs 3 --batch 64 --seed 7 --validation-split 0.1 --limit 5000");
    }

    @Test
    void readsTheRecipesOfFormatOneFiles() {
        // as inkling 0.1's `train` wrote them (the shipped model's recipe)
        Map<String, Object> old = Map.of("architecture", "cnn", "activation", "relu",
                "optimizer", Map.of("name", "adam", "learning_rate", 0.001), "lr_schedule", Map.of("name", "cosine", "alpha", 0.0),
                "synthetic_per_class", 3000, "epochs", 15, "batch_size", 128, "seed", 1, "validation", "test set");
        TrainingRecipe r = TrainingRecipe.fromMap(old);
        assertThat(r.architecture()).isEqualTo("cnn");
        assertThat(r.optimizer()).isEqualTo("adam");
        assertThat(r.schedule()).isEqualTo(LearningRateSchedule.cosine(0));
        assertThat(r.epochs()).isEqualTo(15);
        assertThat(r.syntheticPerClass()).isEqualTo(3000);
        assertThat(r.validationSplit()).isZero();
    }

    @Test
    void nonDigitsAndTheCalibrationHoldOutAreRecordedAndChecked() {
        TrainingRecipe t = TrainingRecipe.textbook();
        TrainingRecipe r = new TrainingRecipe("v", "cnn", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                3000, 15, 128, 1, 0, null, 9000, 5000);
        assertThat(r.classNames()).hasSize(11).endsWith(org.inkling.nn.VerdictRule.NOT_A_DIGIT);
        assertThat(r.buildNetwork().outputSize()).isEqualTo(11);
        assertThat(TrainingRecipe.fromMap(r.toMap(null)).withName("v")).isEqualTo(r);
        assertThat((String) r.toMap(null).get("command")).contains("--non-digits 9000 --calibration-holdout 5000");
        assertThat(t.classNames()).hasSize(10);
        assertThat(t.buildNetwork().outputSize()).isEqualTo(10);
        assertThat(TrainingRecipe.fromMap(t.toMap(null)).nonDigits()).isZero();
        assertThatThrownBy(() -> new TrainingRecipe(null, "512", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, null, -1, 0)).extracting(e -> ((RecipeException) e).field()).isEqualTo("non_digits");
        assertThatThrownBy(() -> new TrainingRecipe(null, "512", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, 1000, 0, 1000)).extracting(e -> ((RecipeException) e).field()).isEqualTo("calibration_holdout");
    }

    @Test
    void fontGlyphCopiesAreRecordedReadBackAndChecked() {
        TrainingRecipe t = TrainingRecipe.textbook();
        TrainingRecipe r = new TrainingRecipe("v", "cnn", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                3000, 15, 128, 1, 0, null, 9000, 5000, 30);
        assertThat(r.toMap(null)).containsEntry("font_copies", 30);
        assertThat(TrainingRecipe.fromMap(r.toMap(null)).withName("v")).isEqualTo(r);
        assertThat((String) r.toMap(null).get("command")).contains("--font-glyphs 30");
        assertThat(r.withSeed(2).fontCopies()).isEqualTo(30);
        assertThat(TrainingRecipe.fromMap(t.toMap(null)).fontCopies()).isZero();
        assertThat((String) t.toMap(null).get("command")).doesNotContain("--font-glyphs");
        assertThatThrownBy(() -> new TrainingRecipe(null, "512", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, null, 0, 0, -1)).extracting(e -> ((RecipeException) e).field()).isEqualTo("font_copies");
        assertThatThrownBy(() -> new TrainingRecipe(null, "512", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, null, 0, 0, TrainingRecipe.MAX_FONT_COPIES + 1))
                .extracting(e -> ((RecipeException) e).field()).isEqualTo("font_copies");
    }

    @Test
    void broadNibDigitsAreRecordedReadBackAndCheckedAndDefaultToAThirdOfTheSynthetic() {
        TrainingRecipe t = TrainingRecipe.textbook();
        TrainingRecipe r = new TrainingRecipe("v", "cnn", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                3000, 15, 128, 1, 0, null, 9000, 1000, 30, 3000);
        assertThat(r.toMap(null)).containsEntry("broad_nib_per_class", 3000);
        assertThat(TrainingRecipe.fromMap(r.toMap(null)).withName("v")).isEqualTo(r);
        assertThat((String) r.toMap(null).get("command")).contains("--broad-nib 3000");
        assertThat(r.withSeed(2).broadNibPerClass()).isEqualTo(3000);
        assertThat(TrainingJob.broadNibPerClass(r)).isEqualTo(3000);
        TrainingRecipe byDefault = new TrainingRecipe("v", "cnn", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                3000, 15, 128, 1, 0, null, 9000, 1000, 30);
        assertThat(byDefault.toMap(null)).doesNotContainKey("broad_nib_per_class");
        assertThat((String) byDefault.toMap(null).get("command")).doesNotContain("--broad-nib");
        assertThat(TrainingRecipe.fromMap(byDefault.toMap(null)).broadNibPerClass()).isNull();
        assertThat(TrainingJob.broadNibPerClass(byDefault)).isEqualTo(1000);
        TrainingRecipe tenClasses = new TrainingRecipe("v", "cnn", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                3000, 15, 128, 1, 0, null, 0, 0, 0, 3000);
        assertThat(TrainingJob.broadNibPerClass(tenClasses)).as("only beside non-digits").isZero();
        assertThatThrownBy(() -> new TrainingRecipe(null, "512", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, null, 0, 0, 0, -1)).extracting(e -> ((RecipeException) e).field()).isEqualTo("broad_nib_per_class");
    }

    @Test
    void theTexturaShareIsRecordedReadBackCheckedAndAbsentFromOlderRecipes() {
        TrainingRecipe t = TrainingRecipe.textbook();
        TrainingRecipe r = new TrainingRecipe("v", "conv32,pool,conv64,pool,256", t.activation(), "adam", null, 0, t.schedule(),
                t.augmentation(), 3000, 15, 128, 1, 0, null, 9000, 1000, 30, 3000, 0.5);
        assertThat(r.toMap(null)).containsEntry("textura_share", 0.5);
        assertThat(TrainingRecipe.fromMap(r.toMap(null)).withName("v")).isEqualTo(r);
        assertThat((String) r.toMap(null).get("command")).contains("--broad-nib 3000 --textura 0.5");
        assertThat(r.withSeed(2).texturaShare()).isEqualTo(0.5);
        assertThat(r.withName("w").texturaShare()).isEqualTo(0.5);
        // A recipe recorded before the textura hand (no key) trains on the same broad-nib digits as then.
        TrainingRecipe before = new TrainingRecipe("v", "cnn", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                3000, 15, 128, 1, 0, null, 9000, 1000, 30, 3000);
        assertThat(before.texturaShare()).isZero();
        assertThat(before.toMap(null)).doesNotContainKey("textura_share");
        assertThat((String) before.toMap(null).get("command")).doesNotContain("--textura");
        assertThat(TrainingRecipe.fromMap(before.toMap(null)).texturaShare()).isZero();
        for (double bad : new double[] {-0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> new TrainingRecipe(null, "512", t.activation(), "adam", null, 0, t.schedule(), t.augmentation(),
                    0, 1, 128, 1, 0, null, 0, 0, 0, null, bad)).extracting(e -> ((RecipeException) e).field()).isEqualTo("textura_share");
        }
        java.util.Map<String, Object> recorded = new java.util.HashMap<>(r.toMap(null));
        recorded.put("textura_share", 3);
        assertThatThrownBy(() -> TrainingRecipe.fromMap(recorded)).extracting(e -> ((RecipeException) e).field()).isEqualTo("textura_share");
    }
}
