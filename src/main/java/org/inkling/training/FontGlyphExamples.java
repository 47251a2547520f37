package org.inkling.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.inkling.base.DigitGeometry;
import org.inkling.data.ArrayExamples;
import org.inkling.data.ConcatExamples;
import org.inkling.data.IdxImages;
import org.inkling.data.IdxLabels;
import org.inkling.data.IdxReader;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.StrokeFile;
import org.inkling.ink.synth.FontGlyphSet;
import org.inkling.ink.synth.NonDigits;
import org.inkling.nn.Examples;

/**
 * The training fonts' glyphs ({@link FontGlyphSet#TRAINING}, committed under {@code resources/glyphs} and
 * read from the class path, so training never needs the fonts installed) as training examples: each digit
 * {@code copies} times, and for an eleven-class network each letter a quarter as many times (rounded up),
 * labelled "not a digit". The batch augmentation then varies every copy, as it does MNIST's digits.
 */
public final class FontGlyphExamples {
    /** The class path prefix of the training set's files; {@code -images.idx.gz}, {@code -labels.idx.gz}, {@code .tsv}. */
    public static final String TRAINING_SET = "/glyphs/fonts-train";

    private FontGlyphExamples() {}

    /** A set's images and labels (eleven classes: the digits and "not a digit"), as committed. */
    public record GlyphSet(IdxImages images, IdxLabels labels) {
        public int digits() {
            int n = 0;
            for (int i = 0; i < labels.count(); i++) if (labels.label(i) < NonDigits.LABEL) n++;
            return n;
        }
    }

    /** The training fonts' glyphs. */
    public static GlyphSet training() {
        return read(TRAINING_SET);
    }

    static GlyphSet read(String set) {
        try (InputStream im = resource(set + "-images.idx.gz"); InputStream la = resource(set + "-labels.idx.gz")) {
            IdxImages images = IdxReader.readImages(im, set + "-images.idx.gz");
            IdxLabels labels = IdxReader.readLabels(la, set + "-labels.idx.gz", NonDigits.LABEL + 1);
            if (images.count() != labels.count() || images.imageSize() != DigitGeometry.PIXELS) {
                throw new IOException(set + ": " + images.count() + " images of " + images.imageSize() + " pixels and "
                        + labels.count() + " labels");
            }
            return new GlyphSet(images, labels);
        } catch (IOException e) {
            throw new UncheckedIOException("the font glyph set " + set + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = FontGlyphExamples.class.getResourceAsStream(name);
        if (in == null) throw new IOException(name + " is not on the class path");
        return in;
    }

    /**
     * The training examples: each digit {@code copies} times, and with {@code withLetters} each letter
     * {@code ceil(copies / 4)} times.
     */
    public static Examples examples(int copies, boolean withLetters) {
        if (copies < 0) throw new IllegalArgumentException("copies must be >= 0, got " + copies);
        GlyphSet set = training();
        IdxImages images = set.images();
        IdxLabels labels = set.labels();
        int letterCopies = withLetters ? (copies + 3) / 4 : 0;
        int total = 0;
        for (int i = 0; i < labels.count(); i++) total += labels.label(i) < NonDigits.LABEL ? copies : letterCopies;
        byte[] pixels = new byte[total * DigitGeometry.PIXELS];
        int[] out = new int[total];
        int n = 0;
        for (int i = 0; i < labels.count(); i++) {
            int times = labels.label(i) < NonDigits.LABEL ? copies : letterCopies;
            for (int c = 0; c < times; c++, n++) {
                System.arraycopy(images.pixels(), i * DigitGeometry.PIXELS, pixels, n * DigitGeometry.PIXELS, DigitGeometry.PIXELS);
                out[n] = labels.label(i);
            }
        }
        return ArrayExamples.ofBytes(pixels, DigitGeometry.PIXELS, out);
    }

    /**
     * The training fonts' digits traced to strokes ({@code resources/glyphs/fonts-train-traced.jsonl}), each
     * written {@code copies} times by the simulated hand and pen: blackletter digits as a pen draws them.
     */
    public static Examples tracedExamples(int copies, long seed) {
        if (copies < 0) throw new IllegalArgumentException("copies must be >= 0, got " + copies);
        return written(traced(), copies, seed);
    }

    private static List<LabeledInk> traced() {
        String name = "/glyphs/" + FontGlyphSet.TRACED;
        try (InputStream in = resource(name)) {
            return StrokeFile.read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException("the traced font digits " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Examples written(List<LabeledInk> traced, int copies, long seed) {
        RenderedDigits r = FontGlyphSet.writeTraced(traced, copies, seed);
        int[] labels = new int[r.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = r.label(i);
        return ArrayExamples.ofBytes(r.pixels(), RenderedDigits.PIXELS, labels);
    }

    /**
     * {@code count} of the training fonts' digits drawn without repeats in a seeded order, half as filled
     * glyphs and half traced and pen-written (at most every digit both ways): a small rehearsal of the
     * font styles a network trained with {@code --font-glyphs}.
     */
    public static Examples digitSample(int count, long seed) {
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
        GlyphSet set = training();
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < set.labels().count(); i++) if (set.labels().label(i) < NonDigits.LABEL) digits.add(i);
        List<LabeledInk> traced = traced();
        SplittableRandom rng = new SplittableRandom(seed);
        int filled = Math.min(digits.size(), count / 2);
        int pen = Math.min(traced.size(), count - filled);
        byte[] pixels = new byte[filled * DigitGeometry.PIXELS];
        int[] labels = new int[filled];
        List<Integer> chosen = firstOfShuffle(digits.size(), filled, rng);
        for (int k = 0; k < filled; k++) {
            int i = digits.get(chosen.get(k));
            System.arraycopy(set.images().pixels(), i * DigitGeometry.PIXELS, pixels, k * DigitGeometry.PIXELS, DigitGeometry.PIXELS);
            labels[k] = set.labels().label(i);
        }
        Examples filledDigits = ArrayExamples.ofBytes(pixels, DigitGeometry.PIXELS, labels);
        if (pen == 0) return filledDigits;
        List<LabeledInk> penDigits = new ArrayList<>(pen);
        for (int k : firstOfShuffle(traced.size(), pen, rng)) penDigits.add(traced.get(k));
        return new ConcatExamples(List.of(filledDigits, written(penDigits, 1, rng.nextLong())));
    }

    /** The first {@code k} of a seeded shuffle of 0..n-1. */
    private static List<Integer> firstOfShuffle(int n, int k, SplittableRandom rng) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        List<Integer> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i), t = order[i];
            order[i] = order[j];
            order[j] = t;
            out.add(order[i]);
        }
        return out;
    }

    /** What a model's recipe records of the set it trained on: its name and glyph counts. */
    public static Map<String, Object> describe() {
        GlyphSet set = training();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("set", "resources" + TRAINING_SET);
        m.put("glyphs", set.images().count());
        m.put("digits", set.digits());
        m.put("fonts", FontGlyphSet.TRAINING.size());
        m.put("traced_digits", "resources/glyphs/" + FontGlyphSet.TRACED);
        return m;
    }
}
