package org.inkling.training;

import org.inkling.data.ArrayExamples;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.synth.DigitSynthesizer;
import org.inkling.nn.Examples;

/** Synthetic drawn digits in the world's writing styles, rendered once through the app's ink pipeline, as training examples. */
public final class SyntheticDigits {
    private SyntheticDigits() {}

    public static Examples examples(int perClass, long seed) {
        RenderedDigits r = DigitSynthesizer.dataset(perClass, seed);
        int[] labels = new int[r.labels().length];
        for (int i = 0; i < labels.length; i++) labels[i] = r.labels()[i];
        // uint8 like MNIST: a quarter of the memory of floats, and the same quantisation the network trains on
        return ArrayExamples.ofBytes(r.pixels(), RenderedDigits.PIXELS, labels);
    }

    /** The same styles written with a broad nib ({@link DigitSynthesizer#broadNibDataset}). */
    public static Examples broadNibExamples(int perClass, long seed) {
        return broadNibExamples(perClass, seed, 0);
    }

    /** As {@link #broadNibExamples(int, long)}, {@code texturaShare} of them in the textura hand. */
    public static Examples broadNibExamples(int perClass, long seed, double texturaShare) {
        RenderedDigits r = DigitSynthesizer.broadNibDataset(perClass, seed, texturaShare);
        int[] labels = new int[r.labels().length];
        for (int i = 0; i < labels.length; i++) labels[i] = r.labels()[i];
        return ArrayExamples.ofBytes(r.pixels(), RenderedDigits.PIXELS, labels);
    }
}
