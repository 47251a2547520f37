package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inkling.ink.InkImages;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.StrokeFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code inkling render}: writes the 28x28 images that predict would classify, so people can look at them. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Write the 28x28 images made from a stroke file (one PNG per drawing, and a contact sheet).")
final class RenderCommand implements Callable<Integer> {
    @Option(names = "--strokes", paramLabel = "FILE", required = true, description = "A stroke file (JSON Lines).")
    Path strokes;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the PNG files (created if needed).")
    Path out;

    @Option(names = "--scale", defaultValue = "1", description = "Magnify each pixel this many times (default: ${DEFAULT-VALUE}).")
    int scale;

    @Override
    public Integer call() throws IOException {
        if (scale < 1 || scale > 64) throw new CliException("--scale must be 1..64, got " + scale);
        List<LabeledInk> drawings = StrokeFile.read(strokes);
        Files.createDirectories(out);
        float[][] images = new float[drawings.size()][];
        for (int i = 0; i < drawings.size(); i++) {
            LabeledInk d = drawings.get(i);
            images[i] = InkRenderer.toMnist(d.ink());
            String name = String.format(Locale.ROOT, "%05d%s.png", i + 1, d.hasLabel() ? "-" + d.label() : "");
            InkImages.writePng(images[i], out.resolve(name), scale);
        }
        if (images.length > 0) {
            InkImages.writeGrid(images, 28, 28, Math.min(images.length, 20), Math.max(scale, 2), out.resolve("contact-sheet.png"));
        }
        System.out.printf(Locale.ROOT, "Wrote %d images and contact-sheet.png to %s%n", images.length, out);
        return 0;
    }
}
