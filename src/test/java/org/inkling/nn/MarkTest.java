package org.inkling.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.inkling.data.Mnist;
import org.inkling.ink.Ink;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;
import org.inkling.ink.StrokeFile;
import org.inkling.testing.TestMnist;
import org.junit.jupiter.api.Test;

/** {@link VerdictRule#isMark}: dots and dashes are marks, the digits of MNIST and of the pen sets are not. */
class MarkTest {
    /** A straight stroke {@code length} long at {@code degrees} from horizontal, sampled as a mouse would. */
    static Ink line(double length, double degrees, SplittableRandom rng) {
        List<Point> pts = new ArrayList<>();
        double a = Math.toRadians(degrees), x = 100 * rng.nextDouble(), y = 100 * rng.nextDouble();
        int n = 3 + rng.nextInt(12);
        for (int i = 0; i <= n; i++) {
            double f = i / (double) n;
            pts.add(new Point(x + f * length * Math.cos(a) + 0.3 * rng.nextGaussian(), y + f * length * Math.sin(a) + 0.3 * rng.nextGaussian()));
        }
        return new Ink(List.of(new Stroke(pts)));
    }

    @Test
    void dashesWithinFifteenDegreesOfHorizontalAreMarks() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            double angle = 15 * (2 * rng.nextDouble() - 1) + (i % 2 == 0 ? 0 : 180);
            assertThat(VerdictRule.isMark(InkRenderer.toMnist(line(15 + 200 * rng.nextDouble(), angle, rng)))).as("%.1f°", angle).isTrue();
        }
    }

    @Test
    void aClickIsAMarkAndAVerticalOrSlantedLineIsNot() {
        Point p = new Point(40, 50);
        assertThat(VerdictRule.isMark(InkRenderer.toMnist(new Ink(List.of(new Stroke(List.of(p))))))).isTrue();
        assertThat(VerdictRule.isMark(InkRenderer.toMnist(new Ink(List.of(new Stroke(List.of(p, p, p))))))).isTrue();
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 100; i++) {
            double angle = 90 + 60 * (2 * rng.nextDouble() - 1); // up to 60° either side of vertical
            assertThat(VerdictRule.isMark(InkRenderer.toMnist(line(30 + 200 * rng.nextDouble(), angle, rng)))).as("%.1f°", angle).isFalse();
        }
        assertThat(VerdictRule.isMark(new float[10])).as("not a 28x28 image").isFalse();
    }

    @Test
    void noDigitOfMnistTestNorOfThePenSetsIsAMark() throws Exception {
        Mnist mnist = TestMnist.get();
        float[] x = new float[784];
        List<Integer> marks = new ArrayList<>();
        for (int i = 0; i < mnist.test().size(); i++) {
            mnist.test().copyInput(i, x, 0);
            if (VerdictRule.isMark(x)) marks.add(i);
        }
        assertThat(marks).as("MNIST test images that look like a mark").isEmpty();
        for (String set : List.of("hershey-digits.jsonl", "synthetic-styles.jsonl")) {
            List<LabeledInk> digits = StrokeFile.read(Path.of("resources/strokes", set));
            assertThat(digits).hasSizeGreaterThan(1000);
            assertThat(digits).as(set).noneMatch(d -> VerdictRule.isMark(InkRenderer.toMnist(d.ink())));
        }
    }
}
