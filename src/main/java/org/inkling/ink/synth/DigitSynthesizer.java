package org.inkling.ink.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.inkling.ink.Ink;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.RenderedDigits;

/**
 * Writes digits in the styles taught around the world, as pen strokes.
 *
 * <p>MNIST was written by American census clerks and students, so a network trained on it misreads
 * what other schools teach: the nine with a curled, g-like tail (read as 3), the crossed seven (read
 * as 2), the one with a long flag or a foot (read as 7 or 2), the slashed or dotted zero, the four in
 * one stroke. Each {@link Style} here is a parametric template of the strokes a writer of that
 * school makes; every sample draws new proportions, knot jitter, slant (±20°), rotation, width,
 * curvature, overshoot, stroke order and direction, an occasional lead-in hook, and a pen sampled
 * like a real one (10-200 Hz, see {@link PenSampler}).
 *
 * <p>{@link #TEST_SEED} makes the held-out file {@code resources/strokes/synthetic-styles.jsonl};
 * training must use other seeds.
 */
public final class DigitSynthesizer {
    /** Seed of the held-out file; training data must come from a different seed. */
    public static final long TEST_SEED = 0x5EED_7E57L;

    /** A way of writing one digit. */
    public record Style(int digit, String name, String description, Template template) {}

    /** Draws one instance of a style as traces in a box about 1 tall. */
    @FunctionalInterface
    interface Template {
        List<Trace> draw(Hand h);
    }

    /** Per-sample randomness for templates. */
    static final class Hand {
        final RandomGenerator rng;
        final double jitter;

        Hand(RandomGenerator rng, double jitter) {
            this.rng = rng;
            this.jitter = jitter;
        }

        double u(double lo, double hi) {
            return lo + (hi - lo) * rng.nextDouble();
        }

        boolean chance(double p) {
            return rng.nextDouble() < p;
        }

        Trace at(double x, double y) {
            return new Trace(rng, jitter, x, y);
        }
    }

    private static final List<Style> STYLES = List.copyOf(DigitStyles.all());

    private DigitSynthesizer() {}

    public static List<Style> styles() {
        return STYLES;
    }

    public static List<Style> styles(int digit) {
        return STYLES.stream().filter(s -> s.digit() == digit).toList();
    }

    /**
     * {@code countPerDigit} drawings of each digit, styles taken in turn so that every style of a digit
     * is equally common; the list is shuffled. Deterministic for a seed.
     */
    public static List<LabeledInk> generate(int countPerDigit, long seed) {
        List<LabeledInk> out = new ArrayList<>(countPerDigit * 10);
        for (Sample s : generateWithStyles(countPerDigit, seed)) {
            out.add(s.ink());
        }
        return out;
    }

    /** A drawing with the style it was written in. */
    public record Sample(Style style, LabeledInk ink) {}

    public static List<Sample> generateWithStyles(int countPerDigit, long seed) {
        return generateWithStyles(countPerDigit, seed, Nib.PEN, 0);
    }

    /** How a drawing is written: the plain pen, a broad nib, or a broad nib in the textura hand. */
    private enum Nib { PEN, BROAD, TEXTURA }

    /**
     * The first {@code round(texturaShare * countPerDigit)} drawings of each digit (its styles in turn,
     * as for all drawings) are written in the textura hand instead of {@code nib}; with a share of 0 every
     * drawing is made exactly as before the textura hand existed.
     */
    private static List<Sample> generateWithStyles(int countPerDigit, long seed, Nib nib, double texturaShare) {
        if (countPerDigit < 0) {
            throw new IllegalArgumentException("count per digit must be >= 0, got " + countPerDigit);
        }
        if (!(texturaShare >= 0 && texturaShare <= 1)) {
            throw new IllegalArgumentException("the textura share must be from 0 to 1, got " + texturaShare);
        }
        int textura = (int) Math.round(texturaShare * countPerDigit);
        SplittableRandom root = new SplittableRandom(seed);
        int n = countPerDigit * 10;
        Style[] style = new Style[n];
        Nib[] nibs = new Nib[n];
        SplittableRandom[] rngs = new SplittableRandom[n];
        for (int d = 0, k = 0; d <= 9; d++) {
            List<Style> mine = styles(d);
            for (int i = 0; i < countPerDigit; i++, k++) {
                style[k] = mine.get(i % mine.size());
                nibs[k] = i < textura ? Nib.TEXTURA : nib;
                rngs[k] = root.split();
            }
        }
        // Every drawing has its own generator, so writing them in parallel gives the same result.
        Sample[] out = new Sample[n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(k ->
                out[k] = new Sample(style[k], new LabeledInk(style[k].digit(), write(style[k], rngs[k], nibs[k]))));
        List<Sample> list = new ArrayList<>(List.of(out));
        Collections.shuffle(list, new java.util.Random(root.nextLong()));
        return list;
    }

    /**
     * {@code countPerDigit} drawings per digit rendered to MNIST-like bytes, with pen widths varying
     * around the standard one as MNIST's strokes do. This is what training mixes with MNIST.
     */
    public static RenderedDigits dataset(int countPerDigit, long seed) {
        if (seed == TEST_SEED) {
            throw new IllegalArgumentException("seed " + seed + " made the held-out test file; train with another");
        }
        return RenderedDigits.render(generate(countPerDigit, seed), 0.12, 0.19, seed ^ 0x9E3779B97F4A7C15L);
    }

    /** One drawing of a style by a random writer. */
    public static Ink write(Style style, RandomGenerator rng) {
        return write(style, rng, Nib.PEN);
    }

    /**
     * {@code countPerDigit} drawings per digit of the same styles written with a broad nib
     * ({@link BroadNib}), rendered like {@link #dataset}: the heavy, angular digits of calligraphy
     * and blackletter, which a network that learns to refuse non-digits otherwise refuses too.
     */
    public static RenderedDigits broadNibDataset(int countPerDigit, long seed) {
        return broadNibDataset(countPerDigit, seed, 0);
    }

    /**
     * As {@link #broadNibDataset(int, long)}, with {@code texturaShare} of each digit's drawings written
     * in the textura hand ({@link #generateBroadNib(int, long, double)}).
     */
    public static RenderedDigits broadNibDataset(int countPerDigit, long seed, double texturaShare) {
        if (seed == TEST_SEED) {
            throw new IllegalArgumentException("seed " + seed + " made the held-out test file; train with another");
        }
        return RenderedDigits.render(generateBroadNib(countPerDigit, seed, texturaShare), 0.12, 0.19, seed ^ 0x9E3779B97F4A7C15L);
    }

    /** As {@link #generate}, each drawing written with a broad nib. Deterministic for a seed. */
    public static List<LabeledInk> generateBroadNib(int countPerDigit, long seed) {
        return generateBroadNib(countPerDigit, seed, 0);
    }

    /**
     * As {@link #generateBroadNib(int, long)}, but {@code texturaShare} (0 to 1) of each digit's drawings
     * are written in the textura hand ({@code BroadNib.writeTextura}: narrow, broken into a few upright
     * straight pieces, a heavy solid nib) in place of the broad-nib drawing they would be; every other
     * drawing is exactly the one a share of 0 makes. Deterministic for a seed and share.
     */
    public static List<LabeledInk> generateBroadNib(int countPerDigit, long seed, double texturaShare) {
        // The same styles, generators and shuffle as the plain drawings: only the nib differs.
        return new ArrayList<>(generateWithStyles(countPerDigit, seed, Nib.BROAD, texturaShare).stream().map(Sample::ink).toList());
    }

    /** As {@link #generateBroadNib(int, long, double)} with the style of each drawing, for looking at them. */
    public static List<Sample> generateTexturaWithStyles(int countPerDigit, long seed) {
        return generateWithStyles(countPerDigit, seed, Nib.TEXTURA, 0);
    }

    private static Ink write(Style style, RandomGenerator rng, Nib nib) {
        Hand hand = new Hand(rng, 0.012 + 0.022 * rng.nextDouble());
        List<double[]> lines = new ArrayList<>();
        for (Trace t : style.template().draw(hand)) {
            lines.add(t.dense());
        }
        // Lead-in hook: a short tick where the pen lands before the stroke proper; a tail where it
        // leaves the paper is the same tick on the reversed stroke.
        if (rng.nextDouble() < 0.07) {
            int i = rng.nextInt(lines.size());
            lines.set(i, hooked(lines.get(i), rng));
        }
        if (rng.nextDouble() < 0.05) {
            int i = rng.nextInt(lines.size());
            lines.set(i, Shaping.reversed(hooked(Shaping.reversed(lines.get(i)), rng)));
        }
        // Multi-stroke digits: people differ in stroke order and direction; images don't, pens do.
        if (lines.size() > 1 && rng.nextDouble() < 0.3) {
            Collections.shuffle(lines, new java.util.Random(rng.nextLong()));
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length > 2 && rng.nextDouble() < 0.12) {
                lines.set(i, Shaping.reversed(lines.get(i)));
            }
        }
        lines = Shaping.densify(lines, 0.01);
        double slant = Math.max(-20, Math.min(20, 5 + 8 * rng.nextGaussian()));
        lines = Shaping.hand(lines, slant, 4 * rng.nextGaussian(), 0.72 + 0.6 * rng.nextDouble());
        lines = Shaping.wobble(lines, 0.022, rng);
        if (nib == Nib.BROAD) {
            lines = BroadNib.write(lines, rng);
        } else if (nib == Nib.TEXTURA) {
            lines = BroadNib.writeTextura(lines, rng);
        }
        double size = 60 + rng.nextDouble() * 300;
        lines = Shaping.place(lines, size, 5 + rng.nextDouble() * 100, 5 + rng.nextDouble() * 100);
        return PenSampler.sample(lines, size, PenSampler.Pen.random(rng), rng);
    }

    private static double[] hooked(double[] line, RandomGenerator rng) {
        if (line.length < 4) {
            return line;
        }
        double x = line[0], y = line[1];
        double a = rng.nextDouble() * 2 * Math.PI;
        double len = 0.04 + 0.05 * rng.nextDouble();
        double[] out = new double[line.length + 2];
        out[0] = x + len * Math.cos(a);
        out[1] = y + len * Math.sin(a);
        System.arraycopy(line, 0, out, 2, line.length);
        return out;
    }

    /**
     * Writes the held-out file: {@code DigitSynthesizer [OUT] [COUNT_PER_DIGIT]}, each line tagged
     * with its {@code "style"} so reports can give accuracy per style.
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path out = java.nio.file.Path.of(args.length > 0 ? args[0] : "resources/strokes/synthetic-styles.jsonl");
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        List<String> lines = new ArrayList<>();
        for (Sample s : generateWithStyles(count, TEST_SEED)) {
            lines.add(org.inkling.ink.StrokeFile.toLine(s.ink(), 1, java.util.Map.of("style", s.style().name())));
        }
        org.inkling.ink.StrokeFile.writeLines(out, lines);
        System.out.printf("%d drawings in %d styles -> %s (%d bytes)%n", lines.size(), STYLES.size(), out, java.nio.file.Files.size(out));
    }
}
