package org.inkling.ink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MnistNormalizerTest {
    static Ink circle(double cx, double cy, double r, int samples) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i <= samples; i++) {
            double a = 2 * Math.PI * i / samples;
            pts.add(new Point(cx + r * Math.cos(a), cy + 1.4 * r * Math.sin(a)));
        }
        return Ink.of(new Stroke(pts));
    }

    static Ink seven(int samplesPerSide) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i <= samplesPerSide; i++) {
            pts.add(new Point(100 + 120.0 * i / samplesPerSide, 50));
        }
        for (int i = 1; i <= samplesPerSide; i++) {
            pts.add(new Point(220 - 80.0 * i / samplesPerSide, 50 + 200.0 * i / samplesPerSide));
        }
        return Ink.of(new Stroke(pts), Stroke.of(new Point(130, 150), new Point(210, 150)));
    }

    static int[] bbox(float[] img) {
        int minX = 28, minY = 28, maxX = -1, maxY = -1;
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                if (img[y * 28 + x] > 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return new int[] {maxX - minX + 1, maxY - minY + 1};
    }

    static double maxDiff(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    static double meanDiff(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += Math.abs(a[i] - b[i]);
        }
        return d / a.length;
    }

    static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void emptyInkGivesZeros() {
        float[] img = InkRenderer.toMnist(Ink.EMPTY);
        assertThat(img).hasSize(784);
        for (float v : img) {
            assertThat(v).isZero();
        }
    }

    @Test
    void outputIsGreyInRangeAndCentredByMass() {
        for (Ink ink : List.of(circle(200, 200, 50, 40), seven(10), seven(2), circle(0, 0, 0.01, 7))) {
            float[] img = InkRenderer.toMnist(ink);
            for (float v : img) {
                assertThat(v).isBetween(0f, 1f);
            }
            assertThat(img).contains(1f); // stroke cores are solid, as in MNIST
            double[] com = MnistNormalizer.centerOfMass(img, 28, 28);
            assertThat(com[0]).isCloseTo(14.0, org.assertj.core.data.Offset.offset(0.5));
            assertThat(com[1]).isCloseTo(14.0, org.assertj.core.data.Offset.offset(0.5));
        }
    }

    @Test
    void longerSideFillsTwentyPixels() {
        int[] tall = bbox(InkRenderer.toMnist(circle(50, 50, 30, 60)));
        assertThat(tall[1]).isEqualTo(20);
        assertThat(tall[0]).isBetween(14, 17); // aspect 1:1.4 kept
        int[] seven = bbox(InkRenderer.toMnist(seven(20)));
        assertThat(seven[1]).isEqualTo(20);
        assertThat(seven[0]).isLessThanOrEqualTo(20).isGreaterThan(10);
    }

    @Test
    void scaleAndTranslationDoNotMatter() {
        Ink ink = seven(12);
        float[] a = InkRenderer.toMnist(ink);
        float[] b = InkRenderer.toMnist(ink.transformed(10, -3000, 777.5));
        float[] c = InkRenderer.toMnist(ink.transformed(0.01, 0.3, 0.1));
        assertThat(maxDiff(a, b)).isLessThan(1e-3);
        assertThat(maxDiff(a, c)).isLessThan(1e-3);
    }

    /** Ink of a "6": a hook down the left side into a loop, as a pen would sample it. */
    static Ink six(int samples) {
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i <= samples; i++) {
            double t = (double) i / samples;
            double a = Math.PI * (1.35 + 2.1 * t);
            double r = 60 - 28 * t;
            pts.add(new Point(100 + r * Math.cos(a), 130 - 40 * (1 - t) * (1 - t) + 1.3 * r * Math.sin(a)));
        }
        return Ink.of(new Stroke(pts));
    }

    /** Smallest mean difference over whole-pixel shifts of up to one pixel (placement is by whole pixels). */
    static double alignedMeanDiff(float[] a, float[] b) {
        double best = Double.MAX_VALUE;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                double d = 0;
                for (int y = 0; y < 28; y++) {
                    for (int x = 0; x < 28; x++) {
                        int sx = x + dx, sy = y + dy;
                        float vb = sx >= 0 && sx < 28 && sy >= 0 && sy < 28 ? b[sy * 28 + sx] : 0f;
                        d += Math.abs(a[y * 28 + x] - vb);
                    }
                }
                best = Math.min(best, d / 784);
            }
        }
        return best;
    }

    @Test
    void sparseAndDenseSamplesOfACurveLookAlike() {
        float[] dense = InkRenderer.toMnist(six(300));
        float[] sparse = InkRenderer.toMnist(six(7)); // a 10 Hz pen leaves a handful of samples
        float[] other = InkRenderer.toMnist(seven(30));
        double sparseVsDense = alignedMeanDiff(dense, sparse);
        assertThat(sparseVsDense).isLessThan(0.03);
        // For scale: a different digit is an order of magnitude further away.
        assertThat(alignedMeanDiff(dense, other)).isGreaterThan(5 * sparseVsDense);
    }

    @Test
    void aVerticalOneStaysThin() {
        float[] img = InkRenderer.toMnist(Ink.of(Stroke.of(new Point(300, 100), new Point(300, 400))));
        int[] box = bbox(img);
        assertThat(box[1]).isEqualTo(20);
        assertThat(box[0]).isBetween(2, 4);
        // Ink per row about the MNIST stroke width (2-3 px), not 20.
        double row = 0;
        for (int x = 0; x < 28; x++) {
            row += img[14 * 28 + x];
        }
        assertThat(row).isBetween(2.0, 3.2);
    }

    @Test
    void aHorizontalLineIsAThinBarAcrossTheBox() {
        float[] img = InkRenderer.toMnist(Ink.of(Stroke.of(new Point(10, 50), new Point(90, 50))));
        int[] box = bbox(img);
        assertThat(box[0]).isEqualTo(20);
        assertThat(box[1]).isBetween(2, 4);
    }

    @Test
    void aSingleDotIsASmallCentredDot() {
        for (Ink dot : List.of(Ink.of(Stroke.of(new Point(5, 5))), Ink.of(Stroke.of(new Point(5, 5), new Point(5, 5))),
                Ink.of(Stroke.of(new Point(1e6, -1e6)), Stroke.of(new Point(1e6, -1e6))))) {
            float[] img = InkRenderer.toMnist(dot);
            int[] box = bbox(img);
            assertThat(box[0]).isBetween(2, 4);
            assertThat(box[1]).isBetween(2, 4);
            double[] com = MnistNormalizer.centerOfMass(img, 28, 28);
            assertThat(com[0]).isCloseTo(14.0, org.assertj.core.data.Offset.offset(0.5));
            assertThat(sum(img)).isBetween(3.0, 8.0);
        }
    }

    @Test
    void aTinyDrawingComesOutLikeALargeOne() {
        Ink big = circle(200, 200, 80, 60);
        Ink tiny = big.transformed(1e-4, 5, 5);
        assertThat(maxDiff(InkRenderer.toMnist(big), InkRenderer.toMnist(tiny))).isLessThan(1e-3);
    }

    @Test
    void penWidthFollowsTheFraction() {
        Ink ink = circle(0, 0, 10, 50);
        assertThat(sum(InkRenderer.toMnist(ink, 0.25))).isGreaterThan(1.4 * sum(InkRenderer.toMnist(ink, 0.12)));
    }
}
