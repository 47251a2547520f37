package org.inkling.inspect;

import java.util.List;
import org.inkling.data.ArrayExamples;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;

/** Labelled drawings (a stroke file, the person's own digits) as examples, through the app's one rasteriser. */
public final class DrawingSet {
    private DrawingSet() {}

    /**
     * The digit drawings of {@code drawings} rendered as MNIST images; unlabelled ones are skipped
     * (nothing to score them against), and so are those labelled "not a digit" (no digit to confuse
     * them with: how often they are refused is {@code predict --strokes}'s summary).
     */
    public static ArrayExamples of(List<LabeledInk> drawings) {
        ArrayExamples.Builder b = ArrayExamples.builder(org.inkling.base.DigitGeometry.PIXELS);
        for (LabeledInk d : drawings) {
            if (!d.isDigit()) continue;
            b.add(InkRenderer.toMnist(d.ink()), d.label());
        }
        return b.build();
    }
}
