package org.inkling.app;

import org.inkling.app.model.EngineModelStore;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.training.EngineTrainingRunner;
import org.inkling.app.shared.MnistFolders;
import org.inkling.app.training.NetworkSnapshots;
import org.inkling.app.training.TrainingRequest;
import org.inkling.app.training.TrainingSwitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkling.nn.Activation;
import org.inkling.nn.TrainingListener;
import org.inkling.training.TrainingRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapters over the real engine, MNIST and model files, without the toolkit. */
class EngineServicesTest {
    private static final Path MNIST = org.inkling.data.TestMnist.dir();

    @TempDir
    Path dir;

    /** Records what the runner reports, in order. */
    static final class Recorder implements TrainingListener {
        final List<double[]> batches = new ArrayList<>();
        final List<double[]> epochs = new ArrayList<>();
        NetworkSnapshots snapshots;
        int begun;
        Runnable afterBatch = () -> {};

        @Override public void onTrainingBegin(TrainingPlan plan) {
            snapshots = new NetworkSnapshots(plan.network());
            begun = plan.batchesPerEpoch();
        }
        @Override public void onBatchEnd(BatchEvent e) {
            batches.add(new double[] {e.epoch(), e.batch(), e.batchLoss(), e.batchAccuracy()});
            afterBatch.run();
        }
        @Override public void onEpochEnd(EpochEvent e) {
            this.epochs.add(new double[] {e.epoch(), e.loss(), e.accuracy(), e.valLoss(), e.valAccuracy()});
        }
    }

    private static TrainingRequest settings(int epochs, int subset) {
        return new TrainingRequest(new TrainingRecipe(null, "32", Activation.RELU, "adam", 0.003, 0, null, null, 0,
                epochs, 100, 1, 0.1, subset), MNIST);
    }

    @Test
    void trainsOnAnMnistSubsetReportingPerBatchLossesAndASnapshot() throws Exception {
        Recorder recorder = new Recorder();
        ModelHandle model = new EngineTrainingRunner().train(settings(2, 2000), recorder, new TrainingSwitch());

        assertThat(recorder.begun).isEqualTo(18); // 1800 training images after a 10% split, 100 a batch
        assertThat(recorder.batches).hasSize(36);
        assertThat(recorder.epochs).hasSize(2);
        // Per-batch (not running-mean) losses: the last batches of epoch 2 are well below the first ones.
        assertThat(recorder.batches.getLast()[2]).isLessThan(recorder.batches.getFirst()[2] / 2);
        double meanOfEpoch2 = recorder.batches.subList(18, 36).stream().mapToDouble(b -> b[2]).sum() / 18;
        assertThat(meanOfEpoch2).isCloseTo(recorder.epochs.get(1)[1], org.assertj.core.api.Assertions.within(0.02));
        assertThat(model.trained()).isTrue();
        assertThat(model.architecture()).isEqualTo("784-32-10");
        assertThat(model.testAccuracy().orElseThrow()).isGreaterThan(0.7);
        float[] p = recorder.snapshots.take().classify(new float[784]);
        assertThat(p).hasSize(10);
    }

    @Test
    void stopEndsTrainingAfterTheCurrentBatchAndKeepsTheNetwork() throws Exception {
        Recorder recorder = new Recorder();
        TrainingSwitch control = new TrainingSwitch();
        recorder.afterBatch = () -> {
            if (recorder.batches.size() == 3) {
                control.stop();
            }
        };
        ModelHandle model = new EngineTrainingRunner().train(settings(50, 2000), recorder, control);
        assertThat(recorder.batches).hasSize(3);
        assertThat(model.testAccuracy()).isPresent();
    }

    @Test
    void savedModelsOpenAgainWithTheSamePredictions() throws Exception {
        EngineModelStore store = new EngineModelStore();
        ModelHandle model = store.untrained().withName("round-trip");
        Path file = dir.resolve("round-trip.inkling");
        store.save(model, file);
        ModelHandle opened = store.open(file);
        float[] x = new float[784];
        x[300] = 1;
        x[400] = 0.5f;
        assertThat(opened.classifier().classify(x)).containsExactly(model.classifier().classify(x));
        assertThat(opened.name()).isEqualTo("round-trip");
        assertThat(opened.parameterCount()).isEqualTo(407_050);
    }

    @Test
    void theShippedModelLoadsWhenPresentAndIsAbsentOtherwise() throws Exception {
        EngineModelStore store = new EngineModelStore();
        Path file = dir.resolve("shipped.inkling");
        store.save(store.untrained().withName("inkling-default"), file);
        ModelHandle shipped = new EngineModelStore(() -> Files.newInputStream(file)).shipped().orElseThrow();
        assertThat(shipped.name()).isEqualTo("inkling-default");
        assertThat(shipped.trained()).isTrue();
        assertThat(new EngineModelStore(() -> null).shipped()).isEmpty();
    }

    @Test
    void kerasAndTensorFlowJsModelsOpenAndSayWhereTheyCameFrom() throws Exception {
        EngineModelStore store = new EngineModelStore();
        ModelHandle keras = store.open(Path.of("src/test/resources/keras/keras3/mlp.h5"));
        assertThat(keras.importedFrom()).contains("Keras");
        assertThat(keras.architecture()).isEqualTo("784-32-10");
        assertThat(keras.testAccuracy()).isEmpty();
        Path tfjs = dir.resolve("web");
        org.inkling.models.TfjsWriter.save(org.inkling.models.Models.open(Path.of("src/test/resources/keras/keras3/mlp.keras")), tfjs);
        assertThat(store.open(tfjs.resolve("model.json")).importedFrom()).contains("TensorFlow.js");
        assertThat(store.untrained().importedFrom()).isEmpty();
    }

    @Test
    void aDamagedFileIsRefusedWithAnErrorNamingIt() throws Exception {
        Path file = dir.resolve("broken.inkling");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 1, 2});
        assertThatThrownBy(() -> new EngineModelStore().open(file))
                .isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("broken.inkling");
    }

    @Test
    void mnistIsFoundInAGivenFolderAndNotInAnEmptyOne() {
        MnistFolders mnist = new MnistFolders();
        assertThat(mnist.holdsMnist(MNIST)).isTrue();
        assertThat(mnist.holdsMnist(dir)).isFalse();
    }
}
