package org.inkling.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.inkling.nn.Param;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainingListener;
import org.inkling.testing.TestMnist;
import org.junit.jupiter.api.Test;

class TrainingJobTest {
    /**
     * SHA-256 of the weights (float32 little-endian, in parameter order) that {@code inkling train
     * --limit 3000 --epochs 2 --seed 1} made before training moved into {@link TrainingJob} (commit
     * 07aca72, computed from its saved .npy files). The job must train the textbook recipe to the same bits.
     */
    static final String TEXTBOOK_3000x2_SEED1 = "4b281f8e765d86ac04b339c5258bf1f0b01b0eda4d08d391f0365c09b9669c38";

    static TrainingRecipe textbookOn3000For2Epochs() {
        TrainingRecipe t = TrainingRecipe.textbook();
        return new TrainingRecipe("pin", t.architecture(), t.activation(), t.optimizer(), null, 0, t.schedule(),
                t.augmentation(), 0, 2, 128, 1, 0, 3000);
    }

    @Test
    void trainsTheTextbookRecipeToTheSameBitsAsBefore() throws Exception {
        TrainingOutcome outcome = TrainingJob.run(textbookOn3000For2Epochs(), TestMnist.get(), null, null);

        assertThat(outcome.completed()).isTrue();
        assertThat(weightsSha256(outcome.model().network())).isEqualTo(TEXTBOOK_3000x2_SEED1);
        assertThat(outcome.test().accuracy()).isBetween(0.85, 0.95);
        assertThat(outcome.model().metrics()).containsEntry("test_accuracy", outcome.test().accuracy())
                .containsEntry("epochs", 2).containsEntry("status", "completed");
        assertThat(outcome.model().recipe()).containsEntry("train_examples", 3000).containsEntry("seed", 1L);
    }

    @Test
    void batchEventsCarryEachBatchsOwnLossBesideTheRunningMeanAndReachEveryListener() throws Exception {
        List<TrainingListener.BatchEvent> first = new ArrayList<>();
        List<TrainingListener.BatchEvent> second = new ArrayList<>();
        TrainingRecipe t = textbookOn3000For2Epochs();
        TrainingRecipe oneEpoch = new TrainingRecipe(null, t.architecture(), t.activation(), t.optimizer(), null, 0,
                t.schedule(), t.augmentation(), 0, 1, 500, 1, 0, 1000);
        TrainingJob.run(oneEpoch, TestMnist.get(), TrainingListener.all(
                new TrainingListener() {
                    @Override public void onBatchEnd(BatchEvent e) { first.add(e); }
                },
                null,
                new TrainingListener() {
                    @Override public void onBatchEnd(BatchEvent e) { second.add(e); }
                }), null);

        assertThat(first).hasSize(2).isEqualTo(second);
        TrainingListener.BatchEvent b1 = first.get(0), b2 = first.get(1);
        assertThat(b1.loss()).isEqualTo(b1.batchLoss());
        // two batches of 500: the running mean is the mean of the two batches' own losses
        assertThat(b2.loss()).isCloseTo((b1.batchLoss() + b2.batchLoss()) / 2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(b2.batchLoss()).isNotEqualTo(b2.loss());
        assertThat(b2.batchAccuracy()).isBetween(0.0, 1.0);
    }

    static String weightsSha256(Sequential network) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Param p : network.params()) {
            ByteBuffer b = ByteBuffer.allocate(p.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < p.size(); i++) b.putFloat(p.value().data[i]);
            sha.update(b.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void nonDigitsMakeAnEleventhClassAndTheHoldOutFitsTheVerdictsTemperature() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(NonDigitExamples.FONTS), "no Hershey fonts");
        TrainingRecipe t = TrainingRecipe.textbook();
        TrainingRecipe r = new TrainingRecipe("v", "64", t.activation(), t.optimizer(), null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, 3000, 400, 600);
        TrainingOutcome o = TrainingJob.run(r, TestMnist.get(), null, null);
        org.inkling.nn.SavedModel m = o.model();
        assertThat(m.network().outputSize()).isEqualTo(11);
        assertThat(m.classNames().get(10)).isEqualTo(org.inkling.nn.VerdictRule.NOT_A_DIGIT);
        assertThat(m.verdict().rejectClass()).isEqualTo(10);
        assertThat(m.verdict().temperature()).isNotEqualTo(1.0).isBetween(0.25, 8.0);
        assertThat(m.recipe()).containsEntry("train_examples", 2400 + 400);
        assertThat(m.metrics()).containsEntry("calibration_examples", 600)
                .containsKeys("test_accepted_share", "test_accuracy_accepted", "test_ece_raw", "test_ece_calibrated");
        // Calibration is fitted to lower the error it is judged by on other data.
        assertThat(((Number) m.metrics().get("test_ece_calibrated")).doubleValue())
                .isLessThan(((Number) m.metrics().get("test_ece_raw")).doubleValue());
    }
    @Test
    void anElevenClassRecipeAddsAThirdOfItsSyntheticDigitsWrittenWithABroadNib() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isDirectory(NonDigitExamples.FONTS), "no Hershey fonts");
        TrainingRecipe t = TrainingRecipe.textbook();
        TrainingRecipe ten = new TrainingRecipe("v", "64", t.activation(), t.optimizer(), null, 0, t.schedule(), t.augmentation(),
                9, 1, 128, 1, 0, 100, 0, 0);
        TrainingRecipe eleven = new TrainingRecipe("v", "64", t.activation(), t.optimizer(), null, 0, t.schedule(), t.augmentation(),
                9, 1, 128, 1, 0, 100, 30, 0);
        assertThat(TrainingJob.trainingExamples(ten, TestMnist.get()).size()).isEqualTo(100 + 90);
        org.inkling.nn.Examples e = TrainingJob.trainingExamples(eleven, TestMnist.get());
        assertThat(e.size()).isEqualTo(100 + 90 + 30 + 30);
        int[] perClass = new int[11];
        for (int i = 0; i < e.size(); i++) perClass[e.label(i)]++;
        assertThat(perClass[10]).isEqualTo(30);
        int synthetic = 0;
        for (int d = 0; d < 10; d++) synthetic += perClass[d];
        assertThat(synthetic).isEqualTo(100 + 90 + 30);
    }

    @Test
    void fontGlyphsAddTheirDigitsAndForElevenClassesTheirLetters() throws Exception {
        TrainingRecipe t = TrainingRecipe.textbook();
        FontGlyphExamples.GlyphSet set = FontGlyphExamples.training();
        int digits = set.digits(), letters = set.images().count() - digits;
        TrainingRecipe ten = new TrainingRecipe("v", "64", t.activation(), t.optimizer(), null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, 100, 0, 0, 5);
        // Each digit filled, and traced and written by the pen, 5 times each.
        assertThat(TrainingJob.trainingExamples(ten, TestMnist.get()).size()).isEqualTo(100 + 5 * digits + 5 * digits);
        TrainingRecipe eleven = new TrainingRecipe("v", "64", t.activation(), t.optimizer(), null, 0, t.schedule(), t.augmentation(),
                0, 1, 128, 1, 0, 100, 30, 0, 5);
        org.inkling.nn.Examples e = TrainingJob.trainingExamples(eleven, TestMnist.get());
        assertThat(e.size()).isEqualTo(100 + 30 + 5 * digits + 2 * letters + 5 * digits);
        int notDigits = 0;
        for (int i = 0; i < e.size(); i++) if (e.label(i) == 10) notDigits++;
        assertThat(notDigits).isEqualTo(30 + 2 * letters);
    }
}
