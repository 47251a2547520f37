package org.inkling.ink;

import java.util.List;

/**
 * Turns the samples of a stroke into a dense polyline through them.
 *
 * <p>A tablet sampled at 10 Hz leaves a few points per stroke; joining them with straight lines turns
 * the bowl of a 6 into a polygon. A centripetal Catmull-Rom spline passes through every sample, has no
 * cusps or self-intersections within a segment (unlike the uniform variant) and overshoots little at
 * corners, so dense mouse input comes out unchanged and sparse input comes out round.
 */
public final class StrokeSmoother {
    /** Largest number of pieces one segment is cut into, so a stray far point cannot cost much. */
    private static final int MAX_PIECES = 64;

    private StrokeSmoother() {}

    /**
     * Returns the interpolated polyline as interleaved {@code x0, y0, x1, y1, ...}.
     *
     * @param points the samples, in drawing order
     * @param maxStep the longest straight piece allowed, in the units of the points
     */
    public static double[] smooth(List<Point> points, double maxStep) {
        double eps = Math.max(maxStep * 1e-6, 1e-12);
        double[] p = dedupe(points, eps);
        int n = p.length / 2;
        if (n <= 2 || !(maxStep > 0)) {
            return p;
        }
        // A closed loop (a 0 ending where it began) takes its end neighbours from around the loop.
        boolean closed = n > 3 && Math.hypot(p[0] - p[2 * n - 2], p[1] - p[2 * n - 1]) <= eps * 10;
        double[] out = new double[64];
        int len = 0;
        for (int i = 0; i < n - 1; i++) {
            double x1 = p[2 * i], y1 = p[2 * i + 1], x2 = p[2 * i + 2], y2 = p[2 * i + 3];
            // Endpoints get a mirrored neighbour so the first and last segments stay close to straight.
            double x0 = i > 0 ? p[2 * i - 2] : closed ? p[2 * n - 4] : 2 * x1 - x2;
            double y0 = i > 0 ? p[2 * i - 1] : closed ? p[2 * n - 3] : 2 * y1 - y2;
            double x3 = i + 2 < n ? p[2 * i + 4] : closed ? p[2] : 2 * x2 - x1;
            double y3 = i + 2 < n ? p[2 * i + 5] : closed ? p[3] : 2 * y2 - y1;
            double seg = Math.hypot(x2 - x1, y2 - y1);
            int pieces = (int) Math.min(MAX_PIECES, Math.max(1, Math.ceil(seg / maxStep - 1e-6)));
            if (len + 2 * (pieces + 1) > out.length) {
                out = java.util.Arrays.copyOf(out, Math.max(out.length * 2, len + 2 * (pieces + 1)));
            }
            if (i == 0) {
                out[len++] = x1;
                out[len++] = y1;
            }
            double t0 = 0;
            double t1 = t0 + Math.sqrt(Math.hypot(x1 - x0, y1 - y0));
            double t2 = t1 + Math.sqrt(seg);
            double t3 = t2 + Math.sqrt(Math.hypot(x3 - x2, y3 - y2));
            for (int k = 1; k < pieces; k++) {
                double t = t1 + (t2 - t1) * k / pieces;
                double a1x = ((t1 - t) * x0 + (t - t0) * x1) / (t1 - t0);
                double a1y = ((t1 - t) * y0 + (t - t0) * y1) / (t1 - t0);
                double a2x = ((t2 - t) * x1 + (t - t1) * x2) / (t2 - t1);
                double a2y = ((t2 - t) * y1 + (t - t1) * y2) / (t2 - t1);
                double a3x = ((t3 - t) * x2 + (t - t2) * x3) / (t3 - t2);
                double a3y = ((t3 - t) * y2 + (t - t2) * y3) / (t3 - t2);
                double b1x = ((t2 - t) * a1x + (t - t0) * a2x) / (t2 - t0);
                double b1y = ((t2 - t) * a1y + (t - t0) * a2y) / (t2 - t0);
                double b2x = ((t3 - t) * a2x + (t - t1) * a3x) / (t3 - t1);
                double b2y = ((t3 - t) * a2y + (t - t1) * a3y) / (t3 - t1);
                out[len++] = ((t2 - t) * b1x + (t - t1) * b2x) / (t2 - t1);
                out[len++] = ((t2 - t) * b1y + (t - t1) * b2y) / (t2 - t1);
            }
            out[len++] = x2;
            out[len++] = y2;
        }
        return java.util.Arrays.copyOf(out, len);
    }

    /** Drops consecutive repeats: the spline's knot spacing divides by the distance between samples. */
    static double[] dedupe(List<Point> points, double eps) {
        double[] p = new double[points.size() * 2];
        int len = 0;
        for (Point q : points) {
            if (len == 0 || Math.hypot(q.x() - p[len - 2], q.y() - p[len - 1]) > eps) {
                p[len++] = q.x();
                p[len++] = q.y();
            }
        }
        return java.util.Arrays.copyOf(p, len);
    }
}
