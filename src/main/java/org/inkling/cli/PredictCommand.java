package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inkling.data.IdxImages;
import org.inkling.data.IdxReader;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.StrokeFile;
import org.inkling.nn.Metrics;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Sequential;
import org.inkling.nn.Verdict;
import org.inkling.nn.VerdictRule;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code inkling predict}: the verdict (a digit, not sure, not a digit) and the class probabilities for
 * pictures, IDX images or drawn strokes.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read digits from pictures, an IDX image file, or stroke files (JSON Lines).",
                "Each answer is a digit, \"not sure\" (with the digits it hesitates between) or \"not a digit\", "
                        + "by the rule the model file records.",
                "The summary gives the share accepted (answered with a digit); with labelled strokes also accuracy over all "
                        + "drawings (the likeliest digit), accuracy over the accepted ones, per-class accuracy and the confusion matrix, and the share refused "
                        + "of the drawings labelled \"not_a_digit\"."})
final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Inputs inputs;

    static final class Inputs {
        @Option(names = "--image", paramLabel = "FILE", arity = "1..*", description = "Pictures of digits (PNG, JPEG...).")
        List<Path> images;

        @Option(names = "--idx", paramLabel = "FILE", arity = "1..*", description = "IDX image files, gzipped or not.")
        List<Path> idx;

        @Option(names = "--strokes", paramLabel = "FILE", arity = "1..*",
                description = "Stroke files: one drawing per line, {\"label\": 7, \"strokes\": [[[x, y], ...], ...]}; "
                        + "a label is a digit, \"not_a_digit\" or absent.")
        List<Path> strokes;
    }

    @Option(names = "--json", description = "One JSON object per input, then a summary.")
    boolean json;

    // What one run gathers; set afresh by call(), as a command line may run the command again.
    private JsonLines out;
    private Confusion confusion;
    private VerdictTally tally;
    private VerdictRule rule;

    @Override
    public Integer call() throws IOException {
        confusion = null;
        tally = new VerdictTally();
        SavedModel saved = model.load();
        Sequential network = saved.network();
        rule = saved.verdict();
        out = json ? new JsonLines(System.out) : null;
        float[] probabilities = new float[network.outputSize()];
        if (inputs.images != null) {
            for (Path p : inputs.images) {
                float[] image = PictureInput.read(p);
                network.predict(image, probabilities);
                report(p.toString(), null, image, probabilities);
            }
        } else if (inputs.idx != null) {
            for (Path p : inputs.idx) {
                IdxImages images = IdxReader.readImages(p);
                if (images.count() == 0) throw new CliException(p + ": holds no images");
                if (images.imageSize() != network.inputSize()) {
                    throw new CliException(p + ": images are " + images.rows() + "x" + images.cols()
                            + ", the model reads " + network.inputSize() + " pixels");
                }
                float[] x = new float[images.imageSize()];
                for (int i = 0; i < images.count(); i++) {
                    for (int j = 0; j < x.length; j++) x[j] = (images.pixels()[i * x.length + j] & 0xff) / 255f;
                    network.predict(x, probabilities);
                    report(p.getFileName() + "#" + i, null, x, probabilities);
                }
            }
        } else {
            for (Path p : inputs.strokes) {
                List<LabeledInk> drawings = StrokeFile.read(p);
                if (drawings.isEmpty()) throw new CliException(p + ": holds no drawings");
                for (int i = 0; i < drawings.size(); i++) {
                    LabeledInk d = drawings.get(i);
                    float[] image = InkRenderer.toMnist(d.ink());
                    network.predict(image, probabilities);
                    report(p.getFileName() + ":" + (i + 1), d.label(), image, probabilities);
                }
            }
        }
        summarize();
        return 0;
    }

    private void report(String source, Integer label, float[] image, float[] p) {
        Verdict v = rule.judge(image, p);
        float[] digits = v.digitProbabilities();
        int predicted = Metrics.argmax(digits);
        tally.add(v, label, predicted);
        if (label != null && label < digits.length) { // the digits' confusion; "not a digit" is in the tally
            if (confusion == null) confusion = new Confusion(digits.length);
            confusion.add(label, predicted);
        }
        if (out != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("verdict", v.kind().jsonName());
            m.put("accepted", v.accepted());
            m.put("prediction", predicted);
            m.put("candidates", v.candidates());
            m.put("confidence", digits[predicted]);
            if (rule.rejectClass() >= 0) m.put("not_a_digit", v.notDigitProbability());
            m.put("probabilities", digits);
            if (label != null) m.put("label", LabeledInk.toJson(label));
            m.put("source", source);
            out.emit(m);
        } else {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s: %s (%d at %.1f%%", source, v.describe(), predicted, 100 * digits[predicted]));
            if (rule.rejectClass() >= 0) sb.append(String.format(Locale.ROOT, ", not a digit %.1f%%", 100 * v.notDigitProbability()));
            sb.append(')');
            if (label != null && label == LabeledInk.NOT_A_DIGIT) {
                // refusing is right for a drawing that is no digit, whether "not a digit" or "not sure"
                sb.append(v.accepted() ? "  WRONG, labelled not a digit" : "  refused, right");
            } else if (label != null) {
                sb.append(label == predicted ? "  correct" : "  WRONG, labelled " + label);
            }
            sb.append("   ");
            for (int c = 0; c < digits.length; c++) sb.append(String.format(Locale.ROOT, " %d:%.3f", c, digits[c]));
            System.out.println(sb);
        }
    }

    private void summarize() {
        Map<String, Object> s = confusion != null ? confusion.toSummary() : new LinkedHashMap<>();
        s.put("count", tally.count());
        s.putAll(tally.toSummary());
        if (out != null) {
            out.summary(s);
        } else {
            System.out.println();
            System.out.print(tally.describe());
            if (confusion != null) {
                System.out.print(Reports.classification(confusion.accuracy(), Double.NaN, confusion.perClassAccuracy(), confusion.matrix()));
            }
        }
    }
}
