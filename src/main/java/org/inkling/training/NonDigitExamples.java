package org.inkling.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.inkling.data.ArrayExamples;
import org.inkling.ink.RenderedDigits;
import org.inkling.ink.synth.HersheyDigits;
import org.inkling.ink.synth.NonDigits;
import org.inkling.nn.Examples;

/** Drawings that are not digits ({@link NonDigits}), rendered once through the app's ink pipeline, labelled 10. */
public final class NonDigitExamples {
    /** Where the Hershey fonts the letters come from live (Debian's {@code hershey-fonts-data}). */
    public static final Path FONTS = HersheyDigits.DEFAULT_FONTS;

    private NonDigitExamples() {}

    public static Examples examples(int count, long seed) {
        RenderedDigits r;
        try {
            r = NonDigits.dataset(FONTS, count, seed);
        } catch (IOException e) {
            throw new UncheckedIOException("learning non-digits needs the Hershey fonts: " + e.getMessage(), e);
        }
        int[] labels = new int[r.size()];
        for (int i = 0; i < labels.length; i++) labels[i] = r.label(i);
        return ArrayExamples.ofBytes(r.pixels(), RenderedDigits.PIXELS, labels);
    }
}
