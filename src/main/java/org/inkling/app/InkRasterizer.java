package org.inkling.app;

import java.util.List;

/** Turns the pad's strokes into the network's input, the same way the command line does. */
@FunctionalInterface
public interface InkRasterizer {
    /** A 784-value MNIST-like image in 0..1 (all zeros for no strokes). */
    float[] rasterize(List<PadStroke> strokes);
}
