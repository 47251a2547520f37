package org.inkling.ink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrokeSmootherTest {
    private static List<Point> circle(int samples) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i <= samples; i++) {
            double a = 2 * Math.PI * i / samples;
            pts.add(new Point(Math.cos(a), Math.sin(a)));
        }
        return pts;
    }

    private static double worstRadiusError(double[] line) {
        double worst = 0;
        for (int i = 0; i < line.length; i += 2) {
            worst = Math.max(worst, Math.abs(Math.hypot(line[i], line[i + 1]) - 1));
        }
        return worst;
    }

    @Test
    void sparseSamplesOfACircleComeOutRound() {
        double[] smooth = StrokeSmoother.smooth(circle(8), 0.02);
        assertThat(smooth.length / 2).isGreaterThan(200);
        // Straight chords between 8 samples sag by 1 - cos(22.5°) = 7.6 % of the radius.
        assertThat(worstRadiusError(smooth)).isLessThan(0.03);
    }

    @Test
    void passesThroughEverySample() {
        List<Point> pts = circle(6);
        double[] smooth = StrokeSmoother.smooth(pts, 0.05);
        for (Point p : pts) {
            boolean found = false;
            for (int i = 0; i < smooth.length; i += 2) {
                found |= Math.hypot(smooth[i] - p.x(), smooth[i + 1] - p.y()) < 1e-9;
            }
            assertThat(found).as("sample %s on the curve", p).isTrue();
        }
    }

    @Test
    void straightInputStaysStraightAndRepeatsAreDropped() {
        List<Point> pts = List.of(new Point(0, 0), new Point(0, 0), new Point(1, 1), new Point(2, 2), new Point(2, 2));
        double[] smooth = StrokeSmoother.smooth(pts, 0.1);
        for (int i = 0; i < smooth.length; i += 2) {
            assertThat(Math.abs(smooth[i] - smooth[i + 1])).isLessThan(1e-9);
        }
        assertThat(smooth[smooth.length - 2]).isEqualTo(2.0);
        assertThat(StrokeSmoother.smooth(List.of(new Point(3, 4), new Point(3, 4)), 0.1)).containsExactly(3, 4);
    }
}
