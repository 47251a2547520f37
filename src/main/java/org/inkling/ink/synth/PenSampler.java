package org.inkling.ink.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.inkling.ink.Ink;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;

/**
 * Samples ideal pen paths the way a tablet or a mouse reports them: at a fixed rate while the pen
 * moves at a varying speed, with sensor noise.
 *
 * <p>Writers slow down in curves and almost stop at corners and at the ends of a stroke, so a pen
 * sampled at 10 Hz leaves its few points bunched at corners and spread along straight runs. The
 * speed model is {@code v = v0 * envelope(s) / (1 + c * curvature)}, with a bell-shaped envelope
 * over the stroke's arc length. The first and last positions are always reported (pen down, pen up).
 */
public final class PenSampler {
    /** Pen settings for one drawing. */
    public record Pen(double rateHz, double speed, double noise) {
        /**
         * @param rateHz samples per second (10 for the slowest tablets, 60-200 for mice and pens)
         * @param speed pen speed in digit heights per second on straight runs (people write 3-8)
         * @param noise standard deviation of the sensor noise, in digit heights
         */
        public Pen {
            if (!(rateHz > 0) || !(speed > 0) || !(noise >= 0)) {
                throw new IllegalArgumentException("bad pen: rate " + rateHz + ", speed " + speed + ", noise " + noise);
            }
        }

        /** A mix of slow tablets (a third at 10 Hz), ordinary pens and fast mice. */
        public static Pen random(RandomGenerator rng) {
            double u = rng.nextDouble();
            double rate = u < 0.35 ? 10 : u < 0.75 ? 15 + rng.nextDouble() * 45 : 60 + rng.nextDouble() * 140;
            return new Pen(rate, 3 + rng.nextDouble() * 5, 0.001 + rng.nextDouble() * 0.005);
        }
    }

    private PenSampler() {}

    /**
     * @param lines dense ideal paths, interleaved x, y, in units where the digit is {@code height} tall
     */
    public static Ink sample(List<double[]> lines, double height, Pen pen, RandomGenerator rng) {
        List<Stroke> strokes = new ArrayList<>(lines.size());
        for (double[] line : lines) {
            if (line.length >= 2) {
                strokes.add(sampleStroke(line, height, pen, rng));
            }
        }
        return new Ink(strokes);
    }

    private static Stroke sampleStroke(double[] p, double height, Pen pen, RandomGenerator rng) {
        int n = p.length / 2;
        double sigma = pen.noise() * height;
        List<Point> out = new ArrayList<>();
        if (n == 1) {
            out.add(noisy(p[0], p[1], sigma, rng));
            return new Stroke(out);
        }
        double[] s = new double[n];
        for (int i = 1; i < n; i++) {
            s[i] = s[i - 1] + Math.hypot(p[2 * i] - p[2 * i - 2], p[2 * i + 1] - p[2 * i - 1]);
        }
        double length = s[n - 1];
        if (length <= 0) {
            out.add(noisy(p[0], p[1], sigma, rng));
            return new Stroke(out);
        }
        // Time to reach each vertex.
        double[] t = new double[n];
        double v0 = pen.speed() * height;
        for (int i = 1; i < n; i++) {
            double ds = s[i] - s[i - 1];
            double mid = (s[i] + s[i - 1]) / 2 / length;
            double envelope = 0.25 + 0.75 * Math.sin(Math.PI * mid);
            double curvature = turning(p, i, n) / Math.max(ds, 1e-9) * height;
            double v = v0 * envelope / (1 + 0.08 * curvature);
            t[i] = t[i - 1] + ds / Math.max(v, 0.05 * v0);
        }
        double dt = 1.0 / pen.rateHz();
        out.add(noisy(p[0], p[1], sigma, rng));
        int j = 1;
        for (double time = dt; time < t[n - 1]; time += dt) {
            while (t[j] < time) {
                j++;
            }
            double f = (time - t[j - 1]) / (t[j] - t[j - 1]);
            double x = p[2 * j - 2] + f * (p[2 * j] - p[2 * j - 2]);
            double y = p[2 * j - 1] + f * (p[2 * j + 1] - p[2 * j - 1]);
            out.add(noisy(x, y, sigma, rng));
        }
        out.add(noisy(p[2 * n - 2], p[2 * n - 1], sigma, rng));
        return new Stroke(out);
    }

    /** Absolute turning angle at vertex i (between the pieces before and after it). */
    private static double turning(double[] p, int i, int n) {
        if (i <= 0 || i >= n - 1) {
            return 0;
        }
        double ax = p[2 * i] - p[2 * i - 2], ay = p[2 * i + 1] - p[2 * i - 1];
        double bx = p[2 * i + 2] - p[2 * i], by = p[2 * i + 3] - p[2 * i + 1];
        return Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by));
    }

    private static Point noisy(double x, double y, double sigma, RandomGenerator rng) {
        return new Point(x + sigma * rng.nextGaussian(), y + sigma * rng.nextGaussian());
    }
}
