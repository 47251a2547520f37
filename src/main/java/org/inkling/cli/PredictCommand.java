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
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code inkling predict}: the digit and the ten probabilities for pictures, IDX images or drawn strokes. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read digits from pictures, an IDX image file, or stroke files (JSON Lines).",
                "With labelled strokes, also prints accuracy, per-class accuracy and the confusion matrix."})
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
                description = "Stroke files: one drawing per line, {\"label\": 7, \"strokes\": [[[x, y], ...], ...]}.")
        List<Path> strokes;
    }

    @Option(names = "--json", description = "One JSON object per input, then a summary.")
    boolean json;

    private JsonLines out;
    private Confusion confusion;
    private int count;

    @Override
    public Integer call() throws IOException {
        Sequential network = model.load().network();
        out = json ? new JsonLines(System.out) : null;
        float[] probabilities = new float[network.outputSize()];
        if (inputs.images != null) {
            for (Path p : inputs.images) {
                network.predict(PictureInput.read(p), probabilities);
                report(p.toString(), null, probabilities);
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
                    report(p.getFileName() + "#" + i, null, probabilities);
                }
            }
        } else {
            for (Path p : inputs.strokes) {
                List<LabeledInk> drawings = StrokeFile.read(p);
                if (drawings.isEmpty()) throw new CliException(p + ": holds no drawings");
                for (int i = 0; i < drawings.size(); i++) {
                    LabeledInk d = drawings.get(i);
                    network.predict(InkRenderer.toMnist(d.ink()), probabilities);
                    report(p.getFileName() + ":" + (i + 1), d.label(), probabilities);
                }
            }
        }
        summarize();
        return 0;
    }

    private void report(String source, Integer label, float[] p) {
        int predicted = Metrics.argmax(p);
        count++;
        if (label != null) {
            if (confusion == null) confusion = new Confusion(p.length);
            if (label >= 0 && label < p.length) confusion.add(label, predicted);
        }
        if (out != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("prediction", predicted);
            m.put("probabilities", p);
            if (label != null) m.put("label", label);
            m.put("source", source);
            out.emit(m);
        } else {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "%s: %d (%.1f%%)", source, predicted, 100 * p[predicted]));
            if (label != null) sb.append(label == predicted ? "  correct" : "  WRONG, labelled " + label);
            sb.append("   ");
            for (int c = 0; c < p.length; c++) sb.append(String.format(Locale.ROOT, " %d:%.3f", c, p[c]));
            System.out.println(sb);
        }
    }

    private void summarize() {
        Map<String, Object> s = confusion != null ? confusion.toSummary() : new LinkedHashMap<>();
        s.put("count", count);
        if (out != null) {
            out.summary(s);
        } else if (confusion != null) {
            System.out.println();
            System.out.print(Reports.classification(confusion.accuracy(), Double.NaN, confusion.perClassAccuracy(), confusion.matrix()));
        }
    }
}
