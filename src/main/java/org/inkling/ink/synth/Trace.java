package org.inkling.ink.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.inkling.ink.Point;
import org.inkling.ink.StrokeSmoother;

/**
 * One pen stroke of a digit template, built from knots in a box about 1 tall (y down): smooth knots
 * the pen passes through in a curve, corner knots where its direction breaks (the top of a 7), and
 * elliptic arcs. Every knot is jittered when added, so each trace is one person's version.
 */
final class Trace {
    private final RandomGenerator rng;
    private final double jitter;
    private final List<double[]> knots = new ArrayList<>(); // x, y, corner (1) or smooth (0)

    Trace(RandomGenerator rng, double jitter, double x, double y) {
        this.rng = rng;
        this.jitter = jitter;
        add(x, y, true);
    }

    /** A smooth knot. */
    Trace to(double x, double y) {
        return add(x, y, false);
    }

    /** A knot where the stroke may turn sharply. */
    Trace corner(double x, double y) {
        return add(x, y, true);
    }

    /**
     * Knots along an ellipse from angle {@code from} to {@code to} (degrees; 0 is right, 90 is down on
     * screen, so decreasing angles run counter-clockwise as seen). {@code egg} widens the lower half
     * (positive) or the upper half (negative).
     */
    Trace arc(double cx, double cy, double rx, double ry, double from, double to, double egg) {
        int n = Math.max(2, (int) Math.ceil(Math.abs(to - from) / 35.0));
        for (int i = 0; i <= n; i++) {
            double a = Math.toRadians(from + (to - from) * i / n);
            double r = rx * (1 + egg * Math.sin(a));
            add(cx + r * Math.cos(a), cy + ry * Math.sin(a), false);
        }
        return this;
    }

    Trace arc(double cx, double cy, double rx, double ry, double from, double to) {
        return arc(cx, cy, rx, ry, from, to, 0);
    }

    private Trace add(double x, double y, boolean corner) {
        knots.add(new double[] {x + jitter * rng.nextGaussian(), y + jitter * rng.nextGaussian(), corner ? 1 : 0});
        return this;
    }

    /** The dense path: each run between corners is a Catmull-Rom spline through its knots. */
    double[] dense() {
        if (knots.size() == 1) {
            return new double[] {knots.get(0)[0], knots.get(0)[1]};
        }
        List<Double> out = new ArrayList<>();
        List<Point> run = new ArrayList<>();
        for (int i = 0; i < knots.size(); i++) {
            double[] k = knots.get(i);
            run.add(new Point(k[0], k[1]));
            boolean last = i == knots.size() - 1;
            if ((k[2] == 1 && i > 0) || last) {
                double[] s = StrokeSmoother.smooth(run, 0.01);
                for (int j = out.isEmpty() ? 0 : 2; j < s.length; j++) {
                    out.add(s[j]);
                }
                run.clear();
                run.add(new Point(k[0], k[1]));
            }
        }
        double[] d = new double[out.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = out.get(i);
        }
        return d;
    }
}
