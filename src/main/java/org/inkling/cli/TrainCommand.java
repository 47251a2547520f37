package org.inkling.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inkling.data.Mnist;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.inkling.training.TrainingJob;
import org.inkling.training.TrainingOutcome;
import org.inkling.training.TrainingRecipe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code inkling train}: trains a network on MNIST, reports as Keras does, evaluates on the test set, saves. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a network on MNIST and save it.",
                "Defaults are the textbook network: 784-512-10, relu, softmax, RMSprop, batch 128, 5 epochs."})
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ModelRecipeOptions recipe = new ModelRecipeOptions();

    @Option(names = "--epochs", defaultValue = "5", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Examples per gradient step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1", description = "Seed for weights, shuffling and augmentation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--validation-split", paramLabel = "FRACTION",
            description = "Hold out the last FRACTION of the training images for validation (e.g. 0.1). "
                    + "Without it, all 60,000 train and the test set is shown as validation.")
    Double validationSplit;

    @Option(names = "--limit", paramLabel = "N", description = "Train on the first N training images only (quick runs).")
    Integer limit;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", description = "Where to save the model (default: inkling-model.inkling).")
    Path out = Path.of("inkling-model" + ModelFile.EXTENSION);

    @Option(names = "--name", description = "A name for the model, stored in its file.")
    String name;

    @Option(names = "--json", description = "One JSON object per line: per epoch, then a summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String outProblem = ModelOutput.problem(out);
        if (outProblem != null) throw new ParameterException(spec.commandLine(), "Invalid --out: " + outProblem);
        String modelName = name != null ? name : ModelFile.baseName(out);
        TrainingRecipe r = recipe.toRecipe(modelName, epochs, batch, seed, validationSplit, limit);
        Mnist mnist = data.load(json);
        if (!json) System.out.print(r.buildNetwork().summary());

        TrainingOutcome outcome = TrainingJob.run(r, mnist, new TrainingPrinter(System.out, json), null);
        if (outcome.diverged()) {
            throw new CliException("training stopped: " + outcome.result().message()
                    + " (try a smaller --lr; the model was not saved)");
        }
        SavedModel model = outcome.model();
        ModelOutput.save(out, model, ModelOutput.recoveryDirs());

        double peak = PeakMemory.megabytes();
        if (json) {
            Map<String, Object> s = new LinkedHashMap<>(model.metrics());
            s.put("model", out.toAbsolutePath().toString());
            s.put("parameters", model.network().parameterCount());
            s.put("peak_memory_mb", peak);
            new JsonLines(System.out).summary(s);
        } else {
            if (!outcome.completed()) System.out.println(outcome.result().message());
            // The recorded figure: over the ten digits for a model that can also answer "not a digit".
            Object accuracy = model.metrics().get("test_accuracy");
            System.out.printf(Locale.ROOT, "Test accuracy: %.4f - test loss: %.4f%n",
                    accuracy instanceof Number n ? n.doubleValue() : outcome.test().accuracy(), outcome.test().loss());
            if (model.metrics().get("test_accepted_share") instanceof Number share) {
                System.out.printf(Locale.ROOT, "Verdicts on the test set: %.2f%% accepted; calibration error %.2f%% at temperature %.3f%n",
                        100 * share.doubleValue(), 100 * ((Number) model.metrics().get("test_ece_calibrated")).doubleValue(),
                        model.verdict().temperature());
            }
            System.out.printf(Locale.ROOT, "Saved %s (%,d parameters); peak memory %.0f MB%n", out,
                    model.network().parameterCount(), peak);
        }
        return 0;
    }
}
