package org.inkling.app.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.inkling.ink.Ink;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;
import org.junit.jupiter.api.Test;

/** The pad's strokes reach the network exactly as the command line renders them. */
class InkRendererRasterizerTest {
    private final InkRasterizer rasterizer = new InkRendererRasterizer();
    private final List<PadStroke> seven = List.of(new PadStroke(List.of(
            new PadPoint(0.3, 0.25), new PadPoint(0.7, 0.25), new PadPoint(0.45, 0.8))));

    private static double ink(float[] image) {
        double sum = 0;
        for (float v : image) {
            sum += v;
        }
        return sum;
    }

    @Test
    void theDefaultPenRendersExactlyAsTheCommandLine() {
        float[] pad = rasterizer.rasterize(seven, DrawingViewModel.DEFAULT_PEN);
        float[] cli = InkRenderer.toMnist(new Ink(List.of(new Stroke(List.of(
                new Point(0.3, 0.25), new Point(0.7, 0.25), new Point(0.45, 0.8))))));
        assertThat(pad).containsExactly(cli);
        assertThat(ink(pad)).isGreaterThan(20);
    }

    @Test
    void aWiderPenGivesBolderInkAndNoStrokesGiveNothing() {
        double thin = ink(rasterizer.rasterize(seven, DrawingViewModel.MIN_PEN));
        double bold = ink(rasterizer.rasterize(seven, DrawingViewModel.MAX_PEN));
        assertThat(bold).isGreaterThan(thin * 1.3);
        assertThat(ink(rasterizer.rasterize(List.of(), DrawingViewModel.DEFAULT_PEN))).isZero();
    }
}
