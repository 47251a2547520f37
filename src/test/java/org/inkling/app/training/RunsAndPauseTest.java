package org.inkling.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.inkling.app.Fakes;
import org.inkling.app.UiQueue;
import org.inkling.app.model.Classifier;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.nn.Activation;
import org.inkling.nn.Param;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainingListener;
import org.inkling.training.EpochMetrics;
import org.inkling.training.RunCsvRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs kept for the charts, their CSV export and saving while paused, without a window. */
class RunsAndPauseTest {
    private final UiQueue ui = new UiQueue();
    private final TaskExecutor tasks = TaskExecutor.withDaemonThreads(ui);
    private final Fakes.Mnist mnist = new Fakes.Mnist();
    private final Fakes.Dialogs dialogs = new Fakes.Dialogs();
    @TempDir Path dir;

    private TrainingViewModel create(TrainingRunner runner) {
        mnist.folder = Path.of("mnist");
        TrainingViewModel vm = new TrainingViewModel(runner, mnist, dialogs, tasks, ui, System::nanoTime);
        vm.setListeners(snapshot -> {}, model -> {});
        dialogs.confirmAnswer = true; // "Drop it": training again drops the last run's model
        return vm;
    }

    @AfterEach
    void stopThreads() {
        tasks.close();
    }

    private void trainToTheEnd(TrainingViewModel vm) throws InterruptedException {
        vm.train();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
    }

    @Test
    void twoRunsAreKeptNamedByTheirSettingsAndTheFirstStaysShownUnderTheSecond() throws Exception {
        TrainingViewModel vm = create(new Fakes.Runner(10, 0));
        vm.epochsProperty().set("2");
        trainToTheEnd(vm);
        vm.architectureProperty().set("64");
        vm.optimizerProperty().set("adam");
        vm.epochsProperty().set("1");
        trainToTheEnd(vm);

        List<TrainingRuns.Run> runs = vm.runs().runs();
        assertThat(runs).extracting(TrainingRuns.Run::name)
                .containsExactly("#1 512 rmsprop lr 0.001 val 0.1 · 2 ep", "#2 64 adam lr 0.001 val 0.1 · 1 ep");
        assertThat(vm.runs().currentProperty().get()).isSameAs(runs.get(1));
        assertThat(runs.get(0).currentProperty().get()).isFalse();
        assertThat(runs.get(0).isShown()).isTrue();
        // The first run's curves survive the second: 20 batch points and both epochs' metrics.
        assertThat(runs.get(0).record().trainLoss()).hasSize(20);
        assertThat(runs.get(0).record().trainLoss()).extracting(p -> p.step())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(runs.get(0).record().epochs()).containsExactly(
                new EpochMetrics(1, 10, 0.5, 0.8, 0.6, 0.75), new EpochMetrics(2, 20, 0.5, 0.8, 0.6, 0.75));
        // The current lists hold the second run only.
        assertThat(vm.trainLoss()).hasSize(10);
    }

    @Test
    void atMostEightRunsAreKeptAndOpeningAModelHidesThem() throws Exception {
        TrainingViewModel vm = create(new Fakes.Runner(2, 0));
        vm.epochsProperty().set("1");
        for (int i = 0; i < 9; i++) {
            trainToTheEnd(vm);
        }
        assertThat(vm.runs().runs()).hasSize(TrainingRuns.MAX_RUNS);
        assertThat(vm.runs().runs().getFirst().number()).isEqualTo(2);
        assertThat(vm.runs().runs().getLast().number()).isEqualTo(9);

        vm.describe(new Fakes.Model("opened", true, Fakes.byColumn(1f)));
        assertThat(vm.runs().currentProperty().get()).isNull();
        assertThat(vm.runs().runs()).noneMatch(TrainingRuns.Run::isShown);
        assertThat(vm.trainLoss()).isEmpty();
    }

    @Test
    void aStoppedRunIsNamedSo() throws Exception {
        Fakes.Runner runner = new Fakes.Runner(1000, 2);
        TrainingViewModel vm = create(runner);
        vm.train();
        ui.runUntil(() -> runner.batchesRun > 3, Duration.ofSeconds(10));
        vm.stop();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
        assertThat(vm.runs().runs().getFirst().name()).endsWith("(stopped)");
    }

    @Test
    void theCsvOfTheShownRunsParsesBackToTheirEpochMetrics() throws Exception {
        TrainingViewModel vm = create(new Fakes.Runner(5, 0));
        vm.epochsProperty().set("3");
        trainToTheEnd(vm);
        vm.architectureProperty().set("16,16");
        trainToTheEnd(vm);
        dialogs.fileTarget = dir.resolve("runs.csv");

        vm.exportCurves();
        ui.runUntil(() -> vm.noticeProperty().get().startsWith("Exported"), Duration.ofSeconds(10));
        assertThat(dialogs.fileKinds).containsExactly("csv");
        assertThat(vm.noticeProperty().get()).contains("2 runs").contains(dialogs.fileTarget.toString());
        List<RunCsvRows.Row> rows = RunCsvRows.parse(Files.readString(dialogs.fileTarget));
        for (TrainingRuns.Run run : vm.runs().runs()) {
            List<EpochMetrics> epochs = run.record().epochs();
            assertThat(epochs).hasSize(3);
            for (EpochMetrics e : epochs) {
                assertThat(value(rows, run.number(), e.epoch(), "train_loss")).isEqualTo(e.trainLoss());
                assertThat(value(rows, run.number(), e.epoch(), "train_accuracy")).isEqualTo(e.trainAccuracy());
                assertThat(value(rows, run.number(), e.epoch(), "validation_loss")).isEqualTo(e.validationLoss());
                assertThat(value(rows, run.number(), e.epoch(), "validation_accuracy"))
                        .isEqualTo(e.validationAccuracy());
            }
            assertThat(rows).filteredOn(r -> r.run() == run.number() && r.metric().equals("batch_loss_smoothed"))
                    .extracting(RunCsvRows.Row::value)
                    .containsExactlyElementsOf(run.record().trainLoss().stream().map(p -> p.value()).toList());
        }
        assertThat(rows).filteredOn(r -> r.run() == 2).extracting(RunCsvRows.Row::label)
                .containsOnly("16,16 rmsprop lr 0.001 val 0.1 · 3 ep");

        // Untick the first run: only the shown one is exported.
        vm.runs().runs().getFirst().shownProperty().set(false);
        vm.exportCurves();
        ui.runUntil(() -> vm.noticeProperty().get().startsWith("Exported the curves of 1 run"), Duration.ofSeconds(10));
        assertThat(RunCsvRows.parse(Files.readString(dialogs.fileTarget))).extracting(RunCsvRows.Row::run)
                .containsOnly(2);
    }

    private static double value(List<RunCsvRows.Row> rows, int run, int epoch, String metric) {
        return rows.stream().filter(r -> r.run() == run && r.epoch() == epoch && r.metric().equals(metric))
                .map(RunCsvRows.Row::value).findFirst().orElseThrow();
    }

    @Test
    void anExportThatCannotBeWrittenSaysSoAndChangesNothing() throws Exception {
        TrainingViewModel vm = create(new Fakes.Runner(2, 0));
        trainToTheEnd(vm);
        Path folder = Files.createDirectory(dir.resolve("a-folder"));
        dialogs.fileTarget = folder; // a folder cannot be replaced by a file
        vm.exportCurves();
        ui.runUntil(() -> !dialogs.errors.isEmpty(), Duration.ofSeconds(10));
        assertThat(dialogs.errors.getFirst()).startsWith("Could not export the curves of 1 run");
        assertThat(Files.isDirectory(folder)).isTrue();
    }

    /**
     * Trains by hand: each batch moves the weights by a known step, then reports the batch (where a
     * paused run holds). It keeps a copy of the weights after every batch.
     */
    static final class SteppingRunner implements TrainingRunner {
        final Sequential network = Sequential.mlp(Classifier.INPUT_SIZE, new int[] {8}, Activation.RELU, 10, 3);
        final List<float[]> weightsAfter = new CopyOnWriteArrayList<>();
        final int batches;
        volatile int batchesRun;

        SteppingRunner(int batches) {
            this.batches = batches;
        }

        @Override
        public ModelHandle train(TrainingRequest request, TrainingListener listener, TrainingSwitch control)
                throws Exception {
            int epochs = request.recipe().epochs();
            listener.onTrainingBegin(new TrainingListener.TrainingPlan(epochs, 1, batches, 0, batches,
                    network.parameterCount(), network));
            outer:
            for (int e = 1; e <= epochs; e++) {
                for (int b = 1; b <= batches; b++) {
                    if (control.isStopped()) {
                        break outer;
                    }
                    Thread.sleep(2);
                    for (Param p : network.params()) {
                        float[] w = p.value().data;
                        for (int i = 0; i < w.length; i++) {
                            w[i] += 0.001f * ((i + batchesRun) % 7 - 3);
                        }
                    }
                    batchesRun++;
                    weightsAfter.add(flat(network));
                    listener.onBatchEnd(new TrainingListener.BatchEvent(e, b, batches, 1.0 / batchesRun, 0.5,
                            1.0 / batchesRun, 0.5, 0));
                }
                listener.onEpochEnd(new TrainingListener.EpochEvent(e, epochs, 0.4, 0.9, 0.45, 0.88, 0.1));
            }
            return new Fakes.Model("trained", true, Fakes.byColumn(3f));
        }
    }

    static float[] flat(Sequential network) {
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (Param p : network.params()) {
            parts.add(p.value().data.clone());
            n += p.size();
        }
        float[] all = new float[n];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    @Test
    void pausingHandsOverTheNetworkAsItStandsAndResumingGoesOnFromThere() throws Exception {
        SteppingRunner runner = new SteppingRunner(500);
        TrainingViewModel vm = create(runner);
        vm.architectureProperty().set("8");
        vm.epochsProperty().set("2");
        List<ModelHandle> saved = new ArrayList<>();
        vm.setSnapshotSaver(saved::add);
        vm.train();
        ui.runUntil(() -> runner.batchesRun > 520, Duration.ofSeconds(20)); // into the second epoch
        vm.pause();
        assertThat(vm.canSavePausedProperty().get()).isFalse(); // until the training thread holds
        ui.runUntil(() -> vm.pausedSnapshotProperty().get() != null, Duration.ofSeconds(10));
        int held = runner.batchesRun;
        Thread.sleep(100);
        assertThat(runner.batchesRun).as("held while paused").isEqualTo(held);

        ModelHandle snapshot = vm.pausedSnapshotProperty().get();
        Sequential copy = snapshot.network().orElseThrow();
        assertThat(copy).isNotSameAs(runner.network);
        assertThat(flat(copy)).isEqualTo(runner.weightsAfter.get(held - 1)).isEqualTo(flat(runner.network));
        @SuppressWarnings("unchecked")
        Map<String, Object> at = (Map<String, Object>) metrics(snapshot).get("paused_at");
        assertThat(at).containsEntry("epoch", 2L).containsEntry("batch", (long) held - 500)
                .containsEntry("batches_per_epoch", 500L);
        assertThat(metrics(snapshot)).containsEntry("status", "paused").containsEntry("epochs", 1L)
                .containsEntry("batches", (long) held).containsEntry("validation_accuracy", 0.88);
        assertThat((String) metrics(snapshot).get("note")).startsWith("snapshot of a paused training run");
        assertThat(snapshot.recipe()).containsEntry("architecture", "8").containsEntry("epochs", 2);
        assertThat(snapshot.name()).isEqualTo("mnist-8-paused-e2b" + (held - 500));

        assertThat(vm.canSavePausedProperty().get()).isTrue();
        vm.savePausedRun();
        assertThat(saved).containsExactly(snapshot);

        vm.resume();
        assertThat(vm.pausedSnapshotProperty().get()).isNull();
        assertThat(vm.canSavePausedProperty().get()).isFalse();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(20));
        assertThat(runner.batchesRun).isEqualTo(1000);
        // The copy did not follow the run, and the run was not disturbed by it.
        assertThat(flat(copy)).isEqualTo(runner.weightsAfter.get(held - 1));
        assertThat(flat(runner.network)).isEqualTo(runner.weightsAfter.getLast());
    }

    @Test
    void aQuickResumeAndPauseStillHandsOverTheNetwork() throws Exception {
        SteppingRunner runner = new SteppingRunner(100_000);
        TrainingViewModel vm = create(runner);
        vm.train();
        ui.runUntil(() -> runner.batchesRun > 5, Duration.ofSeconds(10));
        vm.pause();
        ui.runUntil(() -> vm.pausedSnapshotProperty().get() != null, Duration.ofSeconds(10));
        vm.resume();
        vm.pause();
        ui.runUntil(() -> vm.pausedSnapshotProperty().get() != null, Duration.ofSeconds(10));
        assertThat(flat(vm.pausedSnapshotProperty().get().network().orElseThrow()))
                .isEqualTo(runner.weightsAfter.get(runner.batchesRun - 1));
        vm.stop();
        assertThat(vm.pausedSnapshotProperty().get()).isNull();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
    }

    /** What a model file would record as metrics, read back through the engine's model file. */
    private Map<String, Object> metrics(ModelHandle model) throws Exception {
        Path file = dir.resolve("m-" + System.nanoTime() + ".inkling");
        new org.inkling.app.model.EngineModelStore().save(model, file);
        return org.inkling.nn.ModelFile.load(file).metrics();
    }
}
