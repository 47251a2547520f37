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
import org.inkling.nn.Examples;
import org.inkling.nn.Metrics;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Verdict;
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
    static final int BINS = 15;

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
        Result r = evaluate(saved, mnist.test());
        int written = misclassified == null ? -1 : writeMisread(saved, mnist);
        if (reliability != null) {
            try {
                ReliabilityDiagram.write(reliability,
                        new String[] {"Before: raw softmax (T = 1)", String.format(Locale.ROOT, "After: temperature %.3f", r.rule().temperature())},
                        new Calibration.Reliability[] {r.before(), r.after()});
            } catch (IOException e) {
                throw new CliException(reliability + ": could not write the diagram: " + e.getMessage(), e);
            }
        }
        if (json) {
            Map<String, Object> s = r.summary();
            if (written >= 0) {
                s.put("misclassified_dir", misclassified.toString());
                s.put("misclassified_written", written);
            }
            new JsonLines(System.out).summary(s);
        } else {
            System.out.printf(Locale.ROOT, "Model %s on %,d test images%n", saved.name(), r.confusion().total());
            System.out.print(r.tally().describe());
            System.out.printf(Locale.ROOT, "Expected calibration error: %.2f%% raw, %.2f%% at temperature %.3f%n",
                    100 * r.before().ece(), 100 * r.after().ece(), r.rule().temperature());
            if (reliability != null) System.out.println("Reliability diagrams: " + reliability);
            System.out.print(Reports.classification(r.confusion().accuracy(), r.loss(), r.confusion().perClassAccuracy(),
                    r.confusion().matrix()));
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

    record Result(VerdictRule rule, double loss, Confusion confusion, VerdictTally tally,
                  Calibration.Reliability before, Calibration.Reliability after) {
        Map<String, Object> summary() {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("accuracy", confusion.accuracy());
            s.put("loss", loss);
            s.put("count", confusion.total());
            s.putAll(tally.toSummary());
            s.put("temperature", rule.temperature());
            s.put("ece_raw", before.ece());
            s.put("ece_calibrated", after.ece());
            s.put("per_class_accuracy", confusion.perClassAccuracy());
            s.put("confusion_matrix", confusion.matrix());
            return s;
        }
    }

    /** Everything the command reports, for any labelled digits. */
    static Result evaluate(SavedModel saved, Examples test) {
        VerdictRule rule = saved.verdict();
        float[][] p = Calibration.predictAll(saved.network(), test);
        int[] labels = new int[test.size()];
        Confusion confusion = new Confusion(org.inkling.base.DigitGeometry.DIGITS);
        VerdictTally tally = new VerdictTally();
        float[] image = new float[test.inputSize()];
        double nll = 0;
        for (int i = 0; i < labels.length; i++) {
            labels[i] = test.label(i);
            test.copyInput(i, image, 0);
            Verdict v = rule.judge(image, p[i]);
            int top = Metrics.argmax(v.digitProbabilities());
            confusion.add(labels[i], top);
            tally.add(v, labels[i], top);
            nll -= Math.log(Math.max(p[i][labels[i]], 1e-7f)); // the clip Keras' cross-entropy uses
        }
        return new Result(rule, nll / labels.length, confusion, tally,
                Calibration.reliability(p, labels, 1.0, BINS), Calibration.reliability(p, labels, rule.temperature(), BINS));
    }
}
