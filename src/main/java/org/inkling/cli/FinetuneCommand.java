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
import org.inkling.ink.LabeledInk;
import org.inkling.ink.PersonalDigits;
import org.inkling.nn.ModelFile;
import org.inkling.nn.SavedModel;
import org.inkling.training.FineTuneJob;
import org.inkling.training.FineTuneOutcome;
import org.inkling.training.FineTuneRecipe;
import org.inkling.training.RecipeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inkling finetune}: teach a model someone's handwriting from their labelled drawings, as the app's "Your digits" does. */
@Command(name = "finetune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Teach a model a person's handwriting: fine-tune it on labelled drawings (JSON Lines, as for",
                "predict --strokes) mixed with a rehearsal of MNIST and synthetic digits, so it keeps the rest.",
                "Reports the drawings per class, the accuracy on them before and cross-validated after (each",
                "drawing read by a model fine-tuned without it), and the MNIST test accuracy after."})
final class FinetuneCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--strokes", paramLabel = "FILE", arity = "1..*", required = true,
            description = "Labelled drawings: {\"label\": 7, \"strokes\": [[[x, y], ...], ...]} per line; "
                    + "\"label\": \"not_a_digit\" teaches a model with a \"not a digit\" class to refuse the drawing.")
    List<Path> strokes;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", required = true, description = "Where to save the taught model.")
    Path out;

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--copies", paramLabel = "N", description = "Copies of each drawing, the first as drawn, the rest augmented (default: ${DEFAULT-VALUE}).")
    int copies = FineTuneRecipe.standard().copies();

    @Option(names = "--rehearsal", paramLabel = "N", description = "MNIST training digits per class to rehearse (default: ${DEFAULT-VALUE}).")
    int rehearsal = FineTuneRecipe.standard().rehearsalPerClass();

    @Option(names = "--synthetic", paramLabel = "N", description = "Synthetic drawn digits per class to rehearse (default: ${DEFAULT-VALUE}).")
    int synthetic = FineTuneRecipe.standard().syntheticPerClass();

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the examples (default: ${DEFAULT-VALUE}).")
    int epochs = FineTuneRecipe.standard().epochs();

    @Option(names = "--batch", paramLabel = "N", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch = FineTuneRecipe.standard().batchSize();

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    double lr = FineTuneRecipe.standard().learningRate();

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the augmentation, rehearsal and shuffling (default: ${DEFAULT-VALUE}).")
    long seed = FineTuneRecipe.standard().seed();

    @Option(names = "--all-layers", description = "Train every layer, not only the dense head (slower).")
    boolean allLayers;

    @Option(names = "--folds", paramLabel = "K", description = "Folds of the cross-validation on the drawings; 0 skips it (default: ${DEFAULT-VALUE}).")
    int folds = FineTuneRecipe.standard().folds();

    @Option(names = "--json", description = "Print JSON lines; the last is {\"summary\": {...}}.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        FineTuneRecipe recipe;
        try {
            recipe = new FineTuneRecipe(copies, rehearsal, synthetic, epochs, batch, lr, seed, !allLayers, folds);
        } catch (RecipeException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), e.getMessage());
        }
        SavedModel base = model.load();
        List<LabeledInk> drawings = new ArrayList<>();
        for (Path p : strokes) {
            PersonalDigits.Contents c = PersonalDigits.read(p);
            for (String problem : c.problems()) System.err.println("inkling finetune: " + problem);
            drawings.addAll(c.drawings());
        }
        if (drawings.isEmpty()) throw new CliException("no labelled drawings in " + strokes);
        Mnist mnist = data.load(json);

        FineTuneOutcome outcome = FineTuneJob.run(base, drawings, recipe, mnist, null, null, true);
        if (!outcome.result().completed()) {
            throw new CliException("the fine-tune did not finish: " + outcome.result().message());
        }
        String name = ModelFile.baseName(out);
        SavedModel taught = new SavedModel(name, outcome.model().network(), outcome.model().recipe(),
                outcome.model().metrics(), outcome.model().classNames(), outcome.model().verdict());
        try {
            ModelFile.save(out, taught);
        } catch (IOException e) {
            throw new CliException("could not save the model to " + out + ": " + e.getMessage(), e);
        }

        FineTuneJob.Measures m = outcome.measures();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("taught", drawings.size());
        s.put("taught_per_class", outcome.taughtPerClass());
        s.put("accuracy_before", m.accuracyBefore());
        s.put("cv_accuracy_after", Double.isNaN(m.crossValidatedAfter()) ? null : m.crossValidatedAfter());
        s.put("folds", m.folds());
        s.put("test_accuracy_before", base.metrics().get("test_accuracy"));
        s.put("test_accuracy", m.test() == null ? null : m.test().accuracy());
        s.put("seconds", outcome.seconds());
        s.put("check_seconds", m.seconds());
        s.put("model", out.toAbsolutePath().toString());
        if (json) {
            new JsonLines(System.out).summary(s);
        } else {
            System.out.print(text(base, outcome, drawings.size()));
        }
        return 0;
    }

    private String text(SavedModel base, FineTuneOutcome o, int n) {
        FineTuneJob.Measures m = o.measures();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Taught %s %d drawings:", base.name(), n));
        int[] per = o.taughtPerClass();
        for (int c = 0; c < per.length; c++) {
            if (per[c] > 0) sb.append(' ').append(LabeledInk.describe(c)).append(':').append(per[c]);
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "Fine-tune: %.2f s%n", o.seconds()));
        sb.append(String.format(Locale.ROOT, "Your %s read right: %.1f%% before", FineTuneJob.whatIsRead(per), 100 * m.accuracyBefore()));
        if (!Double.isNaN(m.crossValidatedAfter())) {
            sb.append(String.format(Locale.ROOT, ", %.1f%% after (%d-fold cross-validated: each drawing read by a model taught without it)",
                    100 * m.crossValidatedAfter(), m.folds()));
        }
        sb.append('\n');
        if (m.test() != null) {
            sb.append(String.format(Locale.ROOT, "MNIST test accuracy after: %.2f%%", 100 * m.test().accuracy()));
            if (base.metrics().get("test_accuracy") instanceof Number b) {
                sb.append(String.format(Locale.ROOT, " (before: %.2f%%)", 100 * b.doubleValue()));
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "Checks took %.1f s. Saved %s%n", m.seconds(), out));
        return sb.toString();
    }
}
