package org.inkling.ink.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.inkling.ink.Ink;
import org.inkling.ink.InkRenderer;
import org.inkling.ink.LabeledInk;
import org.inkling.ink.MnistNormalizer;
import org.inkling.ink.RenderedDigits;
import org.junit.jupiter.api.Test;

class DigitSynthesizerTest {
    @Test
    void everyDigitHasSeveralStylesIncludingTheOnesMnistLacks() {
        for (int d = 0; d <= 9; d++) {
            assertThat(DigitSynthesizer.styles(d)).as("styles of %d", d).hasSizeGreaterThanOrEqualTo(4);
        }
        Set<String> names = DigitSynthesizer.styles().stream().map(s -> s.digit() + "/" + s.name()).collect(Collectors.toSet());
        assertThat(names).contains("0/slashed", "0/dotted", "1/long-flag", "1/foot", "1/flag-foot", "4/one-stroke-closed",
                "4/one-stroke-open", "4/open", "7/crossed", "9/g-tail", "3/flat-top", "2/loop");
    }

    @Test
    void generatesBalancedDeterministicSets() {
        List<LabeledInk> a = DigitSynthesizer.generate(12, 42);
        assertThat(a).hasSize(120);
        for (int d = 0; d <= 9; d++) {
            int digit = d;
            assertThat(a.stream().filter(x -> x.label() == digit).count()).isEqualTo(12);
        }
        assertThat(DigitSynthesizer.generate(12, 42)).isEqualTo(a);
        assertThat(DigitSynthesizer.generate(12, 43)).isNotEqualTo(a);
    }

    @Test
    void everySampleRendersToACentredDigit() {
        for (LabeledInk item : DigitSynthesizer.generate(20, 7)) {
            float[] img = InkRenderer.toMnist(item.ink());
            double[] com = MnistNormalizer.centerOfMass(img, 28, 28);
            assertThat(com).as("digit %d", item.label()).isNotNull();
            assertThat(com[0]).isCloseTo(14, within(0.5));
            assertThat(com[1]).isCloseTo(14, within(0.5));
            double ink = 0;
            for (float v : img) {
                ink += v;
            }
            assertThat(ink).isBetween(30.0, 250.0);
        }
    }

    /** Mean image of {@code n} drawings of one style. */
    private static float[] mean(int digit, String style, int n) {
        DigitSynthesizer.Style s = DigitSynthesizer.styles(digit).stream().filter(x -> x.name().equals(style)).findFirst().orElseThrow();
        SplittableRandom rng = new SplittableRandom(99);
        float[] m = new float[784];
        for (int i = 0; i < n; i++) {
            float[] img = InkRenderer.toMnist(DigitSynthesizer.write(s, rng.split()));
            for (int k = 0; k < 784; k++) {
                m[k] += img[k] / n;
            }
        }
        return m;
    }

    /** Mean over drawings of the largest row sum in the lower half: a base line shows up as a wide row. */
    private static double widestLowRow(int digit, String style, int n) {
        DigitSynthesizer.Style s = DigitSynthesizer.styles(digit).stream().filter(x -> x.name().equals(style)).findFirst().orElseThrow();
        SplittableRandom rng = new SplittableRandom(5);
        double total = 0;
        for (int i = 0; i < n; i++) {
            float[] img = InkRenderer.toMnist(DigitSynthesizer.write(s, rng.split()));
            double best = 0;
            for (int y = 14; y < 28; y++) {
                best = Math.max(best, region(img, 0, 28, y, y + 1));
            }
            total += best;
        }
        return total / n;
    }

    private static double region(float[] img, int x0, int x1, int y0, int y1) {
        double s = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                s += img[y * 28 + x];
            }
        }
        return s;
    }

    @Test
    void stylesDifferWhereTheyShould() {
        // A crossed seven has ink across its middle rows, left of the stem.
        assertThat(region(mean(7, "crossed", 40), 4, 14, 12, 17)).isGreaterThan(2 * region(mean(7, "plain", 40), 4, 14, 12, 17));
        // A slashed zero has ink in its hole.
        assertThat(region(mean(0, "slashed", 40), 11, 17, 11, 17)).isGreaterThan(4 * region(mean(0, "oval", 40), 11, 17, 11, 17));
        // A g-tailed nine curls into the lower left; a straight one does not.
        assertThat(region(mean(9, "g-tail", 40), 6, 12, 19, 24)).isGreaterThan(2 * region(mean(9, "straight", 40), 6, 12, 19, 24));
        // A one on a foot is wide at the bottom.
        assertThat(widestLowRow(1, "foot", 40)).isGreaterThan(2 * widestLowRow(1, "stick", 40));
    }

    @Test
    void slowPensLeaveFewSamples() {
        double[] circle = new double[2 * 361];
        for (int i = 0; i <= 360; i++) {
            circle[2 * i] = 100 * Math.cos(Math.toRadians(i));
            circle[2 * i + 1] = 100 * Math.sin(Math.toRadians(i));
        }
        SplittableRandom rng = new SplittableRandom(1);
        Ink slow = PenSampler.sample(List.of(circle), 200, new PenSampler.Pen(10, 5, 0.002), rng);
        Ink fast = PenSampler.sample(List.of(circle), 200, new PenSampler.Pen(100, 5, 0.002), rng);
        assertThat(slow.pointCount()).isBetween(4, 15);
        assertThat(fast.pointCount()).isGreaterThan(7 * slow.pointCount());
        // Pen down and pen up are always reported.
        assertThat(slow.strokes().get(0).points().get(0).x()).isCloseTo(100, within(3.0));
    }

    @Test
    void datasetRendersBytesAndKeepsTheTestSeedForTesting() {
        RenderedDigits data = DigitSynthesizer.dataset(5, 1234);
        assertThat(data.size()).isEqualTo(50);
        assertThat(data.inputSize()).isEqualTo(784);
        float[] x = new float[784 * 2];
        data.copyInput(3, x, 784);
        assertThat(x).startsWith(new float[784]);
        double ink = 0;
        for (int k = 784; k < x.length; k++) {
            assertThat(x[k]).isBetween(0f, 1f);
            ink += x[k];
        }
        assertThat(ink).isGreaterThan(20);
        assertThatThrownBy(() -> DigitSynthesizer.dataset(5, DigitSynthesizer.TEST_SEED)).hasMessageContaining("held-out");
    }

    @Test
    void standardRenderingMatchesTheRendererToTheByte() {
        List<LabeledInk> items = new ArrayList<>(DigitSynthesizer.generate(2, 5));
        RenderedDigits data = RenderedDigits.render(items);
        for (int i = 0; i < items.size(); i++) {
            float[] expected = InkRenderer.toMnist(items.get(i).ink());
            float[] got = data.image(i);
            assertThat(data.label(i)).isEqualTo(items.get(i).label());
            for (int k = 0; k < 784; k++) {
                assertThat(got[k]).isCloseTo(expected[k], within(0.5f / 255 + 1e-6f));
            }
        }
    }
}
