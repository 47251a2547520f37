package org.inkling.app.training;

import org.inkling.app.UiQueue;

import org.inkling.app.Fakes;

import org.inkling.app.model.Classifier;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.TaskExecutor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The training panel's logic, with a fake trainer and a queue standing in for the FX thread. */
class TrainingViewModelTest {
    private final UiQueue ui = new UiQueue();
    private final TaskExecutor tasks = TaskExecutor.withDaemonThreads(ui);
    private final Fakes.Mnist mnist = new Fakes.Mnist();
    private final Fakes.Dialogs dialogs = new Fakes.Dialogs();
    private final List<Classifier> snapshots = new ArrayList<>();
    private final List<ModelHandle> trained = new ArrayList<>();

    private TrainingViewModel create(Fakes.Runner runner) {
        TrainingViewModel vm = new TrainingViewModel(runner, mnist, dialogs, tasks, ui, System::nanoTime);
        vm.setListeners(snapshots::add, trained::add);
        return vm;
    }

    @AfterEach
    void stopThreads() {
        tasks.close();
    }

    @Test
    void defaultsAreTheTextbookNetworkAndValid() {
        TrainingViewModel vm = create(new Fakes.Runner(1, 0));
        assertThat(vm.architectureProperty().get()).isEqualTo("512");
        assertThat(vm.optimizerProperty().get()).isEqualTo("rmsprop");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.canTrainProperty().get()).isTrue();
    }

    @Test
    void invalidFieldsAreMarkedAndDisableTraining() {
        TrainingViewModel vm = create(new Fakes.Runner(1, 0));
        vm.architectureProperty().set("512,,abc");
        assertThat(vm.architectureErrorProperty().get()).contains("separated by commas").contains("abc");
        assertThat(vm.canTrainProperty().get()).isFalse();
        vm.architectureProperty().set(" 256, 128 ");
        assertThat(vm.architectureErrorProperty().get()).isNull();

        vm.learningRateProperty().set("-1");
        assertThat(vm.learningRateErrorProperty().get()).isNotNull();
        vm.learningRateProperty().set("0.01");
        vm.batchSizeProperty().set("0");
        assertThat(vm.batchSizeErrorProperty().get()).isNotNull();
        vm.batchSizeProperty().set("64");
        vm.epochsProperty().set("1.5");
        assertThat(vm.epochsErrorProperty().get()).isNotNull();
        vm.epochsProperty().set("2");
        vm.validationSplitProperty().set("0.9");
        assertThat(vm.validationSplitErrorProperty().get()).isNotNull();
        assertThat(vm.canTrainProperty().get()).isFalse();
        vm.validationSplitProperty().set("0");
        assertThat(vm.canTrainProperty().get()).isTrue();
        assertThat(vm.request(Path.of("m")).recipe().architecture()).isEqualTo("256, 128");
        vm.architectureProperty().set("cnn");
        assertThat(vm.architectureErrorProperty().get()).isNull();
    }

    @Test
    void changingTheOptimiserMovesAnUntouchedLearningRateToItsDefault() {
        TrainingViewModel vm = create(new Fakes.Runner(1, 0));
        vm.optimizerProperty().set("sgd");
        assertThat(vm.learningRateProperty().get()).isEqualTo("0.01");
        vm.learningRateProperty().set("0.5");
        vm.optimizerProperty().set("adam");
        assertThat(vm.learningRateProperty().get()).isEqualTo("0.5");
    }

    @Test
    void trainingFillsTheCurvesFollowsSnapshotsAndHandsOverTheModel() throws Exception {
        mnist.folder = Path.of("mnist");
        Fakes.Runner runner = new Fakes.Runner(30, 5);
        TrainingViewModel vm = create(runner);
        vm.epochsProperty().set("2");
        vm.train();
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.RUNNING);
        assertThat(vm.canTrainProperty().get()).isFalse();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));

        assertThat(vm.trainLoss()).hasSize(60);
        assertThat(vm.valLoss()).hasSize(2);
        assertThat(vm.valAccuracy()).extracting(ChartPoint::x).containsExactly(1.0, 2.0);
        assertThat(snapshots).isNotEmpty();
        assertThat(trained).hasSize(1);
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.progressTextProperty().get()).startsWith("Done");
        assertThat(runner.lastRequest.mnistFolder()).isEqualTo(Path.of("mnist"));
        // 60 batches of 5 ms: far fewer UI updates than batches.
        assertThat(ui.executed()).isLessThan(30);
    }

    @Test
    void theViewsThatLookInsideGetCopiesAtTheCurvesRateOnlyWhileOneIsShowing() throws Exception {
        mnist.folder = Path.of("mnist");
        TrainingViewModel vm = create(new Fakes.Runner(30, 20)); // 0.6 s an epoch: about six hand-overs
        List<org.inkling.nn.Sequential> live = new ArrayList<>();
        List<Integer> epochs = new ArrayList<>();
        vm.setLiveListener((net, update) -> live.add(net));
        vm.setEpochListener((net, epoch) -> epochs.add(epoch));
        vm.epochsProperty().set("1");

        vm.train();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
        assertThat(live).as("nobody looking inside: no copies but the epoch's").isEmpty();
        assertThat(epochs).containsExactly(1);

        vm.liveCopiesWantedProperty().set(true);
        dialogs.confirmAnswer = true; // training again drops the first run's model
        vm.train();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
        assertThat(live).as("copies between the epoch's ends").hasSizeGreaterThanOrEqualTo(2);
        assertThat(java.util.Set.copyOf(live.stream().map(System::identityHashCode).toList())).hasSameSizeAs(live);
        assertThat(epochs).containsExactly(1, 1);
    }

    @Test
    void pauseHoldsTrainingAndStopEndsItKeepingWhatWasLearnt() throws Exception {
        mnist.folder = Path.of("mnist");
        Fakes.Runner runner = new Fakes.Runner(1000, 2);
        TrainingViewModel vm = create(runner);
        vm.train();
        ui.runUntil(() -> runner.batchesRun > 5, Duration.ofSeconds(10));
        vm.pause();
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.PAUSED);
        Thread.sleep(50);
        int held = runner.batchesRun;
        Thread.sleep(200);
        assertThat(runner.batchesRun).isEqualTo(held);
        vm.resume();
        ui.runUntil(() -> runner.batchesRun > held + 5, Duration.ofSeconds(10));
        vm.stop();
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.STOPPING);
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
        assertThat(runner.batchesRun).isLessThan(1000);
        assertThat(trained).hasSize(1);
        assertThat(vm.progressTextProperty().get()).startsWith("Stopped early");
    }

    @Test
    void missingMnistIsResolvedThroughTheDialogFirst() throws Exception {
        Fakes.Runner runner = new Fakes.Runner(3, 0);
        TrainingViewModel vm = create(runner);
        vm.train();
        assertThat(dialogs.questions).containsExactly("mnist");
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingState.IDLE);

        dialogs.mnistAnswer = Path.of("chosen");
        vm.train();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE && !trained.isEmpty(), Duration.ofSeconds(10));
        assertThat(runner.lastRequest.mnistFolder()).isEqualTo(Path.of("chosen"));
        assertThat(vm.mnistFolderProperty().get()).isEqualTo(Path.of("chosen"));
    }

    @Test
    void aFailingRunReportsTheErrorAndReturnsToIdle() throws Exception {
        mnist.folder = Path.of("mnist");
        TrainingViewModel vm = new TrainingViewModel((s, r, c) -> {
            throw new java.io.IOException("train-images-idx3-ubyte.gz: truncated at byte 1000");
        }, mnist, dialogs, tasks, ui, System::nanoTime);
        vm.train();
        ui.runUntil(() -> vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
        assertThat(dialogs.errors).singleElement().asString().contains("truncated at byte 1000");
    }

    @Test
    void timeLeftIsFormattedAsMinutesAndSeconds() {
        assertThat(TrainingViewModel.formatDuration(Duration.ofSeconds(83))).isEqualTo("1:23");
        assertThat(TrainingViewModel.formatDuration(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
    }

    /** A runner whose warm-up runs until cancelled, counting how often it was asked and for which networks. */
    private static final class WarmingRunner implements TrainingRunner {
        final Fakes.Runner training = new Fakes.Runner(3, 5);
        final java.util.concurrent.atomic.AtomicInteger warmUps = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.List<String> warmedFor = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile org.inkling.nn.TrainingControl warmUpControl;
        volatile boolean warmUpEnded;

        @Override
        public ModelHandle train(TrainingRequest request, org.inkling.nn.TrainingListener listener, TrainingSwitch control) throws Exception {
            return training.train(request, listener, control);
        }

        @Override
        public void warmUp(org.inkling.nn.TrainingControl control, String architecture) throws Exception {
            warmedFor.add(architecture);
            warmUps.incrementAndGet();
            warmUpControl = control;
            long end = System.nanoTime() + 20_000_000_000L;
            while (!control.isCancelled() && System.nanoTime() < end) Thread.sleep(5);
            warmUpEnded = true;
        }
    }

    @Test
    void settingUpARunWarmsUpOncePerKindOfNetworkAndTheRunCancelsIt() throws Exception {
        WarmingRunner runner = new WarmingRunner();
        TrainingViewModel vm = new TrainingViewModel(runner, mnist, dialogs, tasks, ui, System::nanoTime);
        vm.setListeners(snapshots::add, trained::add);
        vm.architectureProperty().set("conv8,banana");
        vm.warmUpForTraining();
        Thread.sleep(100);
        assertThat(runner.warmUps.get()).as("an invalid form is not warmed").isZero();

        vm.architectureProperty().set("cnn");
        vm.warmUpForTraining();
        ui.runUntil(() -> runner.warmUps.get() > 0, Duration.ofSeconds(10));
        vm.architectureProperty().set("conv8,pool,32");
        vm.warmUpForTraining();
        vm.architectureProperty().set("512");
        vm.warmUpForTraining();
        ui.runUntil(() -> runner.warmUps.get() > 1, Duration.ofSeconds(10));
        vm.architectureProperty().set("128,128");
        vm.warmUpForTraining();
        Thread.sleep(100);
        assertThat(runner.warmedFor).as("once per window for each kind, for the network in the form").containsExactly("cnn", "512");
        assertThat(runner.warmUpControl.isCancelled()).isFalse();

        vm.mnistFolderProperty().set(Path.of("mnist"));
        vm.train();
        assertThat(runner.warmUpControl.isCancelled()).as("a run starting cancels the warm-up").isTrue();
        ui.runUntil(() -> runner.warmUpEnded && vm.stateProperty().get() == TrainingState.IDLE, Duration.ofSeconds(10));
        assertThat(runner.training.batchesRun).isPositive();
    }

    @Test
    void theWindowGoingCancelsTheWarmUp() throws Exception {
        WarmingRunner runner = new WarmingRunner();
        TrainingViewModel vm = new TrainingViewModel(runner, mnist, dialogs, tasks, ui, System::nanoTime);
        vm.architectureProperty().set("128");
        vm.warmUpForTraining();
        ui.runUntil(() -> runner.warmUps.get() > 0, Duration.ofSeconds(10));
        vm.stopForShutdown();
        ui.runUntil(() -> runner.warmUpEnded, Duration.ofSeconds(10));
        assertThat(runner.warmUpControl.isCancelled()).isTrue();
    }
}
