package org.inkling.app.drawing;

import java.util.List;
import org.inkling.ink.Ink;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.MnistNormalizer;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;

/**
 * The pad's strokes through the same renderer and MNIST normaliser as {@code inkling predict}. The
 * renderer's pen is a fraction of the digit's size; the pad's pen slider scales it, so the default
 * slider position renders exactly as the command line does.
 */
public final class InkRendererRasterizer implements InkRasterizer {
    @Override
    public float[] rasterize(List<PadStroke> strokes, double penWidth) {
        Ink ink = new Ink(strokes.stream()
                .map(s -> new Stroke(s.points().stream().map(p -> new Point(p.x(), p.y())).toList()))
                .toList());
        double fraction = MnistNormalizer.DEFAULT_PEN_FRACTION * penWidth / DrawingViewModel.DEFAULT_PEN;
        return InkRenderer.toMnist(ink, Math.clamp(fraction, 0.01, 1.0));
    }
}
