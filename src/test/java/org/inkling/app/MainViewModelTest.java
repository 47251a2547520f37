package org.inkling.app;

import org.inkling.app.drawing.DrawingViewModel;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.DialogService;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.app.training.TrainingState;
import org.inkling.app.training.TrainingViewModel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    private final UiQueue ui = new UiQueue();
    private final TaskExecutor tasks = TaskExecutor.withDaemonThreads(ui);
    private final Fakes.Store store = new Fakes.Store();
    private final Fakes.Dialogs dialogs = new Fakes.Dialogs();
    private final Fakes.Mnist mnist = new Fakes.Mnist();
    private final DrawingViewModel drawing = new DrawingViewModel(Fakes.GRID);
    private final TrainingViewModel training =
            new TrainingViewModel(new Fakes.Runner(5, 1), mnist, dialogs, tasks, ui, System::nanoTime);
    private final MainViewModel vm = new MainViewModel(store, dialogs, tasks, drawing, training);

    @AfterEach
    void stopThreads() {
        tasks.close();
    }

    @Test
    void withoutAShippedModelItStartsUntrainedAndSaysSo() {
        vm.loadStartupModel();
        assertThat(vm.modelNameProperty().get()).contains("untrained");
        assertThat(vm.messageProperty().get()).contains("untrained");
        assertThat(drawing.classifierProperty().get()).isNotNull();
        assertThat(vm.titleProperty().get()).startsWith("Inkling");
    }

    @Test
    void theShippedModelIsDescribedInTheStatusBar() {
        store.shipped = new Fakes.Model("inkling-default", true, Fakes.byColumn(1f));
        vm.loadStartupModel();
        assertThat(vm.modelNameProperty().get()).isEqualTo("inkling-default");
        assertThat(vm.modelArchitectureProperty().get()).isEqualTo("784-16-10");
        assertThat(vm.modelParametersProperty().get()).matches("12.730 parameters");
        assertThat(vm.modelAccuracyProperty().get()).isEqualTo("test accuracy 90.00%");
        assertThat(vm.unsavedProperty().get()).isFalse();
    }

    @Test
    void trainedModelIsUnsavedAndClosingAsks() throws Exception {
        vm.loadStartupModel();
        mnist.folder = Path.of("mnist");
        training.epochsProperty().set("1");
        training.train();
        ui.runUntil(() -> vm.unsavedProperty().get(), Duration.ofSeconds(10));
        assertThat(vm.titleProperty().get()).endsWith("•");

        dialogs.answer = DialogService.CloseChoice.CANCEL;
        assertThat(vm.prepareToClose()).isFalse();
        dialogs.answer = DialogService.CloseChoice.SAVE;
        dialogs.saveTarget = Path.of("/tmp/digits");
        assertThat(vm.prepareToClose()).isTrue();
        assertThat(store.saved).containsExactly(Path.of("/tmp/digits.inkling"));
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(vm.modelNameProperty().get()).isEqualTo("digits");
    }

    @Test
    void closingDuringTrainingAsksThenStopsIt() throws Exception {
        vm.loadStartupModel();
        mnist.folder = Path.of("mnist");
        training.epochsProperty().set("1000");
        training.train();
        dialogs.confirmAnswer = false;
        assertThat(vm.prepareToClose()).isFalse();
        assertThat(training.isTraining()).isTrue();
        dialogs.confirmAnswer = true;
        assertThat(vm.prepareToClose()).isTrue();
        assertThat(training.stateProperty().get()).isEqualTo(TrainingState.STOPPING);
        ui.runUntil(() -> !training.isTraining(), Duration.ofSeconds(10));
    }

    @Test
    void aFullDiskIsReportedAndTheModelStaysUnsaved() throws Exception {
        vm.loadStartupModel();
        mnist.folder = Path.of("mnist");
        training.epochsProperty().set("1");
        training.train();
        ui.runUntil(() -> vm.unsavedProperty().get(), Duration.ofSeconds(10));
        store.failure = new java.nio.file.FileSystemException("/tmp/x.inkling", null, "No space left on device");
        dialogs.saveTarget = Path.of("/tmp/x.inkling");
        vm.save();
        ui.runUntil(() -> !vm.busyProperty().get(), Duration.ofSeconds(10));
        assertThat(dialogs.errors).singleElement().asString().contains("disk is full");
        assertThat(vm.unsavedProperty().get()).isTrue();
    }

    @Test
    void aDamagedFileIsReportedAndTheCurrentModelStays() throws Exception {
        vm.loadStartupModel();
        ModelHandle before = vm.modelProperty().get();
        store.failure = new IOException("broken.inkling: model.json is missing");
        vm.open(Path.of("broken.inkling"));
        ui.runUntil(() -> !vm.busyProperty().get(), Duration.ofSeconds(10));
        assertThat(dialogs.errors).singleElement().asString().contains("model.json is missing");
        assertThat(vm.modelProperty().get()).isSameAs(before);
    }

    @Test
    void aKerasModelOpensAndTheStatusBarSaysWhereItCameFrom() throws Exception {
        vm.loadStartupModel();
        vm.open(Path.of("mnist.h5"));
        ui.runUntil(() -> !vm.busyProperty().get(), Duration.ofSeconds(10));
        assertThat(vm.modelNameProperty().get()).isEqualTo("mnist.h5");
        assertThat(vm.messageProperty().get()).contains("imported from Keras");
        assertThat(vm.modelAccuracyProperty().get()).isEqualTo("imported from Keras");
    }

    @Test
    void openingReplacesTheModelAndTheClassifier() throws Exception {
        vm.loadStartupModel();
        vm.open(Path.of("good.inkling"));
        ui.runUntil(() -> !vm.busyProperty().get(), Duration.ofSeconds(10));
        assertThat(vm.modelNameProperty().get()).isEqualTo("good.inkling");
        assertThat(vm.modelFileProperty().get()).isEqualTo(Path.of("good.inkling"));
        assertThat(drawing.classifierProperty().get()).isSameAs(vm.modelProperty().get().classifier());
    }
}
