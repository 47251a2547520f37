package org.inkling.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inkling.app.WindowTests.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.inkling.app.model.EngineModelStore;
import org.inkling.app.teaching.EngineTeacher;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.training.FineTuneRecipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "Your digits" tab in the real window: a key press labels the drawing, the set grows on disk, the network learns and the bars change. */
class TeachingWindowTest extends WindowTestBase {
    static {
        // the window starts in seconds alone, but this machine is shared by several builds at once
        System.setProperty("testfx.setup.timeout", "180000");
    }

    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        AppServices real = UiTestServices.create();
        // small and quick: the test is about the flow, the benchmark about the tuning
        EngineTeacher teacher = new EngineTeacher(PersonalDigits.in(home), new FineTuneRecipe(8, 10, 5, 6, 32, 1e-3, 1, true, 0));
        AppServices services = new AppServices(new EngineModelStore(), real.trainer(), real.mnist(), real.rasterizer(), teacher);
        open(stage, services);
    }

    @Test
    void aDigitKeyTeachesTheDrawingTheSetGrowsAndTheBarsChange(FxRobot robot) throws Exception {
        robot.clickOn("Your digits");
        drawSeven(robot);
        int read = window.viewModel().drawing().predictedDigitProperty().get();
        int taught = read == 1 ? 2 : 1; // a correction: it is taught as what it was not read as
        double before = robot.lookup("#bar-" + taught).queryAs(ProgressBar.class).getProgress();
        var modelBefore = window.viewModel().modelProperty().get();
        int itemsBefore = window.teaching().items().size(); // the tests share one set on disk

        robot.type(taught == 1 ? KeyCode.DIGIT1 : KeyCode.DIGIT2);

        waitFor(() -> window.teaching().items().size() == itemsBefore + 1, 10_000);
        assertThat(window.teaching().items().get(itemsBefore).label()).isEqualTo(taught);
        waitFor(() -> window.viewModel().modelProperty().get() != modelBefore, 300_000);
        waitFor(() -> robot.lookup("#bar-" + taught).queryAs(ProgressBar.class).getProgress() != before, 10_000);
        assertThat(robot.lookup("#bar-" + taught).queryAs(ProgressBar.class).getProgress())
                .as("the taught digit's bar grows once the network has learnt").isGreaterThan(before);
        assertThat(window.viewModel().unsavedProperty().get()).isTrue();
        List<String> lines = Files.readAllLines(home.resolve("digits.jsonl"));
        assertThat(lines).hasSize(itemsBefore + 1);
        assertThat(lines.get(itemsBefore)).contains("\"label\":" + taught);
        assertThat(PersonalDigits.in(home).read().entries()).hasSize(itemsBefore + 1);
        // undo goes back to the network before the lesson
        waitFor(() -> !window.teaching().busyProperty().get(), 300_000);
        WaitForAsyncUtils.asyncFx(() -> window.teaching().undo()).get(10, TimeUnit.SECONDS);
        assertThat(window.viewModel().modelProperty().get()).isSameAs(modelBefore);
    }

    @Test
    void theNotADigitButtonTeachesTheNetworkToRefuseTheDrawing(FxRobot robot) throws Exception {
        robot.clickOn("Your digits");
        drawSeven(robot);
        var drawing = window.viewModel().drawing();
        double notDigitBefore = drawing.verdictProperty().get().notDigitProbability();
        var modelBefore = window.viewModel().modelProperty().get();
        int itemsBefore = window.teaching().items().size();

        robot.clickOn("#teach-not-a-digit");

        waitFor(() -> window.teaching().items().size() == itemsBefore + 1, 10_000);
        assertThat(window.teaching().items().get(itemsBefore).label()).isEqualTo(LabeledInk.NOT_A_DIGIT);
        waitFor(() -> window.viewModel().modelProperty().get() != modelBefore, 300_000);
        waitFor(() -> drawing.verdictProperty().get().notDigitProbability() != notDigitBefore, 10_000);
        assertThat(drawing.verdictProperty().get().notDigitProbability())
                .as("the network learnt to call the drawing no digit").isGreaterThan(notDigitBefore);
        assertThat(Files.readAllLines(home.resolve("digits.jsonl"))).anyMatch(l -> l.contains("\"label\":\"not_a_digit\""));
        waitFor(() -> !window.teaching().busyProperty().get(), 300_000);
    }
}
