package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inkling.data.Mnist;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.Examples;
import org.inkling.nn.Losses;
import org.inkling.nn.ModelFile;
import org.inkling.nn.LearningRateSchedule;
import org.inkling.nn.Optimizer;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.TrainConfig;
import org.inkling.nn.Trainer;
import org.inkling.nn.TrainingListener.EpochEvent;
import org.inkling.nn.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
    Path out = Path.of("inkling-model.inkling");

    @Option(names = "--name", description = "A name for the model, stored in its file.")
    String name;

    @Option(names = "--json", description = "One JSON object per line: per epoch, then a summary.")
    boolean json;

    @Override
    public Integer call() {
        Sequential model = recipe.buildModel(seed);
        Optimizer optimizer = recipe.optimizer();
        LearningRateSchedule schedule = recipe.schedule();
        Mnist mnist = data.load(json);
        Examples train = limit == null ? mnist.train() : mnist.train().subset(0, Math.min(limit, mnist.train().size()));
        Examples extra = recipe.syntheticExamples(seed + 1);
        if (extra != null) train = new org.inkling.data.ConcatExamples(List.of(train, extra));
        TrainConfig config = TrainConfig.of(epochs, batch, seed).withAugmenter(recipe.augmenter()).withSchedule(schedule);
        config = validationSplit != null ? config.withValidationSplit(validationSplit) : config.withValidationData(mnist.test());

        if (!json) System.out.print(model.summary());
        List<Double> epochSeconds = new ArrayList<>();
        TrainingPrinter printer = new TrainingPrinter(System.out, json);
        TrainingResult result = Trainer.fit(model, optimizer, Losses.SPARSE_CATEGORICAL_CROSSENTROPY, train, config,
                printer, null);
        for (EpochEvent e : result.history()) epochSeconds.add(e.seconds());
        if (result.status() == TrainingResult.Status.DIVERGED) {
            throw new CliException("training stopped: " + result.message()
                    + " (try a smaller --lr; the model was not saved)");
        }

        Evaluation test = Evaluator.evaluate(model, mnist.test());
        EpochEvent last = result.lastEpoch();
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("train_accuracy", last.accuracy());
        metrics.put("train_loss", last.loss());
        metrics.put("validation_accuracy", last.valAccuracy());
        metrics.put("validation_loss", last.valLoss());
        metrics.put("test_accuracy", test.accuracy());
        metrics.put("test_loss", test.loss());
        metrics.put("epochs", result.epochsCompleted());
        metrics.put("epoch_seconds", epochSeconds);

        Map<String, Object> fullRecipe = recipe.describe(optimizer);
        fullRecipe.put("epochs", epochs);
        fullRecipe.put("batch_size", batch);
        fullRecipe.put("seed", seed);
        fullRecipe.put("validation", validationSplit != null ? "split " + validationSplit : "test set");
        fullRecipe.put("train_examples", train.size());
        fullRecipe.put("command", "inkling train " + String.join(" ", recipe.commandLine(epochs, batch, seed)));

        String modelName = name != null ? name : out.getFileName().toString().replaceFirst("\\.inkling$", "");
        try {
            ModelFile.save(out, new SavedModel(modelName, model, fullRecipe, metrics, null));
        } catch (IOException e) {
            throw new CliException("could not save the model to " + out + ": " + e.getMessage(), e);
        }

        double peak = PeakMemory.megabytes();
        if (json) {
            Map<String, Object> s = new LinkedHashMap<>(metrics);
            s.put("status", result.status().name().toLowerCase(Locale.ROOT));
            s.put("model", out.toAbsolutePath().toString());
            s.put("parameters", model.parameterCount());
            s.put("peak_memory_mb", peak);
            new JsonLines(System.out).summary(s);
        } else {
            if (!result.completed()) System.out.println(result.message());
            System.out.printf(Locale.ROOT, "Test accuracy: %.4f - test loss: %.4f%n", test.accuracy(), test.loss());
            System.out.printf(Locale.ROOT, "Saved %s (%,d parameters); peak memory %.0f MB%n", out, model.parameterCount(), peak);
        }
        return 0;
    }
}
