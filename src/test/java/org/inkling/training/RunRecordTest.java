package org.inkling.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.inkling.data.AugmentationConfig;
import org.inkling.nn.Activation;
import org.inkling.nn.LearningRateSchedule;
import org.junit.jupiter.api.Test;

class RunRecordTest {
    private static TrainingRecipe recipe(String arch, String optimizer, double lr, int epochs) {
        return new TrainingRecipe(null, arch, Activation.RELU, optimizer, lr, 0, LearningRateSchedule.constant(),
                AugmentationConfig.NONE, 0, epochs, 128, 1, 0, null);
    }

    @Test
    void aRunIsNamedByTheSettingsThatTellRunsApart() {
        assertThat(RunRecord.labelOf(recipe("cnn", "adam", 0.001, 5))).isEqualTo("cnn adam lr 0.001 · 5 ep");
        assertThat(RunRecord.labelOf(recipe("512, 512", "sgd", 0.01, 2))).isEqualTo("512,512 sgd lr 0.01 · 2 ep");
        TrainingRecipe busy = new TrainingRecipe(null, "", Activation.RELU, "rmsprop", null, 0,
                LearningRateSchedule.parse("cosine"), AugmentationConfig.DEFAULT, 300, 3, 64, 7, 0.1, 2000, 500, 0);
        assertThat(RunRecord.labelOf(busy)).isEqualTo(
                "softmax rmsprop lr default batch 64 cosine aug +300 drawn +500 non-digits val 0.1 on 2000 seed 7 · 3 ep");
    }

    @Test
    void aLongRunKeepsABoundedEvenlySpreadCurveThatEndsWhereTheRunIs() {
        RunRecord run = new RunRecord(1, recipe("32", "adam", 0.001, 100), 64);
        int batches = 10_007;
        for (int s = 1; s <= batches; s++) {
            run.addBatch(s, s / 100.0, 1.0 / s, 1 - 1.0 / s);
        }
        List<CurvePoint> loss = run.trainLoss();
        assertThat(loss.size()).isBetween(32, 65);
        assertThat(loss.getFirst().step()).isEqualTo(1);
        assertThat(loss.getLast().step()).isEqualTo(batches);
        // Evenly spread: every gap but the last equals the stride.
        long stride = loss.get(1).step() - loss.get(0).step();
        for (int i = 1; i < loss.size() - 1; i++) {
            assertThat(loss.get(i).step() - loss.get(i - 1).step()).isEqualTo(stride);
        }
        assertThat(stride).isEqualTo(256);
        assertThat(loss).allSatisfy(p -> assertThat(p.value()).isEqualTo(1.0 / p.step()));
        assertThat(run.trainAccuracy()).extracting(CurvePoint::step)
                .containsExactlyElementsOf(loss.stream().map(CurvePoint::step).toList());
    }

    @Test
    void aShortRunKeepsEveryPointAndANonFiniteLossIsLeftOut() {
        RunRecord run = new RunRecord(3, recipe("32", "adam", 0.001, 1));
        run.addBatch(1, 0.5, 2.0, 0.1);
        run.addBatch(2, 1.0, Double.NaN, 0.2);
        assertThat(run.trainLoss()).containsExactly(new CurvePoint(1, 0.5, 2.0));
        assertThat(run.trainAccuracy()).hasSize(2);
    }

    @Test
    void theCsvReadsBackToTheRunsEpochMetricsAndCurves() {
        RunRecord a = new RunRecord(1, recipe("512,512", "rmsprop", 0.001, 2));
        RunRecord b = new RunRecord(2, recipe("cnn", "adam", 0.0003, 1));
        for (int s = 1; s <= 10; s++) {
            a.addBatch(s, s / 5.0, 2.0 / s, 0.09 * s);
        }
        a.addEpoch(new EpochMetrics(1, 5, 0.7, 0.8, 0.65, 0.81));
        a.addEpoch(new EpochMetrics(2, 10, 0.3, 0.9, 0.35, 0.885));
        b.addBatch(1, 1.0, 1.0 / 3, 0.5);
        b.addEpoch(new EpochMetrics(1, 1, 1.0 / 3, 0.5, Double.NaN, Double.NaN));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            RunCsv.write(List.of(a, b), out);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        List<RunCsvRows.Row> rows = RunCsvRows.parse(out.toString(StandardCharsets.UTF_8));

        assertThat(rows).filteredOn(r -> r.run() == 1 && r.metric().equals("validation_accuracy"))
                .extracting(RunCsvRows.Row::epoch, RunCsvRows.Row::step, RunCsvRows.Row::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1.0, 5L, 0.81),
                        org.assertj.core.groups.Tuple.tuple(2.0, 10L, 0.885));
        assertThat(rows).filteredOn(r -> r.run() == 1).extracting(RunCsvRows.Row::label)
                .containsOnly("512,512 rmsprop lr 0.001 · 2 ep");
        assertThat(rows).filteredOn(r -> r.run() == 1 && r.metric().equals("batch_loss_smoothed"))
                .extracting(RunCsvRows.Row::value)
                .containsExactlyElementsOf(a.trainLoss().stream().map(CurvePoint::value).toList());
        // Exactly what was recorded, to the last bit; no validation rows where there was none.
        assertThat(rows).filteredOn(r -> r.run() == 2 && r.metric().equals("train_loss"))
                .singleElement().extracting(RunCsvRows.Row::value).isEqualTo(1.0 / 3);
        assertThat(rows).filteredOn(r -> r.run() == 2).extracting(RunCsvRows.Row::metric)
                .doesNotContain("validation_loss", "validation_accuracy");
        assertThat(rows).hasSize(10 + 10 + 8 + 1 + 1 + 2);
    }

    @Test
    void aCopyKeepsThePointsAndDoesNotFollowTheOriginal() {
        RunRecord run = new RunRecord(1, recipe("32", "adam", 0.001, 1), 8);
        for (int s = 1; s <= 20; s++) {
            run.addBatch(s, s / 20.0, s, s);
        }
        List<CurvePoint> before = run.trainLoss();
        RunRecord copy = run.copy();
        run.addBatch(21, 1.05, 21, 21);
        assertThat(copy.trainLoss()).isEqualTo(before);
        assertThat(copy.trainLoss().getLast().step()).isEqualTo(20);
        assertThat(run.trainLoss().getLast().step()).isEqualTo(21);
    }
}
