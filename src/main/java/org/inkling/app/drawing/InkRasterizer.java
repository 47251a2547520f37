package org.inkling.app.drawing;

import java.util.List;

/** Turns the pad's strokes into the network's input, the same way the command line does. */
@FunctionalInterface
public interface InkRasterizer {
    /**
     * A 784-value MNIST-like image in 0..1 (all zeros for no strokes).
     *
     * @param penWidth the pad's pen width in pad units; {@link DrawingViewModel#DEFAULT_PEN} gives
     *     exactly the command line's rendering, wider pens proportionally bolder ink
     */
    float[] rasterize(List<PadStroke> strokes, double penWidth);
}
