package org.inkling.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.inkling.ink.InkImages;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.StrokeFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code inkling render}: writes the 28x28 images that predict would classify, so people can look at them. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Write the 28x28 images made from a stroke file (one PNG per drawing, and a contact sheet).")
final class RenderCommand implements Callable<Integer> {
    static final int MAX_SCALE = 64;
    /** The contact sheet shows at most this many drawings (500 rows of 20)... */
    static final int MAX_SHEET_IMAGES = 10_000;
    /** ...and has at most this many pixels (one byte each); its magnification shrinks to fit. */
    static final long MAX_SHEET_PIXELS = 32L << 20;
    private static final int COLUMNS = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--strokes", paramLabel = "FILE", required = true, description = "A stroke file (JSON Lines).")
    Path strokes;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the PNG files (created if needed).")
    Path out;

    @Option(names = "--scale", defaultValue = "1", description = "Magnify each pixel this many times, 1 to " + MAX_SCALE + " (default: ${DEFAULT-VALUE}).")
    int scale;

    @Override
    public Integer call() throws IOException {
        if (scale < 1 || scale > MAX_SCALE) {
            throw new ParameterException(spec.commandLine(), "--scale must be from 1 to " + MAX_SCALE + ", got " + scale);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new ParameterException(spec.commandLine(), "--out " + out + " is a file; give a folder");
        }
        List<LabeledInk> drawings = StrokeFile.read(strokes);
        if (drawings.isEmpty()) throw new CliException(strokes + ": holds no drawings");
        Files.createDirectories(out);
        float[][] images = new float[drawings.size()][];
        for (int i = 0; i < drawings.size(); i++) {
            LabeledInk d = drawings.get(i);
            images[i] = InkRenderer.toMnist(d.ink());
            String name = String.format(Locale.ROOT, "%05d%s.png", i + 1, !d.hasLabel() ? "" : d.isDigit() ? "-" + d.label() : "-not-a-digit");
            InkImages.writePng(images[i], out.resolve(name), scale);
        }
        float[][] sheet = images.length > MAX_SHEET_IMAGES ? Arrays.copyOf(images, MAX_SHEET_IMAGES) : images;
        InkImages.writeGrid(sheet, 28, 28, Math.min(sheet.length, COLUMNS), sheetScale(sheet.length, scale), out.resolve("contact-sheet.png"));
        System.out.printf(Locale.ROOT, "Wrote %d images and contact-sheet.png%s to %s%n", images.length,
                sheet.length < images.length ? " (the first " + sheet.length + ")" : "", out);
        return 0;
    }

    /** The sheet's magnification: at least 2 (as asked, else 2) but small enough for {@link #MAX_SHEET_PIXELS}. */
    static int sheetScale(int count, int scale) {
        long cols = Math.min(count, COLUMNS);
        long rows = (count + COLUMNS - 1) / COLUMNS;
        int s = Math.max(scale, 2);
        while (s > 1 && cols * 28 * s * rows * 28 * s > MAX_SHEET_PIXELS) s--;
        return s;
    }
}
