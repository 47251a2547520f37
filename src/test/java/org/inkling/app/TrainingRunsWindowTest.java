package org.inkling.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inkling.app.WindowTests.waitFor;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.inkling.app.model.EngineModelStore;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.MnistFolders;
import org.inkling.app.training.ChartPoint;
import org.inkling.app.training.TrainingCharts;
import org.inkling.app.training.TrainingController;
import org.inkling.app.training.TrainingPreset;
import org.inkling.app.training.TrainingState;
import org.inkling.app.training.TrainingViewModel;
import org.inkling.data.Mnist;
import org.inkling.nn.ModelFile;
import org.inkling.nn.Param;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainingControl;
import org.inkling.nn.TrainingListener;
import org.inkling.training.RunCsvRows;
import org.inkling.training.TrainingJob;
import org.inkling.training.TrainingRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab's charts in the real window (Monocle): runs overlaid and named, the log scale, reset
 * zoom, exports, and saving while paused, with small MLPs on the real MNIST.
 */
class TrainingRunsWindowTest extends WindowTestBase {
    @TempDir Path dir;

    @Start
    void start(Stage stage) {
        open(stage);
        window.viewModel().training().applyPreset(TrainingPreset.QUICK_MLP);
    }

    private void trainAndWait(FxRobot robot) {
        TrainingViewModel training = window.viewModel().training();
        robot.clickOn("#trainButton");
        waitFor(() -> training.stateProperty().get() == TrainingState.IDLE && training.candidateProperty().get() != null,
                120_000);
    }

    /** A drag across the middle of a chart, as a person zooms into part of a curve. */
    private static void dragZoom(FxRobot robot, TrainingCharts chart) {
        Bounds b = chart.viewer().localToScreen(chart.viewer().getBoundsInLocal());
        robot.moveTo(new Point2D(b.getMinX() + 0.35 * b.getWidth(), b.getMinY() + 0.3 * b.getHeight()))
                .press(MouseButton.PRIMARY)
                .moveTo(new Point2D(b.getMinX() + 0.7 * b.getWidth(), b.getMinY() + 0.65 * b.getHeight()))
                .release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void twoRunsOverlayByNameWithALogScaleResetZoomAndExports(FxRobot robot) throws Exception {
        TrainingViewModel training = window.viewModel().training();
        robot.interact(() -> {
            training.subsetSizeProperty().set(1500);
            training.architectureProperty().set("32");
            training.epochsProperty().set("2");
        });
        trainAndWait(robot);
        dialogs.confirmAnswer = true; // Train again drops the first run's model, not its curves
        robot.interact(() -> {
            training.architectureProperty().set("16");
            training.learningRateProperty().set("0.01");
        });
        try (InklingWindowTest.FxProbe probe = InklingWindowTest.FxProbe.start()) {
            trainAndWait(robot);
            System.out.printf("Runs UI test: second run with the first overlaid: FX thread busy at most %.1f ms"
                    + " (load average %.1f)%n", probe.maxBusyMillis(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertThat(probe.maxBusyMillis()).as("FX thread busy without a break while training, ms").isLessThan(100);
        }
        assertThat(dialogs.errors).isEmpty();

        CheckBox first = robot.lookup("#run-1").queryAs(CheckBox.class);
        CheckBox second = robot.lookup("#run-2").queryAs(CheckBox.class);
        assertThat(first.getText()).isEqualTo("#1 32 adam lr 0.001 on 1500 · 2 ep");
        assertThat(second.getText()).isEqualTo("#2 16 adam lr 0.01 on 1500 · 2 ep");
        assertThat(first.isVisible() && second.isVisible()).isTrue();
        assertThat(first.isSelected()).isTrue();
        assertThat(second.isSelected()).isTrue();
        assertThat(second.isDisabled()).as("the current run is always drawn").isTrue();

        TrainingController controller = window.trainingController();
        for (TrainingCharts chart : List.of(controller.lossChart(), controller.accuracyChart())) {
            assertThat(chart.trainingPoints()).as("current run's curve").isGreaterThan(5);
            assertThat(chart.validationPoints()).isEqualTo(2);
            assertThat(chart.earlierRunsShown()).isEqualTo(1);
            assertThat(chart.earlierTrainingPoints(1)).as("first run's curve").isGreaterThan(5);
        }
        robot.clickOn("#run-1");
        assertThat(controller.lossChart().earlierRunsShown()).isZero();
        assertThat(controller.accuracyChart().earlierRunsShown()).isZero();
        robot.clickOn("#run-1");
        assertThat(controller.lossChart().earlierRunsShown()).isEqualTo(1);

        // Log scale on the loss axis, and back.
        robot.clickOn("#logToggle");
        assertThat(controller.lossChart().isLogScale()).isTrue();
        assertThat(controller.accuracyChart().isLogScale()).isFalse();
        robot.clickOn("#logToggle");
        assertThat(controller.lossChart().isLogScale()).isFalse();

        // The wheel over a chart scrolls the tab and leaves the chart alone.
        Node reset = robot.lookup("#resetLossZoom").query();
        robot.moveTo(controller.lossChart().viewer()).scroll(3, javafx.geometry.VerticalDirection.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(controller.lossChart().zoomedProperty().get()).as("zoomed by the wheel").isFalse();
        assertThat(reset.isVisible()).isFalse();

        // A drag zooms; the reset control appears, and it or a double-click shows the whole runs again.
        dragZoom(robot, controller.lossChart());
        assertThat(controller.lossChart().zoomedProperty().get()).isTrue();
        assertThat(reset.isVisible()).isTrue();
        robot.clickOn("#resetLossZoom");
        assertThat(controller.lossChart().zoomedProperty().get()).isFalse();
        assertThat(reset.isVisible()).isFalse();
        dragZoom(robot, controller.accuracyChart());
        assertThat(robot.lookup("#resetAccuracyZoom").query().isVisible()).isTrue();
        robot.doubleClickOn(controller.accuracyChart().viewer());
        assertThat(controller.accuracyChart().zoomedProperty().get()).isFalse();

        // The CSV of both runs reads back to the epochs' metrics the model file of the second run records.
        dialogs.fileTarget = dir.resolve("runs.csv");
        robot.clickOn("#exportButton").clickOn("Curves of the Shown Runs as CSV…");
        waitFor(() -> Files.exists(dialogs.fileTarget), 10_000);
        List<RunCsvRows.Row> rows = RunCsvRows.parse(Files.readString(dialogs.fileTarget));
        assertThat(rows).extracting(RunCsvRows.Row::run).containsOnly(1, 2);
        Map<String, Object> metrics = savedMetrics(training.candidateProperty().get());
        assertThat(value(rows, 2, 2, "train_loss")).isEqualTo(metrics.get("train_loss"));
        assertThat(value(rows, 2, 2, "train_accuracy")).isEqualTo(metrics.get("train_accuracy"));
        assertThat(value(rows, 2, 2, "validation_loss")).isEqualTo(metrics.get("validation_loss"));
        assertThat(value(rows, 2, 2, "validation_accuracy")).isEqualTo(metrics.get("validation_accuracy"));
        for (var p : training.valLoss()) {
            assertThat(value(rows, 2, (int) p.x(), "validation_loss")).isEqualTo(p.y());
        }
        assertThat(rows).filteredOn(r -> r.run() == 1 && r.metric().equals("validation_accuracy")).hasSize(2);

        dialogs.fileTarget = dir.resolve("loss.png");
        robot.clickOn("#exportButton").clickOn("Loss Chart as PNG…");
        waitFor(() -> Files.exists(dialogs.fileTarget), 20_000);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dialogs.fileTarget.toFile());
        assertThat(png.getWidth()).isEqualTo(1200);
        assertThat(png.getHeight()).isEqualTo(720);
        assertThat(dialogs.errors).isEmpty();
        assertThat(window.viewModel().messageProperty().get()).startsWith("Exported the loss chart to");
    }

    private static double value(List<RunCsvRows.Row> rows, int run, int epoch, String metric) {
        return rows.stream().filter(r -> r.run() == run && r.epoch() == epoch && r.metric().equals(metric))
                .map(RunCsvRows.Row::value).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " for run " + run + " epoch " + epoch));
    }

    /** What the run's model file records, written and read back by the engine. */
    private Map<String, Object> savedMetrics(ModelHandle model) throws Exception {
        Path file = dir.resolve("model-" + System.nanoTime() + ".inkling");
        new EngineModelStore().save(model, file);
        return ModelFile.load(file).metrics();
    }

    @Test
    void saveWhilePausedWritesTheNetworkAsItStandsAndResumeContinuesAsIfNotPaused(FxRobot robot) throws Exception {
        TrainingViewModel training = window.viewModel().training();
        robot.interact(() -> {
            training.architectureProperty().set("48");
            training.epochsProperty().set("2");
        });
        // Pause as the first points reach the chart: a click after a wait could come after a short run has
        // ended on a busy machine.
        javafx.scene.control.Button pause = robot.lookup("#pauseButton").queryButton();
        robot.interact(() -> training.trainLoss().addListener(new javafx.collections.ListChangeListener<ChartPoint>() {
            @Override
            public void onChanged(Change<? extends ChartPoint> c) {
                if (!c.getList().isEmpty()) {
                    training.trainLoss().removeListener(this);
                    pause.fire();
                }
            }
        }));
        robot.clickOn("#trainButton");
        waitFor(() -> training.canSavePausedProperty().get(), 120_000);
        assertThat(robot.lookup("#savePausedButton").query().isVisible()).isTrue();
        assertThat(robot.lookup("#trainButton").query().isVisible()).as("Save takes Train's place").isFalse();

        // File > Save (Ctrl+S) while paused: the paused network, not the active model.
        dialogs.saveTarget = dir.resolve("paused.inkling");
        robot.press(KeyCode.CONTROL).press(KeyCode.S).release(KeyCode.S).release(KeyCode.CONTROL);
        waitFor(() -> window.viewModel().messageProperty().get().startsWith("Saved the paused run's network"), 30_000);
        assertThat(training.stateProperty().get()).isEqualTo(TrainingState.PAUSED);
        assertThat(window.viewModel().modelProperty().get().name()).isEqualTo("inkling-default");
        assertThat(window.stage().getTitle()).doesNotEndWith("•");

        SavedModel saved = org.inkling.models.Models.open(dialogs.saveTarget);
        long batches = ((Number) saved.metrics().get("batches")).longValue();
        assertThat(saved.metrics()).containsEntry("status", "paused");
        assertThat((String) saved.metrics().get("note")).contains("paused training run");
        TrainingRecipe recipe = TrainingRecipe.fromMap(saved.recipe());
        assertThat(recipe.architecture()).isEqualTo("48");
        assertThat(recipe.epochs()).isEqualTo(2);
        assertThat(batches).as("paused part-way").isGreaterThan(0).isLessThan(2 * 469);

        robot.clickOn("#pauseButton"); // Resume
        waitFor(() -> training.stateProperty().get() == TrainingState.IDLE && training.candidateProperty().get() != null,
                120_000);
        Sequential finished = training.candidateProperty().get().network().orElseThrow();

        // The same recipe trained without the app, stopped after as many batches, has the saved weights;
        // trained to the end, it has the weights of the run that was paused and saved.
        Mnist mnist = Mnist.load(MnistFolders.filesIn(UiTestServices.mnistFolder()));
        TrainingControl stopAt = new TrainingControl();
        long[] seen = {0};
        SavedModel cut = TrainingJob.run(recipe, mnist, new TrainingListener() {
            @Override public void onBatchEnd(BatchEvent e) {
                if (++seen[0] == batches) {
                    stopAt.cancel();
                }
            }
        }, stopAt).model();
        assertSameWeights(saved.network(), cut.network());
        SavedModel whole = TrainingJob.run(recipe, mnist, null, null).model();
        assertSameWeights(finished, whole.network());
    }

    private static void assertSameWeights(Sequential actual, Sequential expected) {
        List<Param> a = actual.params();
        List<Param> e = expected.params();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.get(i).value().data).as(a.get(i).name()).isEqualTo(e.get(i).value().data);
        }
    }

    @Test
    void aPresetChosenFromTheMenuFillsTheFormAndTheMenuShowsItsPromptAgain(FxRobot robot) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<TrainingPreset> presets = robot.lookup("#presetBox").queryAs(javafx.scene.control.ComboBox.class);
        robot.clickOn(presets);
        robot.clickOn(TrainingPreset.TEXTBOOK.toString());
        TrainingViewModel training = window.viewModel().training();
        waitFor(() -> "512".equals(training.architectureProperty().get()), 5_000);
        assertThat(training.optimizerProperty().get()).isEqualTo("rmsprop");
        // the menu is a list of actions: it goes back to "a preset…", not to an empty box
        waitFor(() -> presets.getValue() == null, 5_000);
        assertThat(presets.getButtonCell().getText()).isEqualTo(presets.getPromptText()).isNotBlank();
    }
}
