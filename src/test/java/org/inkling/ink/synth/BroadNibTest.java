package org.inkling.ink.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.junit.jupiter.api.Test;

class BroadNibTest {
    /** A quarter circle of radius 0.5 through {@code n} points. */
    private static double[] arc(int n) {
        double[] l = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double a = Math.PI / 2 * i / (n - 1);
            l[2 * i] = 0.5 * Math.cos(a);
            l[2 * i + 1] = 0.5 * Math.sin(a);
        }
        return l;
    }

    @Test
    void simplifyingBreaksACurveIntoAFewStraightPiecesThatStayWithinTheTolerance() {
        double[] curve = arc(200);
        double[] corners = BroadNib.simplify(curve, 0.03);
        assertThat(corners.length / 2).isBetween(3, 8);
        assertThat(corners).startsWith(curve[0], curve[1]).endsWith(curve[398], curve[399]);
        for (int i = 0; i < 200; i++) {
            assertThat(distanceToPolyline(curve[2 * i], curve[2 * i + 1], corners)).as("point %d", i).isLessThanOrEqualTo(0.03 + 1e-9);
        }
        double[] straight = {0, 0, 0.25, 0.25, 0.5, 0.5, 1, 1};
        assertThat(BroadNib.simplify(straight, 0.01)).containsExactly(0, 0, 1, 1);
        // A path as long as a file could make is handled without recursion.
        assertThat(BroadNib.simplify(arc(200_000), 1e-6).length).isGreaterThan(4);
    }

    private static double distanceToPolyline(double x, double y, double[] p) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i + 3 < p.length; i += 2) {
            double ax = p[i], ay = p[i + 1], dx = p[i + 2] - ax, dy = p[i + 3] - ay;
            double t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
            best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
        }
        return best;
    }

    @Test
    void everyStrokeIsSweptByTheNibAsParallelCopiesAlongOneSlantedEdge() {
        List<double[]> lines = List.of(arc(50), new double[] {0, 0, 0, 1});
        for (long seed = 1; seed <= 20; seed++) {
            List<double[]> out = BroadNib.write(lines, new SplittableRandom(seed));
            int copies = out.size() / lines.size();
            assertThat(out).hasSize(copies * lines.size());
            assertThat(copies).isBetween(2, 4);
            // The copies of the vertical line: the same line moved along the nib's edge, 20-60 degrees up from horizontal.
            double[] first = out.get(copies), last = out.get(2 * copies - 1);
            double dx = last[0] - first[0], dy = last[1] - first[1];
            double angle = Math.toDegrees(Math.atan2(-dy, dx));
            assertThat(angle).isBetween(20.0, 60.0);
            assertThat(Math.hypot(dx, dy)).isBetween(0.07, 0.2);
            assertThat(last[last.length - 1] - last[1]).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void broadNibDigitsAreBalancedDeterministicHeavierAndNeverTheTestSeeds() {
        List<LabeledInk> nib = DigitSynthesizer.generateBroadNib(20, 7);
        assertThat(nib).hasSize(200).isEqualTo(DigitSynthesizer.generateBroadNib(20, 7));
        for (int d = 0; d <= 9; d++) {
            int digit = d;
            assertThat(nib.stream().filter(x -> x.label() == digit).count()).isEqualTo(20);
        }
        double nibInk = 0, plainInk = 0;
        for (LabeledInk x : nib) for (float v : InkRenderer.toMnist(x.ink())) nibInk += v;
        for (LabeledInk x : DigitSynthesizer.generate(20, 7)) for (float v : InkRenderer.toMnist(x.ink())) plainInk += v;
        assertThat(nibInk).isGreaterThan(1.2 * plainInk);
        assertThat(DigitSynthesizer.broadNibDataset(2, 5).size()).isEqualTo(20);
        assertThatThrownBy(() -> DigitSynthesizer.broadNibDataset(5, DigitSynthesizer.TEST_SEED)).hasMessageContaining("held-out");
    }
}
