package org.inkling.ink.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.inkling.ink.Ink;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;

/**
 * Geometric changes of ideal pen paths (interleaved x, y polylines, y down) shared by the Hershey
 * and the template generators: the ways one person's digit differs from another's.
 */
public final class Shaping {
    private Shaping() {}

    public static List<double[]> lines(Ink ink) {
        List<double[]> out = new ArrayList<>();
        for (Stroke s : ink.strokes()) {
            double[] l = new double[s.size() * 2];
            for (int i = 0; i < s.size(); i++) {
                l[2 * i] = s.points().get(i).x();
                l[2 * i + 1] = s.points().get(i).y();
            }
            out.add(l);
        }
        return out;
    }

    /** Splits long pieces so that later warps bend them instead of moving only their ends. */
    public static List<double[]> densify(List<double[]> lines, double maxStep) {
        List<double[]> out = new ArrayList<>(lines.size());
        for (double[] l : lines) {
            List<Point> pts = new ArrayList<>();
            for (int i = 0; i + 1 < l.length; i += 2) {
                if (i >= 2) {
                    double dx = l[i] - l[i - 2], dy = l[i + 1] - l[i - 1];
                    int k = (int) Math.ceil(Math.hypot(dx, dy) / maxStep);
                    for (int j = 1; j < k; j++) {
                        pts.add(new Point(l[i - 2] + dx * j / k, l[i - 1] + dy * j / k));
                    }
                }
                pts.add(new Point(l[i], l[i + 1]));
            }
            double[] d = new double[pts.size() * 2];
            for (int i = 0; i < pts.size(); i++) {
                d[2 * i] = pts.get(i).x();
                d[2 * i + 1] = pts.get(i).y();
            }
            out.add(d);
        }
        return out;
    }

    /** Bounds {minX, minY, maxX, maxY}. */
    public static double[] bounds(List<double[]> lines) {
        double[] b = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double[] l : lines) {
            for (int i = 0; i + 1 < l.length; i += 2) {
                b[0] = Math.min(b[0], l[i]);
                b[1] = Math.min(b[1], l[i + 1]);
                b[2] = Math.max(b[2], l[i]);
                b[3] = Math.max(b[3], l[i + 1]);
            }
        }
        return b;
    }

    /**
     * Moves the drawing so its box is centred on the origin, {@code 1} tall (or wide, for a flat
     * drawing), then applies {@code x' = a x + b y, y' = c x + d y} about the centre.
     */
    public static List<double[]> unitAffine(List<double[]> lines, double a, double b, double c, double d) {
        double[] box = bounds(lines);
        double cx = (box[0] + box[2]) / 2, cy = (box[1] + box[3]) / 2;
        double h = Math.max(box[3] - box[1], 1e-9);
        List<double[]> out = new ArrayList<>(lines.size());
        for (double[] l : lines) {
            double[] o = new double[l.length];
            for (int i = 0; i + 1 < l.length; i += 2) {
                double x = (l[i] - cx) / h, y = (l[i + 1] - cy) / h;
                o[i] = a * x + b * y;
                o[i + 1] = c * x + d * y;
            }
            out.add(o);
        }
        return out;
    }

    /**
     * A random hand: slant (shear; positive leans the top to the right), a small rotation and a
     * width change, in a drawing of unit height.
     */
    public static List<double[]> hand(List<double[]> lines, double slantDeg, double rotateDeg, double widthScale) {
        double sh = Math.tan(Math.toRadians(slantDeg));
        double cr = Math.cos(Math.toRadians(rotateDeg)), sr = Math.sin(Math.toRadians(rotateDeg));
        // First width scale and slant (x -= sh * y: y grows downward), then rotation.
        double a = widthScale, b = -sh;
        return unitAffine(lines, cr * a, cr * b, sr * a, sr * b + cr);
    }

    /**
     * A smooth random displacement field (two low-frequency waves per axis) so that a glyph bends
     * the way a hand wobbles, rather than shaking point by point.
     */
    public static List<double[]> wobble(List<double[]> lines, double amplitude, RandomGenerator rng) {
        double[][] w = new double[4][4];
        for (double[] row : w) {
            double f = 2 * Math.PI * (0.4 + rng.nextDouble() * 1.1);
            double dir = rng.nextDouble() * 2 * Math.PI;
            row[0] = f * Math.cos(dir);
            row[1] = f * Math.sin(dir);
            row[2] = rng.nextDouble() * 2 * Math.PI;
            row[3] = amplitude * (0.5 + rng.nextDouble() * 0.5);
        }
        List<double[]> out = new ArrayList<>(lines.size());
        for (double[] l : lines) {
            double[] o = new double[l.length];
            for (int i = 0; i + 1 < l.length; i += 2) {
                double x = l[i], y = l[i + 1];
                double dx = 0, dy = 0;
                for (int k = 0; k < 4; k++) {
                    double v = w[k][3] * Math.sin(w[k][0] * x + w[k][1] * y + w[k][2]);
                    if (k < 2) {
                        dx += v;
                    } else {
                        dy += v;
                    }
                }
                o[i] = x + dx;
                o[i + 1] = y + dy;
            }
            out.add(o);
        }
        return out;
    }

    /** Places a drawing on a screen-like canvas: its larger side {@code height} px, top-left at (x, y). */
    public static List<double[]> place(List<double[]> lines, double height, double x, double y) {
        double[] box = bounds(lines);
        List<double[]> out = new ArrayList<>(lines.size());
        double h = Math.max(box[3] - box[1], box[2] - box[0]);
        for (double[] l : lines) {
            double[] o = new double[l.length];
            for (int i = 0; i + 1 < l.length; i += 2) {
                o[i] = x + (l[i] - box[0]) / h * height;
                o[i + 1] = y + (l[i + 1] - box[1]) / h * height;
            }
            out.add(o);
        }
        return out;
    }

    /** Reverses a stroke's direction: the same trace, drawn the other way. */
    public static double[] reversed(double[] l) {
        double[] o = new double[l.length];
        for (int i = 0; i + 1 < l.length; i += 2) {
            o[l.length - 2 - i] = l[i];
            o[l.length - 1 - i] = l[i + 1];
        }
        return o;
    }
}
