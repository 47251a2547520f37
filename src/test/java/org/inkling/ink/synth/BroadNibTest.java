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

    /** Directions in degrees, 0 to 180, of every piece between consecutive distinct points. */
    private static List<Double> directions(double[] l) {
        List<Double> out = new java.util.ArrayList<>();
        for (int i = 2; i + 1 < l.length; i += 2) {
            double dx = l[i] - l[i - 2], dy = l[i + 1] - l[i - 1];
            if (Math.hypot(dx, dy) > 1e-9) out.add((Math.toDegrees(Math.atan2(dy, dx)) + 360) % 180);
        }
        return out;
    }

    @Test
    void texturaBreaksEveryCurveIntoAFewUprightStraightPiecesSweptByAHeavySolidNib() {
        // A round 0 (a circle of radius 0.3) and a vertical stem.
        double[] circle = new double[2 * 201];
        for (int i = 0; i <= 200; i++) {
            double a = 2 * Math.PI * i / 200;
            circle[2 * i] = 0.5 + 0.3 * Math.cos(a);
            circle[2 * i + 1] = 0.5 + 0.3 * Math.sin(a);
        }
        List<double[]> lines = List.of(circle, new double[] {1.2, 0.2, 1.2, 0.8});
        for (long seed = 1; seed <= 20; seed++) {
            List<double[]> out = BroadNib.writeTextura(lines, new SplittableRandom(seed));
            int copies = out.size() / lines.size();
            assertThat(out).hasSize(copies * lines.size());
            assertThat(copies).as("a solid band: copies at most 0.025 apart over a 0.1-0.17 nib").isBetween(5, 8);
            for (double[] copy : out.subList(0, copies)) {
                List<Double> dirs = directions(copy);
                // Every piece is upright: within the grid's 6 degrees of a multiple of 45.
                for (double d : dirs) assertThat(Math.abs(d - 45 * Math.rint(d / 45))).as("seed %d: %.1f°", seed, d).isLessThanOrEqualTo(6 + 1e-6);
                // A handful of straight pieces: the corners are where the direction changes.
                int corners = 0;
                for (int i = 1; i < dirs.size(); i++) if (Math.abs(dirs.get(i) - dirs.get(i - 1)) > 1e-6) corners++;
                assertThat(corners).as("seed %d", seed).isBetween(4, 24);
            }
            // Narrower than the circle was (condensed to 75-95% about the middle, plus the nib), as tall.
            double[] circleBox = Shaping.bounds(out.subList(0, copies));
            double nibWidth = 0.17;
            assertThat(circleBox[2] - circleBox[0]).as("seed %d", seed).isLessThan(0.95 * 0.6 + nibWidth);
            assertThat(circleBox[3] - circleBox[1]).isGreaterThan(0.5);
        }
    }

    @Test
    void aStemEndingDownwardsMayGetATexturaFootAndNothingElseDoes() {
        double[] stem = {0, 0, 0, 1};
        assertThat(BroadNib.footed(stem, 0.1)).hasSize(6).startsWith(0, 0, 0, 1);
        double[] foot = BroadNib.footed(stem, 0.1);
        assertThat(foot[4]).isCloseTo(0.1 / Math.sqrt(2), within(1e-12));
        assertThat(foot[5]).isCloseTo(1 + 0.1 / Math.sqrt(2), within(1e-12));
        assertThat(BroadNib.footed(new double[] {0, 1, 0, 0}, 0.1)).as("going up").containsExactly(0, 1, 0, 0);
        assertThat(BroadNib.footed(new double[] {0, 0, 1, 0}, 0.1)).as("sideways").containsExactly(0, 0, 1, 0);
    }

    @Test
    void texturaDigitsAreAShareOfTheBroadNibOnesDeterministicAndBoundedAndAShareOfZeroChangesNothing() {
        List<LabeledInk> none = DigitSynthesizer.generateBroadNib(20, 7);
        assertThat(DigitSynthesizer.generateBroadNib(20, 7, 0)).as("old recipes train on the same drawings").isEqualTo(none);
        List<LabeledInk> half = DigitSynthesizer.generateBroadNib(20, 7, 0.5);
        assertThat(DigitSynthesizer.generateBroadNib(20, 7, 0.5)).isEqualTo(half);
        assertThat(half).hasSize(200);
        // Same order and labels; exactly the first half of each digit's drawings are written otherwise.
        int changed = 0;
        for (int i = 0; i < 200; i++) {
            assertThat(half.get(i).label()).isEqualTo(none.get(i).label());
            if (!half.get(i).equals(none.get(i))) changed++;
        }
        assertThat(changed).isEqualTo(100);
        assertThat(DigitSynthesizer.generateBroadNib(20, 7, 1)).noneMatch(none::contains);
        assertThatThrownBy(() -> DigitSynthesizer.generateBroadNib(2, 7, 1.5)).hasMessageContaining("textura share");
        assertThatThrownBy(() -> DigitSynthesizer.generateBroadNib(2, 7, Double.NaN)).hasMessageContaining("textura share");
        assertThatThrownBy(() -> DigitSynthesizer.broadNibDataset(5, DigitSynthesizer.TEST_SEED, 0.5)).hasMessageContaining("held-out");
        // Every drawing stays within what a stroke file may hold, and on the page.
        for (DigitSynthesizer.Sample s : DigitSynthesizer.generateTexturaWithStyles(30, 3)) {
            org.inkling.ink.Ink ink = s.ink().ink();
            assertThat(ink.strokes().size()).isBetween(1, org.inkling.ink.StrokeFile.MAX_STROKES);
            int points = 0;
            for (org.inkling.ink.Stroke st : ink.strokes()) {
                assertThat(st.size()).isBetween(1, org.inkling.ink.StrokeFile.MAX_POINTS_PER_STROKE);
                points += st.size();
                for (org.inkling.ink.Point p : st.points()) {
                    assertThat(p.x()).as(s.style().name()).isBetween(0.0, 600.0);
                    assertThat(p.y()).as(s.style().name()).isBetween(0.0, 600.0);
                }
            }
            assertThat(points).isLessThanOrEqualTo(org.inkling.ink.StrokeFile.MAX_POINTS_PER_DRAWING);
        }
        // Heavy: more ink than the same digits written with the plain pen, although narrower.
        double texturaInk = 0, plainInk = 0;
        for (LabeledInk x : DigitSynthesizer.generateBroadNib(20, 7, 1)) for (float v : InkRenderer.toMnist(x.ink())) texturaInk += v;
        for (LabeledInk x : DigitSynthesizer.generate(20, 7)) for (float v : InkRenderer.toMnist(x.ink())) plainInk += v;
        assertThat(texturaInk).isGreaterThan(1.2 * plainInk);
    }
}
