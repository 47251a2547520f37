package org.inkling.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.inkling.ink.Ink;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;
import org.inkling.models.Models;
import org.inkling.nn.Metrics;
import org.inkling.nn.Param;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.testing.TestMnist;
import org.junit.jupiter.api.Test;

class FineTuneJobTest {
    /** Small and quick: the point is the behaviour, not the tuning. */
    static final FineTuneRecipe QUICK = new FineTuneRecipe(4, 10, 2, 4, 32, 1e-3, 5, true, 0);

    /** A "7" written as a plain circle: a style no base model reads as 7, in a few sizes and places. */
    static List<LabeledInk> circlesAsSevens(int n) {
        List<LabeledInk> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Point> pts = new ArrayList<>();
            double r = 60 + 7 * i, cx = 150 + 5 * i, cy = 140 - 3 * i;
            for (int a = 0; a <= 40; a++) {
                double t = 2 * Math.PI * a / 40;
                pts.add(new Point(cx + r * Math.cos(t) * (0.8 + 0.02 * i), cy + r * Math.sin(t)));
            }
            out.add(new LabeledInk(7, Ink.of(new Stroke(pts))));
        }
        return out;
    }

    static float[] weights(Sequential s) {
        int n = 0;
        for (Param p : s.params()) n += p.size();
        float[] all = new float[n];
        int at = 0;
        for (Param p : s.params()) {
            System.arraycopy(p.value().data, 0, all, at, p.size());
            at += p.size();
        }
        return all;
    }

    @Test
    void teachesANewStyleDeterministicallyWithoutTouchingTheBase() throws Exception {
        SavedModel base = Models.builtIn();
        float[] baseWeights = weights(base.network());
        List<LabeledInk> taught = circlesAsSevens(6);
        float[] circle = InkRenderer.toMnist(taught.get(0).ink());
        assertThat(Metrics.argmax(base.network().predict(circle))).as("the base reads a circle as a 0").isNotEqualTo(7);

        FineTuneOutcome a = FineTuneJob.run(base, taught, QUICK, TestMnist.get(), null, null, false);
        FineTuneOutcome b = FineTuneJob.run(base, taught, QUICK, TestMnist.get(), null, null, false);
        FineTuneOutcome other = FineTuneJob.run(base, taught, QUICK.withSeed(6), TestMnist.get(), null, null, false);

        assertThat(weights(base.network())).as("the base network is unchanged").isEqualTo(baseWeights);
        assertThat(weights(a.model().network())).as("same seed, same weights").isEqualTo(weights(b.model().network()));
        assertThat(weights(a.model().network())).as("another seed, other weights").isNotEqualTo(weights(other.model().network()));
        assertThat(Metrics.argmax(a.model().network().predict(circle))).as("it learnt the circle-seven").isEqualTo(7);

        Map<String, Object> recipe = a.model().recipe();
        assertThat(recipe.get("fine_tuned_from")).isEqualTo(Models.BUILT_IN_NAME);
        assertThat(recipe.get("personal_digits")).isEqualTo(6);
        int[] sevens = new int[base.classNames().size()]; // ten digits, and "not a digit" if the base has it
        sevens[7] = 6;
        assertThat((int[]) recipe.get("personal_per_class")).containsExactly(sevens);
        assertThat(a.model().classNames()).isEqualTo(base.classNames());
        assertThat(a.taughtPerClass()[7]).isEqualTo(6);
    }

    /** Share of the examples the rule refuses as "not a digit". */
    static double notADigitShare(SavedModel m, org.inkling.nn.Examples examples) {
        float[] image = new float[examples.inputSize()];
        int refused = 0;
        for (int i = 0; i < examples.size(); i++) {
            examples.copyInput(i, image, 0);
            if (m.verdict().judge(image, m.network().predict(image)).kind() == org.inkling.nn.Verdict.Kind.NOT_A_DIGIT) refused++;
        }
        return refused / (double) examples.size();
    }

    @Test
    void aModelThatLearntNotADigitKeepsTheClassItsRuleAndItsTemperature() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(NonDigitExamples.FONTS), "no Hershey fonts");
        TrainingRecipe t = TrainingRecipe.textbook();
        TrainingRecipe eleven = new TrainingRecipe("eleven", "64", t.activation(), t.optimizer(), null, 0, t.schedule(),
                t.augmentation(), 0, 3, 64, 1, 0, 3500, 1500, 500);
        SavedModel base = TrainingJob.run(eleven, TestMnist.get(), null, null).model();
        assertThat(base.verdict().rejectClass()).isEqualTo(10);
        assertThat(base.verdict().temperature()).isNotEqualTo(1.0);
        org.inkling.nn.Examples fresh = NonDigitExamples.examples(400, 77);
        double before = notADigitShare(base, fresh);
        assertThat(before).as("the base refuses most fresh non-digits").isGreaterThan(0.6);

        FineTuneOutcome o = FineTuneJob.run(base, circlesAsSevens(6), FineTuneRecipe.standard().withFolds(0), TestMnist.get(),
                null, null, false);
        SavedModel tuned = o.model();
        assertThat(tuned.classNames()).isEqualTo(base.classNames());
        assertThat(tuned.verdict()).isEqualTo(base.verdict());
        // the base trained on 3,000 digits and 1,500 non-digits: rehearsing 500 digits, it rehearses 250 non-digits
        assertThat(tuned.recipe()).containsEntry("non_digit_rehearsal", 250);
        assertThat(FineTuneJob.withMeasures(tuned, new FineTuneJob.Measures(0.5, Double.NaN, 0, null, 1)).verdict())
                .isEqualTo(base.verdict());
        float[] circle = InkRenderer.toMnist(circlesAsSevens(1).get(0).ink());
        assertThat(tuned.verdict().judge(circle, tuned.network().predict(circle)).digit()).as("it learnt the circle-seven").isEqualTo(7);
        // Taught only digits, it would unlearn the eleventh class; rehearsing it keeps the refusals.
        assertThat(notADigitShare(tuned, fresh)).as("refused before: %.3f", before).isGreaterThan(before - 0.1);
        assertThat(tuned.recipe()).as("the base learnt no broad-nib or font digits").doesNotContainKeys(
                "broad_nib_rehearsal", "font_digit_rehearsal");

        // The same network, as if its recipe had synthetic and font digits beside the non-digits (the shipped
        // model's): the fine-tune rehearses broad-nib and font digits too, and the non-digits' share counts them.
        Map<String, Object> withStyles = new java.util.LinkedHashMap<>(base.recipe());
        withStyles.put("synthetic_per_class", 3000);
        withStyles.put("non_digits", 9000);
        withStyles.put("font_copies", 30);
        withStyles.put("font_glyphs", Map.of("digits", 358));
        withStyles.put("train_examples", 137208);
        SavedModel styled = new SavedModel(base.name(), base.network(), withStyles, base.metrics(), base.classNames(), base.verdict());
        SavedModel styledTuned = FineTuneJob.run(styled, circlesAsSevens(6), FineTuneRecipe.standard().withFolds(0),
                TestMnist.get(), null, null, false).model();
        assertThat(styledTuned.recipe()).containsEntry("broad_nib_rehearsal", 30).containsEntry("font_digit_rehearsal", 93)
                .containsEntry("non_digit_rehearsal", FineTuneJob.nonDigitRehearsal(withStyles, 500 + 30 + 93));
        assertThat(styledTuned.verdict()).isEqualTo(base.verdict());
    }

    @Test
    void broadNibAndFontDigitsAreRehearsedOnlyForABaseThatLearntThemInTheirShare() {
        FineTuneRecipe standard = FineTuneRecipe.standard();
        Map<String, Object> shipped = Map.of("synthetic_per_class", 3000, "non_digits", 9000, "font_copies", 30,
                "font_glyphs", Map.of("digits", 358), "train_examples", 137208);
        assertThat(FineTuneJob.broadNibRehearsalPerClass(shipped, standard)).as("a third of the synthetic digits, as in training").isEqualTo(3);
        assertThat(FineTuneJob.broadNibRehearsalPerClass(Map.of("synthetic_per_class", 3000), standard)).as("no non-digits: no broad nib").isZero();
        assertThat(FineTuneJob.broadNibRehearsalPerClass(shipped, new FineTuneRecipe(8, 40, 0, 8, 64, 1e-3, 1, true, 0))).isZero();
        Map<String, Object> asMany = new java.util.HashMap<>(shipped);
        asMany.put("broad_nib_per_class", 3000);
        assertThat(FineTuneJob.broadNibRehearsalPerClass(asMany, standard)).as("as many as synthetic ones, as recorded").isEqualTo(10);
        asMany.put("broad_nib_per_class", 0);
        assertThat(FineTuneJob.broadNibRehearsalPerClass(asMany, standard)).isZero();
        // The rehearsed broad-nib digits are written in the textura hand in the share the base learnt them.
        assertThat(FineTuneJob.texturaShare(shipped)).isZero();
        asMany.put("textura_share", 0.5);
        assertThat(FineTuneJob.texturaShare(asMany)).isEqualTo(0.5);
        asMany.put("textura_share", 7);
        assertThat(FineTuneJob.texturaShare(asMany)).as("a share no recipe can hold is ignored").isZero();
        // 358 digits x 30 copies x 2 (filled, pen-written) = 21,480 of 137,208: 15.7%, so 93 beside 500 digits
        assertThat(FineTuneJob.fontDigitRehearsal(shipped, 500)).isEqualTo(93);
        assertThat(FineTuneJob.fontDigitRehearsal(Map.of("non_digits", 9000), 500)).isZero();
        assertThat(FineTuneJob.fontDigitRehearsal(Map.of("font_copies", 3000, "font_glyphs", Map.of("digits", 358),
                "train_examples", 2_200_000), 5000)).as("at most every font digit both ways").isEqualTo(716);
    }

    @Test
    void nonDigitsAreRehearsedInTheShareTheBaseTrainedWith() {
        assertThat(FineTuneJob.nonDigitRehearsal(Map.of("non_digits", 9000, "train_examples", 94000), 500)).isEqualTo(53);
        assertThat(FineTuneJob.nonDigitRehearsal(Map.of(), 500)).as("a model that records no share: one class's worth").isEqualTo(50);
    }

    @Test
    void measuresBeforeOnAllAndAfterOnlyOnHeldOutDrawings() throws Exception {
        SavedModel base = Models.builtIn();
        List<LabeledInk> taught = circlesAsSevens(6);
        // no rehearsal, no test set: a quick run that still measures (the standard recipe's copies and
        // epochs: with 4 and 4 a fold makes 8 steps, too few to move the shipped model off its 0)
        FineTuneRecipe recipe = new FineTuneRecipe(8, 0, 2, 8, 32, 1e-3, 5, true, 3);
        FineTuneOutcome o = FineTuneJob.run(base, taught, recipe, null, null, null, true);
        assertThat(o.measures().accuracyBefore()).isEqualTo(0.0);
        assertThat(o.measures().folds()).isEqualTo(3);
        // the folds learn circles from the other four circles, so they read the held-out ones too
        assertThat(o.measures().crossValidatedAfter()).isGreaterThan(0.5);
        assertThat(o.measures().test()).isNull();
        assertThat(o.model().metrics()).containsKeys("personal_accuracy_before", "personal_cv_accuracy_after");
    }

    /**
     * A drawing taught as no digit is read right when the model's rule refuses it, as predict counts
     * it: a held-out letter answered "not sure" whose likeliest class is a digit counts as right.
     */
    @Test
    void aDrawingTaughtAsNoDigitIsReadRightWhenTheRuleRefusesIt() throws Exception {
        SavedModel base = Models.builtIn();
        LabeledInk unsure = null;
        for (LabeledInk d : org.inkling.ink.StrokeFile.read(java.nio.file.Path.of("resources/strokes/hershey-letters-held-out.jsonl"))) {
            float[] image = InkRenderer.toMnist(d.ink());
            float[] p = base.network().predict(image);
            if (!base.verdict().judge(image, p).accepted() && Metrics.argmax(p) < LabeledInk.NOT_A_DIGIT) {
                unsure = new LabeledInk(LabeledInk.NOT_A_DIGIT, d.ink());
                break;
            }
        }
        assertThat(unsure).as("a held-out letter refused although a digit is its likeliest class").isNotNull();
        FineTuneRecipe recipe = new FineTuneRecipe(2, 0, 1, 1, 32, 1e-3, 5, true, 0);
        FineTuneOutcome o = FineTuneJob.run(base, List.of(unsure), recipe, null, null, null, true);
        assertThat(o.measures().accuracyBefore()).isEqualTo(1.0);
        assertThat(FineTuneJob.whatIsRead(o.taughtPerClass())).startsWith("drawings");
        assertThat(FineTuneJob.whatIsRead(new int[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})).isEqualTo("digits");
    }

    @Test
    void foldsAreStratifiedAndCoverEveryDrawingOnce() {
        int[] labels = {0, 0, 0, 1, 1, 1, 2, 2, 2, 2};
        int[] fold = FineTuneJob.folds(labels, 3, 1);
        for (int c = 0; c <= 2; c++) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < labels.length; i++) if (labels[i] == c) seen.add(fold[i]);
            assertThat(seen).as("class %d spreads over the folds", c).hasSize(3);
        }
        assertThat(java.util.Arrays.stream(fold).boxed().toList()).allMatch(f -> f >= 0 && f < 3);
    }

    @Test
    void refusesLabelsTheModelDoesNotHaveAndEmptySets() throws Exception {
        SavedModel base = Models.builtIn();
        assertThatThrownBy(() -> FineTuneJob.run(base, List.of(), QUICK, null, null, null, false))
                .hasMessageContaining("no taught drawings");
        assertThatThrownBy(() -> new FineTuneRecipe(0, 0, 0, 1, 1, 1e-3, 1, true, 0))
                .isInstanceOf(RecipeException.class).hasMessageContaining("copies");
    }
}
