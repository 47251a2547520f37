package org.inkling.inspect;

import java.util.List;
import org.inkling.data.ArrayExamples;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;

/** Labelled drawings (a stroke file, the person's own digits) as examples, through the app's one rasteriser. */
public final class DrawingSet {
    private DrawingSet() {}

    /**
     * The labelled drawings of {@code drawings} rendered as MNIST images; unlabelled ones are
     * skipped (nothing to score them against). Labels outside 0..9 are refused with their position.
     */
    public static ArrayExamples of(List<LabeledInk> drawings) {
        ArrayExamples.Builder b = ArrayExamples.builder(org.inkling.base.DigitGeometry.PIXELS);
        for (int i = 0; i < drawings.size(); i++) {
            LabeledInk d = drawings.get(i);
            if (!d.hasLabel()) continue;
            if (d.label() < 0 || d.label() >= org.inkling.base.DigitGeometry.DIGITS) {
                throw new IllegalArgumentException("drawing " + (i + 1) + " has label " + d.label() + ", expected a digit 0..9");
            }
            b.add(InkRenderer.toMnist(d.ink()), d.label());
        }
        return b.build();
    }
}
