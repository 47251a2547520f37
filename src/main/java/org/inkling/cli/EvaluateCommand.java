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
import org.inkling.nn.Calibration;
import org.inkling.nn.SavedModel;
import org.inkling.nn.VerdictEvaluation;
import org.inkling.nn.VerdictRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code inkling evaluate}: on the MNIST test set, loss, accuracy, the verdicts (share accepted,
 * accuracy over the accepted), calibration error before and after the model's temperature,
 * per-class accuracy and the confusion matrix.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evaluate a model on the MNIST test set.",
                "Accuracy is over all images (the likeliest digit); the verdicts show how many the model accepts "
                        + "(answers with a digit) and its accuracy over those; calibration error compares stated confidence "
                        + "with accuracy, before and after the model's fitted temperature."})
final class EvaluateCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Mixin
    DataOptions data = new DataOptions();

    @Option(names = "--reliability", paramLabel = "FILE.png",
            description = "Write reliability diagrams (before and after calibration) as a PNG.")
    Path reliability;

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
        VerdictRule rule = saved.verdict();
        VerdictEvaluation e = VerdictEvaluation.of(saved.network(), rule, mnist.test());
        int written = misclassified == null ? -1 : writeMisread(saved, mnist);
        if (reliability != null) {
            try {
                ReliabilityDiagram.write(reliability,
                        new String[] {"Before: raw softmax (T = 1)", String.format(Locale.ROOT, "After: temperature %.3f", rule.temperature())},
                        new Calibration.Reliability[] {e.before(), e.after()});
            } catch (IOException ex) {
                throw new CliException(reliability + ": could not write the diagram: " + ex.getMessage(), ex);
            }
        }
        if (json) {
            Map<String, Object> s = summary(e, rule);
            if (written >= 0) {
                s.put("misclassified_dir", misclassified.toString());
                s.put("misclassified_written", written);
            }
            new JsonLines(System.out).summary(s);
        } else {
            System.out.printf(Locale.ROOT, "Model %s on %,d test images%n", saved.name(), e.count());
            System.out.printf(Locale.ROOT, "Verdicts: %d digit, %d not sure, %d not a digit - accepted %.2f%%, accuracy over the accepted %.4f%n",
                    e.accepted(), e.unsure(), e.notDigit(), 100 * e.acceptedShare(), e.acceptedAccuracy());
            System.out.printf(Locale.ROOT, "Expected calibration error: %.2f%% raw, %.2f%% at temperature %.3f%n",
                    100 * e.before().ece(), 100 * e.after().ece(), rule.temperature());
            if (reliability != null) System.out.println("Reliability diagrams: " + reliability);
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

    static Map<String, Object> summary(VerdictEvaluation e, VerdictRule rule) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("accuracy", e.accuracy());
        s.put("loss", e.loss());
        s.put("count", e.count());
        s.put("accepted_share", e.acceptedShare());
        s.put("accuracy_accepted", e.acceptedAccuracy());
        Map<String, Object> kinds = new LinkedHashMap<>();
        kinds.put("digit", e.accepted());
        kinds.put("unsure", e.unsure());
        kinds.put("not_a_digit", e.notDigit());
        s.put("verdicts", kinds);
        s.put("temperature", rule.temperature());
        s.put("ece_raw", e.before().ece());
        s.put("ece_calibrated", e.after().ece());
        s.put("per_class_accuracy", e.perClassAccuracy());
        s.put("confusion_matrix", e.confusion());
        return s;
    }
}
