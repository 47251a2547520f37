package org.inkling.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class AugmentationTest {
    private static final int N = 28;

    /** A few MNIST-like digits: strokes of grey 0..1 drawn as thick anti-aliased segments. */
    private static float[] batch(int rows, long seed) {
        return batch(rows, seed, 1.6);
    }

    private static float[] batch(int rows, long seed, double halfWidth) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[rows * N * N];
        for (int k = 0; k < rows; k++) {
            for (int s = 0; s < 3; s++) {
                double x0 = 6 + r.nextDouble() * 16;
                double y0 = 5 + r.nextDouble() * 18;
                double x1 = 6 + r.nextDouble() * 16;
                double y1 = 5 + r.nextDouble() * 18;
                segment(x, k * N * N, x0, y0, x1, y1, halfWidth);
            }
        }
        return x;
    }

    private static void segment(float[] img, int off, double x0, double y0, double x1, double y1, double halfWidth) {
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double vx = x1 - x0;
                double vy = y1 - y0;
                double t = Math.max(0, Math.min(1, ((j - x0) * vx + (i - y0) * vy) / (vx * vx + vy * vy + 1e-12)));
                double d = Math.hypot(j - (x0 + t * vx), i - (y0 + t * vy));
                float v = (float) Math.max(0, Math.min(1, halfWidth + 0.5 - d));
                img[off + i * N + j] = Math.max(img[off + i * N + j], v);
            }
        }
    }

    private static double[] centreOfMass(float[] img) {
        double m = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float v = img[i * N + j];
                m += v;
                sx += v * j;
                sy += v * i;
            }
        }
        return new double[] {sx / m, sy / m, m};
    }

    private static double mass(float[] img) {
        double m = 0;
        for (float v : img) {
            m += v;
        }
        return m;
    }

    @Test
    void identityConfigLeavesImagesUnchanged() {
        float[] x = batch(8, 1);
        float[] before = x.clone();
        new Augmentation(AugmentationConfig.NONE).augment(x, 8, N * N, new SplittableRandom(3));
        assertThat(x).isEqualTo(before);
        // The resampling path itself is exact when the transform is the identity.
        float[] one = Arrays.copyOf(before, N * N);
        assertThat(Augmentation.affine(one, N, 0, 1, 0, 0, 0)).isEqualTo(one);
    }

    @Test
    void rotationMovesTheCentreOfMassCounterClockwiseOnScreen() {
        float[] img = new float[N * N];
        double c = (N - 1) / 2.0;
        // A small blob 7 px right of the centre.
        segment(img, 0, c + 7, c, c + 7, c, 1.2);
        double[] before = centreOfMass(img);
        assertThat(before[0]).isCloseTo(c + 7, within(1e-6));
        for (double deg : new double[] {30, 90, -45}) {
            double[] after = centreOfMass(Augmentation.affine(img, N, deg, 1, 0, 0, 0));
            double th = Math.toRadians(deg);
            // y grows downward, so counter-clockwise on screen moves a point right of centre up.
            assertThat(after[0]).as("x after %s deg", deg).isCloseTo(c + 7 * Math.cos(th), within(0.15));
            assertThat(after[1]).as("y after %s deg", deg).isCloseTo(c - 7 * Math.sin(th), within(0.15));
            assertThat(after[2]).as("mass kept").isCloseTo(before[2], within(before[2] * 0.05));
        }
        // Shift and scale about the centre do what they say.
        double[] shifted = centreOfMass(Augmentation.affine(img, N, 0, 1, 0, 2, -3));
        assertThat(shifted[0]).isCloseTo(c + 9, within(1e-4));
        assertThat(shifted[1]).isCloseTo(c - 3, within(1e-4));
        double[] scaled = centreOfMass(Augmentation.affine(img, N, 0, 0.5, 0, 0, 0));
        assertThat(scaled[0]).isCloseTo(c + 3.5, within(0.1));
    }

    @Test
    void randomRotationStaysWithinItsRange() {
        float[] img = new float[N * N];
        double c = (N - 1) / 2.0;
        segment(img, 0, c + 7, c, c + 7, c, 1.2);
        Augmentation aug = new Augmentation(AugmentationConfig.parse("rotate=20"));
        RandomGenerator rng = new SplittableRandom(5);
        double minAngle = 0;
        double maxAngle = 0;
        for (int t = 0; t < 200; t++) {
            float[] x = img.clone();
            aug.augment(x, 1, N * N, rng);
            double[] com = centreOfMass(x);
            double angle = Math.toDegrees(Math.atan2(c - com[1], com[0] - c));
            minAngle = Math.min(minAngle, angle);
            maxAngle = Math.max(maxAngle, angle);
        }
        assertThat(minAngle).isBetween(-21.0, -15.0);
        assertThat(maxAngle).isBetween(15.0, 21.0);
    }

    @Test
    void sameSeedGivesSameOutputAndDifferentSeedsDiffer() {
        Augmentation aug = new Augmentation(AugmentationConfig.DEFAULT);
        float[] a = batch(16, 2);
        float[] b = a.clone();
        float[] c = a.clone();
        aug.augment(a, 16, N * N, new SplittableRandom(42));
        new Augmentation(AugmentationConfig.DEFAULT).augment(b, 16, N * N, new SplittableRandom(42));
        aug.augment(c, 16, N * N, new SplittableRandom(43));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(a).isNotEqualTo(batch(16, 2));
    }

    @Test
    void dilationAddsInkAndErosionRemovesIt() {
        float[] img = Arrays.copyOf(batch(1, 4), N * N);
        double m = mass(img);
        assertThat(mass(Augmentation.dilate(img, N))).isGreaterThan(m * 1.2);
        assertThat(mass(Augmentation.erode(img, N))).isLessThan(m * 0.8);
        // Through the config: every image changes, both ways occur.
        Augmentation aug = new Augmentation(AugmentationConfig.parse("thickness=1"));
        float[] x = batch(40, 5);
        float[] before = x.clone();
        aug.augment(x, 40, N * N, new SplittableRandom(6));
        int thicker = 0;
        int thinner = 0;
        for (int k = 0; k < 40; k++) {
            double m0 = mass(Arrays.copyOfRange(before, k * N * N, (k + 1) * N * N));
            double m1 = mass(Arrays.copyOfRange(x, k * N * N, (k + 1) * N * N));
            if (m1 > m0 * 1.05) {
                thicker++;
            } else if (m1 < m0 * 0.95) {
                thinner++;
                assertThat(m1).as("thinning keeps half the ink").isGreaterThanOrEqualTo(m0 * 0.5 - 1e-3);
            }
        }
        assertThat(thicker + thinner).isEqualTo(40);
        assertThat(thicker).isBetween(10, 30);

        // One-pixel strokes, which a full erosion would all but erase, keep half their ink.
        float[] thin = batch(40, 9, 0.3);
        assertThat(mass(Augmentation.erode(Arrays.copyOf(thin, N * N), N)))
                .isLessThan(0.2 * mass(Arrays.copyOf(thin, N * N)));
        float[] thinBefore = thin.clone();
        aug.augment(thin, 40, N * N, new SplittableRandom(10));
        int thinned = 0;
        for (int k = 0; k < 40; k++) {
            double m0 = mass(Arrays.copyOfRange(thinBefore, k * N * N, (k + 1) * N * N));
            double m1 = mass(Arrays.copyOfRange(thin, k * N * N, (k + 1) * N * N));
            if (m1 < m0) {
                thinned++;
                assertThat(m1).isBetween(m0 * 0.5 - 1e-3, m0 * 0.6);
            }
        }
        assertThat(thinned).isBetween(10, 30);
    }

    @Test
    void valuesStayBetweenZeroAndOne() {
        AugmentationConfig strong = AugmentationConfig.parse("rotate=45,scale=0.5,shear=1,shift=6,elastic=60:3,thickness=1");
        for (AugmentationConfig cfg : new AugmentationConfig[] {AugmentationConfig.DEFAULT, strong}) {
            Augmentation aug = new Augmentation(cfg);
            RandomGenerator rng = new SplittableRandom(7);
            for (int t = 0; t < 20; t++) {
                float[] x = batch(32, t);
                for (int p = 0; p < x.length; p += 97) {
                    x[p] = 1f; // some saturated pixels everywhere
                }
                aug.augment(x, 32, N * N, rng);
                for (float v : x) {
                    assertThat(v).isBetween(0f, 1f);
                }
            }
        }
    }

    @Test
    void elasticWithAlphaZeroIsIdentityAndTinyAlphaBarelyMoves() {
        AugmentationConfig zero = AugmentationConfig.parse("elastic=0:4");
        assertThat(zero.isIdentity()).isTrue();
        float[] x = batch(4, 8);
        float[] before = x.clone();
        new Augmentation(zero).augment(x, 4, N * N, new SplittableRandom(1));
        assertThat(x).isEqualTo(before);
        // The full elastic path (noise, blur, resampling) with a vanishing alpha.
        new Augmentation(AugmentationConfig.parse("elastic=1e-6:4")).augment(x, 4, N * N, new SplittableRandom(1));
        for (int p = 0; p < x.length; p++) {
            assertThat(x[p]).isCloseTo(before[p], within(1e-5f));
        }
    }

    @Test
    void elasticFieldHasTheSpreadItsKernelImplies() {
        double alpha = 34;
        double sigma = 4;
        Augmentation aug = new Augmentation(AugmentationConfig.parse("elastic=34:4"));
        // For noise uniform in ±1 (variance 1/3) smoothed by a normalised separable kernel w, the
        // variance at a pixel far from the border is alpha² / 3 · (Σ w²)².
        int r = (int) Math.ceil(3 * sigma);
        double sum = 0;
        double sumSq = 0;
        for (int k = -r; k <= r; k++) {
            sum += Math.exp(-k * k / (2 * sigma * sigma));
        }
        for (int k = -r; k <= r; k++) {
            double w = Math.exp(-k * k / (2 * sigma * sigma)) / sum;
            sumSq += w * w;
        }
        double expectedStd = alpha * Math.sqrt(1.0 / 3) * sumSq;
        float[] fx = new float[N * N];
        float[] fy = new float[N * N];
        RandomGenerator rng = new SplittableRandom(9);
        double s2 = 0;
        int count = 2000;
        int centre = 14 * N + 14;
        for (int t = 0; t < count; t++) {
            aug.elasticField(rng, alpha, fx, fy, N);
            s2 += fx[centre] * fx[centre] + fy[centre] * fy[centre];
        }
        double std = Math.sqrt(s2 / (2 * count));
        assertThat(std).isCloseTo(expectedStd, within(expectedStd * 0.06));
        // Smooth: neighbours move nearly together.
        aug.elasticField(rng, alpha, fx, fy, N);
        assertThat(Math.abs(fx[centre] - fx[centre + 1])).isLessThan((float) expectedStd * 0.5f);
    }

    @Test
    void configRoundTripsThroughMapsAndTheCommandLineForm() {
        AugmentationConfig c = AugmentationConfig.parse("rotate=12,scale=0.15,shear=0.3,shift=2,elastic=34:4,thickness=0.3");
        assertThat(c).isEqualTo(new AugmentationConfig(12, 0.15, 0.3, 2, 1, 34, 4, 1, 0.3));
        assertThat(AugmentationConfig.parse(c.toCliString())).isEqualTo(c);
        assertThat(AugmentationConfig.fromMap(c.toMap())).isEqualTo(c);
        assertThat(c.toMap()).containsEntry("rotation_degrees", 12.0).containsEntry("elastic_sigma", 4.0);
        for (AugmentationConfig k : new AugmentationConfig[] {AugmentationConfig.DEFAULT, AugmentationConfig.NONE,
            AugmentationConfig.parse("default,elastic=0,affine_p=0.5"), AugmentationConfig.parse("elastic=20:5:0.25")}) {
            assertThat(AugmentationConfig.parse(k.toCliString())).isEqualTo(k);
            assertThat(AugmentationConfig.fromMap(org.inkling.json.Json.parseObject(org.inkling.json.Json.write(k.toMap()))))
                    .isEqualTo(k);
        }
        assertThat(AugmentationConfig.parse("none")).isEqualTo(AugmentationConfig.NONE);
        assertThat(AugmentationConfig.NONE.toCliString()).isEqualTo("none");
        assertThat(AugmentationConfig.parse("default")).isEqualTo(AugmentationConfig.DEFAULT);
        assertThat(AugmentationConfig.parse("default,rotate=5").rotationDegrees()).isEqualTo(5);
        assertThat(AugmentationConfig.parse("elastic=30").elasticSigma()).isEqualTo(4);
    }

    @Test
    void badConfigsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> AugmentationConfig.parse("rotate=200")).hasMessage("rotation degrees must be in 0..180, got 200.0");
        assertThatThrownBy(() -> AugmentationConfig.parse("spin=3")).hasMessageStartingWith("unknown augmentation 'spin'");
        assertThatThrownBy(() -> AugmentationConfig.parse("scale=big")).hasMessage("augmentation scale needs a number, got 'big'");
        assertThatThrownBy(() -> AugmentationConfig.parse("thickness")).hasMessageContaining("is not key=value");
        assertThatThrownBy(() -> AugmentationConfig.parse("elastic=34:0")).hasMessage("elastic sigma must be greater than 0, got 0.0");
        assertThatThrownBy(() -> AugmentationConfig.parse("thickness=1.5")).hasMessage("thickness probability must be in 0..1, got 1.5");
        assertThatThrownBy(() -> AugmentationConfig.fromMap(java.util.Map.of("rotate", 3.0))).hasMessageStartingWith("unknown augmentation key 'rotate'");
        assertThatThrownBy(() -> new Augmentation(AugmentationConfig.DEFAULT).augment(new float[10], 1, 10, new SplittableRandom(1)))
                .hasMessageContaining("square images");
    }
}
