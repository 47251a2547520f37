package org.inkling.ink.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.inkling.ink.Ink;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.StrokeFile;

/**
 * Builds a set of drawn digits that owes nothing to MNIST: the digits of the Hershey vector fonts
 * (Debian's {@code hershey-fonts-data}), each design written many times by a simulated hand (slant,
 * rotation, width, a smooth wobble) and pen (10-200 Hz sampling, varying speed, sensor noise).
 *
 * <p>Run {@code java ... org.inkling.ink.synth.HersheyDigits [FONT_DIR] [OUT] [VARIANTS] [SEED]} to
 * regenerate {@code resources/strokes/hershey-digits.jsonl}; the output is reproducible from the seed.
 */
public final class HersheyDigits {
    public static final Path DEFAULT_FONTS = Path.of("/usr/share/hershey-fonts");
    public static final Path DEFAULT_OUT = Path.of("resources/strokes/hershey-digits.jsonl");
    public static final long DEFAULT_SEED = 1967L; // Hershey's report year
    public static final int DEFAULT_VARIANTS = 24;

    /** Fonts whose ASCII digit slots hold digits (the symbol fonts put other signs there). */
    public static final List<String> FONTS = List.of(
            "futural", "futuram", "rowmans", "rowmand", "rowmant", "timesr", "timesrb", "timesi", "timesib",
            "scripts", "scriptc", "cursive", "greek", "greekc", "greeks", "cyrillic", "cyrilc_1", "timesg",
            "gothiceng", "gothicger", "gothicita", "gothgbt", "gothgrt", "gothitt");

    private HersheyDigits() {}

    /** One digit design: the first font (in {@link #FONTS} order) that has it names it. */
    public record Design(int digit, String font, Ink ink) {}

    /** The distinct digit designs found in the fonts of {@code dir} (fonts sharing a glyph count once). */
    public static List<Design> designs(Path dir) throws IOException {
        Map<String, Design> unique = new LinkedHashMap<>();
        for (String name : FONTS) {
            Path file = dir.resolve(name + ".jhf");
            if (!Files.exists(file)) {
                continue;
            }
            HersheyFont font = HersheyFont.read(file);
            for (int d = 0; d <= 9; d++) {
                char c = (char) ('0' + d);
                Ink ink = font.glyph(c);
                if (!ink.isEmpty()) {
                    unique.putIfAbsent(d + font.glyphText(c - 32), new Design(d, font.name(), ink));
                }
            }
        }
        return List.copyOf(unique.values());
    }

    /** {@code variants} hand-and-pen renditions of every design, deterministic for a seed. */
    public static List<LabeledInk> generate(List<Design> designs, int variants, long seed) {
        List<LabeledInk> out = new ArrayList<>(designs.size() * variants);
        SplittableRandom root = new SplittableRandom(seed);
        for (Design d : designs) {
            for (int v = 0; v < variants; v++) {
                out.add(new LabeledInk(d.digit(), write(d.ink(), root.split())));
            }
        }
        return out;
    }

    /** One rendition of a glyph by a random hand and pen. */
    static Ink write(Ink glyph, RandomGenerator rng) {
        List<double[]> lines = Shaping.densify(Shaping.lines(glyph), 0.5);
        double slant = clamp(6 + 8 * rng.nextGaussian(), -20, 20);
        lines = Shaping.hand(lines, slant, 3 * rng.nextGaussian(), 0.8 + 0.4 * rng.nextDouble());
        lines = Shaping.wobble(lines, 0.025, rng);
        double size = 80 + rng.nextDouble() * 220;
        lines = Shaping.place(lines, size, 10 + rng.nextDouble() * 150, 10 + rng.nextDouble() * 150);
        return PenSampler.sample(lines, size, PenSampler.Pen.random(rng), rng);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public static void main(String[] args) throws IOException {
        Path fonts = args.length > 0 ? Path.of(args[0]) : DEFAULT_FONTS;
        Path out = args.length > 1 ? Path.of(args[1]) : DEFAULT_OUT;
        int variants = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_VARIANTS;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        List<Design> designs = designs(fonts);
        if (designs.isEmpty()) {
            throw new IOException("no Hershey fonts in " + fonts + " (apt-get install hershey-fonts-data)");
        }
        List<LabeledInk> items = generate(designs, variants, seed);
        List<String> lines = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            lines.add(StrokeFile.toLine(items.get(i), 1, Map.of("font", designs.get(i / variants).font())));
        }
        StrokeFile.writeLines(out, lines);
        System.out.printf("%d designs x %d variants = %d drawings -> %s (%d bytes)%n",
                designs.size(), variants, items.size(), out, Files.size(out));
    }
}
