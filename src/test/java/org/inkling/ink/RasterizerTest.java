package org.inkling.ink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RasterizerTest {
    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return s;
    }

    @Test
    void inkEqualsTheCapsuleArea() {
        // A 20 px long, 4 px wide capsule: 20*4 + pi*2^2.
        float[] img = new Rasterizer(40, 40, 8).render(List.of(new double[] {10.3, 20.1, 30.3, 20.1}), 2.0);
        assertThat(sum(img)).isCloseTo(80 + Math.PI * 4, within(1.0));
        assertThat(img[20 * 40 + 20]).isEqualTo(1f);
        assertThat(img[10 * 40 + 20]).isZero();
    }

    @Test
    void overlappingStrokesDoNotDoubleTheInk() {
        Rasterizer r = new Rasterizer(30, 30, 4);
        float[] once = r.render(List.of(new double[] {5, 15, 25, 15}), 1.5);
        float[] twice = r.render(List.of(new double[] {5, 15, 25, 15}, new double[] {25, 15, 5, 15}), 1.5);
        assertThat(twice).containsExactly(once);
    }

    @Test
    void aDotIsARoundDisc() {
        float[] img = new Rasterizer(20, 20, 8).render(List.of(new double[] {10, 10}), 3);
        assertThat(sum(img)).isCloseTo(Math.PI * 9, within(0.6));
        assertThat(img[10 * 20 + 10]).isEqualTo(1f);
        assertThat(img[10 * 20 + 14]).isZero();
    }

    @Test
    void edgesAreGrey() {
        float[] img = new Rasterizer(20, 20, 4).render(List.of(new double[] {2, 10.0, 18, 10.0}), 1.25);
        // The line spans y 8.75..11.25: rows 8 and 11 are a quarter covered.
        assertThat(img[8 * 20 + 10]).isCloseTo(0.25f, within(0.08f));
        assertThat(img[11 * 20 + 10]).isCloseTo(0.25f, within(0.08f));
        assertThat(img[9 * 20 + 10]).isEqualTo(1f);
    }
}
