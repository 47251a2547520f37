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
import java.util.Map;
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

    /** Trains with the fake runner and waits until the run's model waits as the candidate. */
    private void trainToACandidate() throws Exception {
        mnist.folder = Path.of("mnist");
        training.epochsProperty().set("1");
        training.train();
        ui.runUntil(() -> training.candidateProperty().get() != null, Duration.ofSeconds(10));
    }

    @Test
    void trainedModelIsUnsavedOnceKeptAndClosingAsks() throws Exception {
        vm.loadStartupModel();
        trainToACandidate();
        training.keepCandidate();
        assertThat(vm.unsavedProperty().get()).isTrue();
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
        trainToACandidate();
        training.keepCandidate();
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

    @Test
    void aTrainingRunEndsWithTheOldModelStillActiveUntilKept() throws Exception {
        store.shipped = new Fakes.Model("inkling-default", true, Fakes.byColumn(1f));
        vm.loadStartupModel();
        ModelHandle shipped = vm.modelProperty().get();
        trainToACandidate();

        ModelHandle candidate = training.candidateProperty().get();
        assertThat(vm.modelProperty().get()).isSameAs(shipped);
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(drawing.classifierProperty().get()).as("the bars read with the active model again")
                .isSameAs(shipped.classifier());
        assertThat(training.candidateTextProperty().get()).contains("New").contains("test accuracy 90.00%");
        assertThat(training.activeTextProperty().get()).contains("inkling-default").contains("90.00%");

        training.keepCandidate();
        assertThat(vm.modelProperty().get()).isSameAs(candidate);
        assertThat(drawing.classifierProperty().get()).isSameAs(candidate.classifier());
        assertThat(training.candidateProperty().get()).isNull();
        assertThat(vm.unsavedProperty().get()).isTrue();
        assertThat(vm.titleProperty().get()).endsWith("•");
    }

    @Test
    void discardingTheNewModelKeepsTheActiveOne() throws Exception {
        store.shipped = new Fakes.Model("inkling-default", true, Fakes.byColumn(1f));
        vm.loadStartupModel();
        ModelHandle shipped = vm.modelProperty().get();
        trainToACandidate();
        training.discardCandidate();
        assertThat(training.candidateProperty().get()).isNull();
        assertThat(vm.modelProperty().get()).isSameAs(shipped);
        assertThat(vm.unsavedProperty().get()).isFalse();
        assertThat(training.trainLoss()).as("the curves of the discarded run go").isEmpty();
    }

    @Test
    void trainingAgainOrOpeningAsksBeforeDroppingANewModelNobodyKept() throws Exception {
        vm.loadStartupModel();
        trainToACandidate();
        dialogs.confirmAnswer = false;
        training.train();
        assertThat(training.isTraining()).isFalse();
        assertThat(dialogs.questions).contains("The new model has not been kept");
        dialogs.openTarget = Path.of("other.inkling");
        vm.open();
        ui.drain();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(training.candidateProperty().get()).isNotNull();

        dialogs.confirmAnswer = true;
        vm.open();
        ui.runUntil(() -> !vm.busyProperty().get() && vm.modelFileProperty().get() != null, Duration.ofSeconds(10));
        assertThat(training.candidateProperty().get()).isNull();
        assertThat(vm.modelNameProperty().get()).isEqualTo("other.inkling");
    }

    @Test
    void keepingOverUnsavedTrainingAsksToSaveFirst() throws Exception {
        vm.loadStartupModel();
        trainToACandidate();
        training.keepCandidate();
        ModelHandle first = vm.modelProperty().get();
        training.train();
        ui.runUntil(() -> training.candidateProperty().get() != null, Duration.ofSeconds(10));
        dialogs.answer = DialogService.CloseChoice.CANCEL;
        training.keepCandidate();
        assertThat(vm.modelProperty().get()).isSameAs(first);
        assertThat(training.candidateProperty().get()).isNotNull();
        dialogs.answer = DialogService.CloseChoice.DISCARD;
        training.keepCandidate();
        assertThat(vm.modelProperty().get()).isNotSameAs(first);
    }

    @Test
    void theBuiltInModelIsOneCommandAway() throws Exception {
        store.shipped = new Fakes.Model("inkling-default", true, Fakes.byColumn(1f));
        vm.loadStartupModel();
        vm.open(Path.of("good.inkling"));
        ui.runUntil(() -> !vm.busyProperty().get(), Duration.ofSeconds(10));
        assertThat(vm.modelNameProperty().get()).isEqualTo("good.inkling");
        vm.openBuiltIn();
        ui.runUntil(() -> !vm.busyProperty().get(), Duration.ofSeconds(10));
        assertThat(vm.modelNameProperty().get()).isEqualTo("inkling-default");
        assertThat(vm.modelFileProperty().get()).isNull();
        assertThat(vm.recentFiles()).containsExactly(Path.of("good.inkling").toAbsolutePath());
    }

    @Test
    void openingDescribesTheNewModelEverywhere() throws Exception {
        vm.loadStartupModel();
        trainToACandidate();
        training.keepCandidate();
        assertThat(training.trainLoss()).isNotEmpty();
        Map<String, Object> recipe = org.inkling.training.TrainingRecipe.fromMap(Map.of("architecture", "cnn",
                "optimizer", "adam", "lr_schedule", Map.of("name", "cosine", "alpha", 0.0), "augmentation",
                org.inkling.data.AugmentationConfig.DEFAULT.toMap(), "synthetic_per_class", 3000, "epochs", 15,
                "seed", 1)).toMap(null);
        store.toOpen = new Fakes.RecipeModel("inkling-cnn", Fakes.byColumn(2f), recipe, 0.9941);
        dialogs.answer = DialogService.CloseChoice.DISCARD;
        vm.open();
        dialogs.openTarget = Path.of("cnn.inkling");
        vm.open();
        ui.runUntil(() -> vm.modelFileProperty().get() != null, Duration.ofSeconds(10));

        assertThat(vm.titleProperty().get()).isEqualTo("Inkling — cnn.inkling");
        assertThat(vm.modelAccuracyProperty().get()).isEqualTo("test accuracy 99.41%");
        assertThat(training.trainLoss()).as("the previous run's curves").isEmpty();
        assertThat(training.progressTextProperty().get()).contains("inkling-cnn").contains("99.41%")
                .doesNotContain("Done");
        assertThat(training.architectureProperty().get()).isEqualTo("cnn");
        assertThat(training.optimizerProperty().get()).isEqualTo("adam");
        assertThat(training.scheduleProperty().get()).isEqualTo("cosine");
        assertThat(training.augmentationProperty().get()).isEqualTo("default");
        assertThat(training.syntheticProperty().get()).isEqualTo("3000");
        assertThat(training.epochsProperty().get()).isEqualTo("15");
        assertThat(training.validProperty().get()).isTrue();
    }

    @Test
    void trainLikeThisModelFillsTheFormFromItsRecipe() throws Exception {
        Map<String, Object> recipe = new org.inkling.training.TrainingRecipe(null, "256,64",
                org.inkling.nn.Activation.TANH, "sgd", 0.05, 0, org.inkling.nn.LearningRateSchedule.parse("cosine:0.01"),
                org.inkling.data.AugmentationConfig.NONE, 0, 3, 64, 42, 0.1, null).toMap(null);
        store.shipped = new Fakes.RecipeModel("mine", Fakes.byColumn(2f), recipe, 0.95);
        vm.loadStartupModel();
        training.architectureProperty().set("32");
        training.seedProperty().set("9");
        vm.trainLikeThisModel();
        assertThat(training.architectureProperty().get()).isEqualTo("256,64");
        assertThat(training.activationProperty().get()).isEqualTo("tanh");
        assertThat(training.learningRateProperty().get()).isEqualTo("0.05");
        assertThat(training.scheduleProperty().get()).isEqualTo("cosine:0.01");
        assertThat(training.seedProperty().get()).isEqualTo("42");
        assertThat(training.request(Path.of("m")).recipe().toMap(null)).isEqualTo(recipe);
    }
}
