package org.inkling.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.inkling.ink.Ink;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;
import org.inkling.nn.SavedModel;
import org.inkling.nn.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the shipped model says about the drawings every user tries first: nothing, a dot, a dash and a
 * stroke down. Only the last is a digit.
 */
class ShippedVerdictTest {
    private static SavedModel shipped;

    @BeforeAll
    static void load() throws Exception {
        shipped = Models.builtIn();
    }

    private static Verdict read(Ink ink) {
        float[] image = InkRenderer.toMnist(ink);
        return shipped.verdict().judge(image, shipped.network().predict(image));
    }

    /** A straight stroke from (x, y), {@code length} long at {@code degrees} from horizontal, sampled as a mouse would. */
    private static Ink line(double x, double y, double length, double degrees, SplittableRandom rng) {
        List<Point> pts = new ArrayList<>();
        double a = Math.toRadians(degrees);
        int n = 3 + rng.nextInt(12);
        for (int i = 0; i <= n; i++) {
            double f = i / (double) n;
            pts.add(new Point(x + f * length * Math.cos(a) + 0.5 * rng.nextGaussian(), y + f * length * Math.sin(a) + 0.5 * rng.nextGaussian()));
        }
        return new Ink(List.of(new Stroke(pts)));
    }

    @Test
    void aBlankPadIsNotADigit() {
        Verdict v = read(Ink.EMPTY);
        assertThat(v.kind()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
        assertThat(v.accepted()).isFalse();
    }

    @Test
    void aClickIsNeverAConfidentDigit() {
        // The pad's own size check (DrawingViewModelTest) refuses ink no bigger than the pen; a stroke
        // file has no pen nor pad to measure against, so here the dot is a click: points in one place.
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20; i++) {
            Point p = new Point(40 + 200 * rng.nextDouble(), 40 + 200 * rng.nextDouble());
            Verdict v = read(new Ink(List.of(new Stroke(java.util.Collections.nCopies(1 + i % 4, p)))));
            assertThat(v.kind()).as("click %d: %s", i, v.describe()).isEqualTo(Verdict.Kind.NOT_A_DIGIT);
        }
    }

    @Test
    void aShortDashIsNeverAConfidentDigit() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 60; i++) {
            double angle = 15 * (2 * rng.nextDouble() - 1) + (i % 2 == 0 ? 0 : 180); // drawn either way
            Verdict v = read(line(60 + 150 * rng.nextDouble(), 60 + 150 * rng.nextDouble(), 15 + 45 * rng.nextDouble(), angle, rng));
            assertThat(v.accepted()).as("dash %d at %.0f°: %s", i, angle, v.describe()).isFalse();
        }
    }

    @Test
    void aVerticalLineIsAOneAndStaysOne() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            Verdict v = read(line(100, 100, 80 + 200 * rng.nextDouble(), 90 + 8 * rng.nextGaussian(), rng));
            assertThat(v.kind()).as("line %d: %s", i, v.describe()).isEqualTo(Verdict.Kind.DIGIT);
            assertThat(v.digit()).isEqualTo(1);
        }
    }
}
