package org.inkling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.inkling.app.Fakes;
import org.inkling.app.UiQueue;
import org.inkling.app.model.EngineModelStore;
import org.inkling.app.model.ModelHandle;
import org.inkling.app.shared.TaskExecutor;
import org.inkling.app.training.EngineTrainingRunner;
import org.inkling.app.training.TrainingViewModel;
import org.inkling.cli.InklingCommand;
import org.inkling.data.TestMnist;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's Train button and {@code inkling train} run the same training job: with the same
 * settings they record the same recipe, in the same schema, and train the same weights.
 */
class FrontEndsShareOneRecipeTest {
    @TempDir
    Path dir;

    @Test
    void theAppAndTheCommandLineSaveTheSameRecipeAndWeights() throws Exception {
        Path fromApp = dir.resolve("app.inkling");
        UiQueue ui = new UiQueue();
        try (TaskExecutor tasks = TaskExecutor.withDaemonThreads(ui)) {
            Fakes.Mnist mnist = new Fakes.Mnist();
            mnist.folder = TestMnist.dir();
            TrainingViewModel vm = new TrainingViewModel(new EngineTrainingRunner(), mnist, new Fakes.Dialogs(), tasks,
                    ui, System::nanoTime);
            List<ModelHandle> trained = new ArrayList<>();
            vm.setListeners(snapshot -> {}, trained::add);
            vm.architectureProperty().set("32");
            vm.optimizerProperty().set("adam");
            vm.learningRateProperty().set("0.003");
            vm.batchSizeProperty().set("100");
            vm.epochsProperty().set("2");
            vm.validationSplitProperty().set("0.1");
            vm.subsetSizeProperty().set(1500);
            vm.seedProperty().set("7");
            vm.train();
            ui.runUntil(() -> !trained.isEmpty(), Duration.ofMinutes(2));
            new EngineModelStore().save(trained.getFirst(), fromApp);
        }

        Path fromCli = dir.resolve("cli.inkling");
        PrintStream out = System.out;
        int code;
        try {
            System.setOut(new PrintStream(PrintStream.nullOutputStream()));
            code = InklingCommand.run(new String[] {"train", "--data", TestMnist.dir().toString(), "--arch", "32",
                    "--optimizer", "adam", "--lr", "0.003", "--batch", "100", "--epochs", "2", "--validation-split", "0.1",
                    "--limit", "1500", "--seed", "7", "--out", fromCli.toString(), "--json"});
        } finally {
            System.setOut(out);
        }
        assertThat(code).isZero();

        SavedModel app = ModelFile.load(fromApp);
        SavedModel cli = ModelFile.load(fromCli);
        assertThat(app.recipe()).isEqualTo(cli.recipe());
        assertThat(app.metrics().keySet()).isEqualTo(cli.metrics().keySet());
        assertThat(app.metrics().get("test_accuracy")).isEqualTo(cli.metrics().get("test_accuracy"));
        for (int i = 0; i < app.network().params().size(); i++) {
            assertThat(app.network().params().get(i).value().data).isEqualTo(cli.network().params().get(i).value().data);
        }
    }
}
