package org.inkling.app.drawing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mouse events come sparse when the hand is fast or the machine busy: the same path given at a few
 * points and at many reaches the network as (nearly) the same image, and the pad draws it along
 * the same curve.
 */
public class SparseStrokeTest {
    private final InkRasterizer rasterizer = new InkRendererRasterizer();

    /** A "0" drawn from the top, clockwise, ending where it began, sampled {@code n} times. */
    static List<PadPoint> zero(int n) {
        List<PadPoint> points = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * i / n;
            points.add(new PadPoint(0.5 + 0.2 * Math.sin(a), 0.5 - 0.3 * Math.cos(a)));
        }
        return points;
    }

    private float[] draw(List<PadPoint> path) {
        DrawingViewModel vm = new DrawingViewModel(rasterizer);
        vm.beginStroke(path.getFirst().x(), path.getFirst().y());
        path.stream().skip(1).forEach(p -> vm.extendStroke(p.x(), p.y()));
        vm.endStroke();
        vm.refreshIfStale();
        return vm.inputProperty().get();
    }

    /**
     * Sum of absolute differences over the ink of the reference (0 is the same image), at the best
     * whole-pixel shift of at most one: MNIST centring moves a drawing by whole pixels, so a centre of
     * mass a hair across a pixel boundary moves the whole image by one.
     */
    public static double relativeDifference(float[] reference, float[] other) {
        double ink = 0;
        for (float v : reference) {
            ink += v;
        }
        double best = Double.POSITIVE_INFINITY;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                double diff = 0;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        int sx = x + dx;
                        int sy = y + dy;
                        float o = sx >= 0 && sx < 28 && sy >= 0 && sy < 28 ? other[sy * 28 + sx] : 0;
                        diff += Math.abs(reference[y * 28 + x] - o);
                    }
                }
                best = Math.min(best, diff);
            }
        }
        return best / ink;
    }

    @Test
    void aZeroAtSixPointsGivesTheNetworkTheSameImageAsAtOneHundredAndTwenty() {
        float[] slow = draw(zero(120));
        float[] fast = draw(zero(6));
        double d = relativeDifference(slow, fast);
        System.out.printf("zero at 6 vs 120 points: relative input difference %.3f%n", d);
        assertThat(d).isLessThan(0.15);
    }

    @Test
    void thePadDrawsTheCurveThroughSparseSamplesCloseToTheDenseOne() {
        double[] dense = DrawingPad.curve(new PadStroke(zero(120)));
        double[] sparse = DrawingPad.curve(new PadStroke(zero(6)));
        // Every point of the sparse curve lies near the dense one (pad units; 0.01 is 4 px of a 400 px pad).
        double worst = 0;
        for (int i = 0; i < sparse.length; i += 2) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < dense.length; j += 2) {
                nearest = Math.min(nearest, Math.hypot(sparse[i] - dense[j], sparse[i + 1] - dense[j + 1]));
            }
            worst = Math.max(worst, nearest);
        }
        System.out.printf("zero at 6 vs 120 points: farthest painted point %.4f pad units%n", worst);
        assertThat(worst).isLessThan(0.015);
        assertThat(sparse.length / 2).as("the curve is drawn in short pieces").isGreaterThan(60);
    }
}
