package org.inkling.ink.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.inkling.ink.Ink;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.StrokeFile;

/**
 * Drawings that are not digits, written by the same simulated hand and pen as the digits, for a
 * network to learn what to refuse and for measuring how often it does.
 *
 * <p>Kinds: letters and symbols of the Latin Hershey fonts; scribbles (random curves through many
 * points, zigzags, spirals, coils, hatching); dots; straight lines at least {@value #MIN_LINE_TILT}°
 * from vertical (a vertical line is a 1); crossings ({@code + x #} and stars); two digits side by
 * side; digits broken off after the first 15-40% of their path.
 *
 * <p>Letters and symbols that look like digits ({@link #DIGIT_LIKE}: O o Q D l I i J j S s Z z B b G g
 * q, E (the script E is a 3), and {@code | / \ ( ) [ ] { } ! ' ` , " $ &}) are left out altogether: a person may mean them as
 * digits, so they are neither taught as non-digits nor counted either way. The fonts are split:
 * {@link #TRAINING_FONTS} feed training; {@link #HELD_OUT_FONTS} are kept for measurement, and a
 * held-out glyph identical to a training one is dropped.
 */
public final class NonDigits {
    /** Letters and symbols a writer may mean as a digit. */
    public static final String DIGIT_LIKE = "OoQDlIiJjSsZzBbGgqE|/\\()[]{}!'`,\"$&";
    /**
     * No gothic font: with gothic letters as non-digits and no gothic digits among the digits, a
     * network learnt "gothic strokes are not digits" and refused 40% of the gothic Hershey digits.
     */
    public static final List<String> TRAINING_FONTS = List.of(
            "futural", "rowmans", "timesr", "timesi", "scripts", "cursive");
    public static final List<String> HELD_OUT_FONTS = List.of(
            "futuram", "rowmand", "rowmant", "timesrb", "timesib", "scriptc", "gothicger", "gothicita", "gothgrt", "gothitt");
    static final double MIN_LINE_TILT = 40;
    /** Seed of the held-out file {@code resources/strokes/non-digits-held-out.jsonl}; training must use others. */
    public static final long TEST_SEED = 0x0DD_BA11L;
    /** The label non-digits get in training data: the class after the ten digits, as a person teaches it. */
    public static final int LABEL = org.inkling.ink.LabeledInk.NOT_A_DIGIT;

    /** What kind of non-digit a drawing is. */
    public enum Kind { LETTER, SYMBOL, SCRIBBLE, DOTS, LINE, CROSSING, TWO_DIGITS, PARTIAL }

    /** One glyph of a Hershey font. */
    public record Glyph(String font, char character, Ink ink) {}

    /** A drawing and what it is (the character for letters and symbols, else a short name). */
    public record Sample(Kind kind, String detail, Ink ink) {}

    private NonDigits() {}

    /** True for letters and symbols this class may use: printable ASCII that is neither a digit nor digit-like. */
    public static boolean usable(char c) {
        return c > ' ' && c < 127 && !Character.isDigit(c) && DIGIT_LIKE.indexOf(c) < 0;
    }

    /** The usable glyphs of {@code fonts} (missing font files are skipped), each distinct design once. */
    public static List<Glyph> glyphs(Path dir, List<String> fonts) throws IOException {
        return glyphs(dir, fonts, Set.of());
    }

    /**
     * The usable glyphs of {@code heldOut} whose designs appear in none of {@code training}: what a
     * network trained on the training fonts has never seen.
     */
    public static List<Glyph> heldOutGlyphs(Path dir, List<String> heldOut, List<String> training) throws IOException {
        Set<String> seen = new HashSet<>();
        for (String f : training) {
            HersheyFont font = font(dir, f);
            if (font == null) continue;
            for (int i = 0; i < font.size(); i++) seen.add(font.glyphText(i));
        }
        return glyphs(dir, heldOut, seen);
    }

    private static List<Glyph> glyphs(Path dir, List<String> fonts, Set<String> exclude) throws IOException {
        Map<String, Glyph> unique = new LinkedHashMap<>();
        for (String name : fonts) {
            HersheyFont font = font(dir, name);
            if (font == null) continue;
            for (char c = '!'; c < 127; c++) {
                int index = c - 32;
                if (!usable(c) || index >= font.size()) continue;
                String text = font.glyphText(index);
                Ink ink = font.glyph(c);
                if (ink.isEmpty() || exclude.contains(text)) continue;
                unique.putIfAbsent(c + text, new Glyph(font.name(), c, ink));
            }
        }
        return List.copyOf(unique.values());
    }

    private static HersheyFont font(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".jhf");
        return Files.exists(file) ? HersheyFont.read(file) : null;
    }

    /**
     * {@code count} non-digits of every kind in fixed proportions (letters 35%, symbols 10%, scribbles
     * 15%, lines 10%, crossings 8%, two digits 10%, partial digits 7%, dots 5%), deterministic for a
     * seed. Without glyphs the letter and symbol shares go to the other kinds.
     */
    public static List<Sample> generate(List<Glyph> glyphs, int count, long seed) {
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
        List<Glyph> letters = glyphs.stream().filter(g -> Character.isLetter(g.character())).toList();
        List<Glyph> symbols = glyphs.stream().filter(g -> !Character.isLetter(g.character())).toList();
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] rngs = new SplittableRandom[count];
        for (int i = 0; i < count; i++) rngs[i] = root.split();
        Sample[] out = new Sample[count];
        // Each drawing has its own generator, so writing them in parallel gives the same result.
        java.util.stream.IntStream.range(0, count).parallel().forEach(i -> out[i] = one(rngs[i], letters, symbols));
        return List.of(out);
    }

    /**
     * {@code count} non-digits from the {@link #TRAINING_FONTS} and the shape generators, rendered
     * through the app's ink pipeline with pen widths varying as the synthetic digits' do, all
     * labelled {@link #LABEL}. This is what training mixes with the digits.
     */
    public static RenderedDigits dataset(Path fonts, int count, long seed) throws IOException {
        if (seed == TEST_SEED) {
            throw new IllegalArgumentException("seed " + seed + " made the held-out non-digits; train with another");
        }
        List<Glyph> glyphs = glyphs(fonts, TRAINING_FONTS);
        if (glyphs.isEmpty()) {
            throw new IOException("no Hershey fonts in " + fonts + " (apt-get install hershey-fonts-data)");
        }
        List<LabeledInk> items = new ArrayList<>(count);
        for (Sample s : generate(glyphs, count, seed)) items.add(new LabeledInk(0, s.ink())); // relabelled below
        RenderedDigits r = RenderedDigits.render(items, 0.12, 0.19, seed ^ 0x9E3779B97F4A7C15L);
        byte[] labels = new byte[r.size()];
        java.util.Arrays.fill(labels, (byte) LABEL);
        return new RenderedDigits(r.pixels(), labels);
    }

    /** {@code variants} renditions of each glyph by random hands and pens (for measuring on held-out fonts). */
    public static List<Sample> write(List<Glyph> glyphs, int variants, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        List<Sample> out = new ArrayList<>(glyphs.size() * variants);
        for (Glyph g : glyphs) {
            for (int v = 0; v < variants; v++) {
                Kind kind = Character.isLetter(g.character()) ? Kind.LETTER : Kind.SYMBOL;
                out.add(new Sample(kind, g.font() + ":" + g.character(), HersheyDigits.write(g.ink(), root.split())));
            }
        }
        return out;
    }

    private static Sample one(RandomGenerator rng, List<Glyph> letters, List<Glyph> symbols) {
        // A tall, thin drawing reads as a 1, whatever made it: draw another.
        for (int attempt = 0; ; attempt++) {
            Sample s = any(rng, letters, symbols);
            if (attempt == 20 || !Shapes.oneLike(s.ink())) return s;
        }
    }

    private static Sample any(RandomGenerator rng, List<Glyph> letters, List<Glyph> symbols) {
        double u = rng.nextDouble();
        if (!letters.isEmpty() && u < 0.35) {
            Glyph g = letters.get(rng.nextInt(letters.size()));
            return new Sample(Kind.LETTER, String.valueOf(g.character()), HersheyDigits.write(g.ink(), rng));
        }
        if (!symbols.isEmpty() && u < 0.45) {
            Glyph g = symbols.get(rng.nextInt(symbols.size()));
            return new Sample(Kind.SYMBOL, String.valueOf(g.character()), HersheyDigits.write(g.ink(), rng));
        }
        // The remaining kinds share what is left, in proportion.
        double v = letters.isEmpty() && symbols.isEmpty() ? 0.45 + 0.55 * u : u;
        if (v < 0.60) return new Sample(Kind.SCRIBBLE, "scribble", hand(Shapes.scribble(rng), rng, true));
        if (v < 0.70) return new Sample(Kind.LINE, "line", hand(Shapes.line(rng, MIN_LINE_TILT), rng, false));
        if (v < 0.78) return new Sample(Kind.CROSSING, "crossing", hand(Shapes.crossing(rng), rng, true));
        if (v < 0.88) return new Sample(Kind.TWO_DIGITS, "two digits", Shapes.twoDigits(rng));
        if (v < 0.95) return new Sample(Kind.PARTIAL, "partial digit", Shapes.partialDigit(rng));
        return new Sample(Kind.DOTS, "dots", Shapes.dots(rng));
    }

    /** A random hand and pen over ideal paths in a box about 1 across. */
    static Ink hand(List<double[]> lines, RandomGenerator rng, boolean slant) {
        lines = Shaping.densify(lines, 0.01);
        double[] box = Shaping.bounds(lines);
        if (slant && box[3] - box[1] > 0.2 * (box[2] - box[0])) {
            lines = Shaping.hand(lines, Math.max(-20, Math.min(20, 5 + 8 * rng.nextGaussian())), 4 * rng.nextGaussian(),
                    0.75 + 0.5 * rng.nextDouble());
        }
        lines = Shaping.wobble(lines, 0.02, rng);
        double size = 60 + rng.nextDouble() * 300;
        lines = Shaping.place(lines, size, 5 + rng.nextDouble() * 100, 5 + rng.nextDouble() * 100);
        return PenSampler.sample(lines, size, PenSampler.Pen.random(rng), rng);
    }

    /**
     * Writes the held-out measurement files (none of them is used in training):
     * {@code NonDigits [FONT_DIR] [OUT_DIR]} makes {@code hershey-letters-held-out.jsonl} (the usable
     * letters and symbols of the held-out fonts, 8 renditions each), {@code non-digits-held-out.jsonl}
     * (1,500 scribbles, lines, dots, crossings, digit pairs and broken digits from {@link #TEST_SEED})
     * and {@code digit-like-letters.jsonl} (the digit-like letters of the held-out fonts, 4 renditions
     * each, for reporting only). Lines carry no label, and {@code kind} and {@code what} fields.
     */
    public static void main(String[] args) throws IOException {
        Path fonts = args.length > 0 ? Path.of(args[0]) : HersheyDigits.DEFAULT_FONTS;
        Path dir = Path.of(args.length > 1 ? args[1] : "resources/strokes");
        List<Glyph> heldOut = heldOutGlyphs(fonts, HELD_OUT_FONTS, TRAINING_FONTS);
        if (heldOut.isEmpty()) throw new IOException("no Hershey fonts in " + fonts + " (apt-get install hershey-fonts-data)");
        save(dir.resolve("hershey-letters-held-out.jsonl"), write(heldOut, 8, TEST_SEED + 1));
        save(dir.resolve("non-digits-held-out.jsonl"), generate(List.of(), 1500, TEST_SEED));
        List<Glyph> digitLike = new ArrayList<>();
        for (String name : HELD_OUT_FONTS) {
            HersheyFont font = font(fonts, name);
            if (font == null) continue;
            for (char c : DIGIT_LIKE.toCharArray()) {
                if (Character.isLetter(c) && !font.glyph(c).isEmpty()) digitLike.add(new Glyph(font.name(), c, font.glyph(c)));
            }
        }
        save(dir.resolve("digit-like-letters.jsonl"), write(digitLike, 4, TEST_SEED + 2));
    }

    /**
     * The stroke-file line of one sample, unlabelled, with {@code what} then {@code kind}. The order is
     * fixed here because {@code Map.of} iterates in an order that changes from one JVM run to the next.
     */
    public static String line(Sample s) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("what", s.detail());
        extra.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
        return StrokeFile.toLine(new LabeledInk(null, s.ink()), 1, extra);
    }

    private static void save(Path out, List<Sample> samples) throws IOException {
        List<String> lines = new ArrayList<>(samples.size());
        for (Sample s : samples) lines.add(line(s));
        StrokeFile.writeLines(out, lines);
        System.out.printf("%d drawings -> %s (%d bytes)%n", lines.size(), out, Files.size(out));
    }
}
