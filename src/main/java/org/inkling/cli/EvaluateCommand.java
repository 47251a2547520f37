package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inkling.data.Mnist;
import org.inkling.ink.InkImages;
import org.inkling.inspect.Predictions;
import org.inkling.nn.Evaluation;
import org.inkling.nn.Evaluator;
import org.inkling.nn.SavedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inkling evaluate}: test loss, accuracy, per-class accuracy and the confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, description = "Evaluate a model on the MNIST test set.")
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--json", description = "Print one JSON summary object.")
    boolean json;

    @Option(names = "--misclassified", paramLabel = "DIR",
            description = "Also write every misread test image as a PNG named by its true and read digit "
                    + "(true7-read2-p0.93-i01234.png: probability of the wrong reading, test index), most confident first.")
    Path misclassified;

    @Option(names = "--scale", defaultValue = "1", description = "Magnify each pixel of --misclassified images this many times (default: ${DEFAULT-VALUE}).")
    int scale;

    @Override
    public Integer call() throws IOException {
        if (scale < 1 || scale > 64) throw new CliException("--scale must be 1..64, got " + scale);
        SavedModel saved = model.load();
        Mnist mnist = data.load(json);
        Evaluation e = Evaluator.evaluate(saved.network(), mnist.test());
        int written = misclassified == null ? -1 : writeMisread(saved, mnist);
        if (json) {
            Map<String, Object> s = summary(e);
            if (written >= 0) {
                s.put("misclassified_dir", misclassified.toString());
                s.put("misclassified_written", written);
            }
            new JsonLines(System.out).summary(s);
        } else {
            System.out.printf(Locale.ROOT, "Model %s on %,d test images%n", saved.name(), e.count());
            System.out.print(Reports.classification(e.accuracy(), e.loss(), e.perClassAccuracy(), e.confusion()));
            if (written >= 0) System.out.printf(Locale.ROOT, "Wrote %d misread images to %s%n", written, misclassified);
        }
        return 0;
    }

    /** One PNG per misread test image; the name sorts by true digit, then read digit. */
    private int writeMisread(SavedModel saved, Mnist mnist) throws IOException {
        Predictions p = Predictions.of(saved.network(), mnist.test());
        Files.createDirectories(misclassified);
        float[] image = new float[mnist.test().inputSize()];
        int[] misread = p.misread();
        for (int i : misread) {
            mnist.test().copyInput(i, image, 0);
            String name = String.format(Locale.ROOT, "true%d-read%d-p%.2f-i%05d.png",
                    p.label(i), p.predicted(i), p.probability(i, p.predicted(i)), i);
            InkImages.writePng(image, misclassified.resolve(name), scale);
        }
        return misread.length;
    }

    static Map<String, Object> summary(Evaluation e) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("accuracy", e.accuracy());
        s.put("loss", e.loss());
        s.put("count", e.count());
        s.put("per_class_accuracy", e.perClassAccuracy());
        s.put("confusion_matrix", e.confusion());
        return s;
    }
}
