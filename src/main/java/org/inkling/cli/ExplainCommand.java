package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.inkling.base.DigitGeometry;
import org.inkling.ink.InkImages;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.StrokeFile;
import org.inkling.inspect.ColourImages;
import org.inkling.inspect.Explainer;
import org.inkling.inspect.Explanation;
import org.inkling.inspect.OverlayColours;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Verdict;
import org.inkling.nn.VerdictRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inkling explain}: for each drawing, the network's input and the map of why it read it so. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Write, for each drawing of a stroke file, the 28x28 input the network reads (NNNNN-input.png) and "
                + "why it read it so (NNNNN-why.png): the ink tinted orange where it pushed toward the top digit and blue "
                + "where it pushed toward the runner-up (input gradient times input, on the two digits' scores). The map explains "
                + "the likeliest digit even when the verdict is \"not sure\" or \"not a digit\"."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();

    @Option(names = "--strokes", paramLabel = "FILE", required = true, description = "A stroke file (JSON Lines).")
    Path strokes;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the PNG files (created if needed).")
    Path out;

    @Option(names = "--scale", defaultValue = "8", description = "Magnify each pixel this many times (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--json", description = "One JSON object per drawing, then a summary.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (scale < 1 || scale > 64) throw new CliException("--scale must be 1..64, got " + scale);
        SavedModel saved = model.load();
        if (saved.network().inputSize() != DigitGeometry.PIXELS) {
            throw new CliException("the model takes " + saved.network().inputSize() + " inputs, a drawing gives " + DigitGeometry.PIXELS);
        }
        List<LabeledInk> drawings = StrokeFile.read(strokes);
        Files.createDirectories(out);
        Explainer explainer = new Explainer(saved.network());
        VerdictRule rule = saved.verdict();
        JsonLines lines = json ? new JsonLines(System.out) : null;
        int right = 0, labelled = 0, digitLabelled = 0;
        for (int i = 0; i < drawings.size(); i++) {
            LabeledInk d = drawings.get(i);
            float[] input = InkRenderer.toMnist(d.ink());
            Explanation e = explainer.explain(input);
            String stem = String.format(Locale.ROOT, "%05d", i + 1);
            InkImages.writePng(input, out.resolve(stem + "-input.png"), scale);
            ColourImages.writePng(OverlayColours.argb(input, e.contributions(), e.maxMagnitude()),
                    DigitGeometry.SIDE, DigitGeometry.SIDE, scale, out.resolve(stem + "-why.png"));
            if (d.hasLabel()) labelled++;
            if (d.isDigit()) { // the accuracy of the likeliest digit; a drawing labelled no digit has none
                digitLabelled++;
                if (d.label() == e.toward()) right++;
            }
            // The verdict is the model's own rule, as predict gives it; the map explains the likeliest digit
            // even when the verdict refuses, so a person sees which digit the network half saw and why.
            Verdict v = rule.judge(input, e.probabilities());
            float[] digits = v.digitProbabilities();
            if (lines != null) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("index", i + 1);
                if (d.hasLabel()) o.put("label", LabeledInk.toJson(d.label()));
                o.put("verdict", v.kind().jsonName());
                o.put("accepted", v.accepted());
                o.put("prediction", e.toward());
                o.put("runner_up", e.against());
                if (rule.rejectClass() >= 0) o.put("not_a_digit", v.notDigitProbability());
                o.put("probabilities", digits);
                o.put("input", stem + "-input.png");
                o.put("why", stem + "-why.png");
                lines.emit(o);
            } else {
                String reading = String.format(Locale.ROOT, "%d (%.1f%%) over %d (%.1f%%)", e.toward(), 100 * digits[e.toward()],
                        e.against(), e.against() < 0 ? 0.0 : 100 * digits[e.against()]);
                String notDigit = rule.rejectClass() >= 0
                        ? String.format(Locale.ROOT, ", not a digit %.1f%%", 100 * v.notDigitProbability()) : "";
                System.out.printf(Locale.ROOT, "%s: %s%s%s%n", stem,
                        v.kind() == Verdict.Kind.DIGIT ? "read " + reading : v.describe() + "; the likeliest digit " + reading,
                        notDigit, d.hasLabel() ? ", labelled " + LabeledInk.describe(d.label()) : "");
            }
        }
        if (lines != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("count", drawings.size());
            s.put("labelled", labelled);
            s.put("accuracy", digitLabelled == 0 ? Double.NaN : right / (double) digitLabelled);
            s.put("out", out.toString());
            lines.summary(s);
        } else {
            System.out.printf(Locale.ROOT, "Wrote %d input and %d why images to %s (orange: toward the reading, blue: toward the runner-up)%n",
                    drawings.size(), drawings.size(), out);
        }
        return 0;
    }
}
