package org.inkling.ink.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Rewrites ideal pen paths as if drawn with a broad, flat nib held at a fixed angle: curves broken
 * into straight pieces meeting at corners (in most drawings only vertical, horizontal and diagonal
 * ones, as blackletter writes them), and every piece swept by the nib's edge, drawn as two to
 * four parallel copies of the path offset along it (thick where the path crosses the nib, thin where
 * it runs along it). That is how calligraphy and blackletter (Fraktur) numerals are made, and how the
 * vector fonts draw their bold and gothic faces; the shapes here come from the digit templates, none
 * from a font.
 */
final class BroadNib {
    private BroadNib() {}

    /** The paths (in a box about 1 tall) written with a random broad nib. */
    static List<double[]> write(List<double[]> lines, RandomGenerator rng) {
        double tolerance = 0.02 + 0.06 * rng.nextDouble();
        double angle = Math.toRadians(20 + 40 * rng.nextDouble());
        double width = 0.07 + 0.13 * rng.nextDouble();
        int copies = 2 + rng.nextInt(3);
        // The nib's edge, from its lower-left to its upper-right end (y grows downwards).
        double ex = Math.cos(angle), ey = -Math.sin(angle);
        // Most blackletter hands also break every stroke into verticals, horizontals and diagonals.
        boolean broken = rng.nextDouble() < 0.6;
        double grid = Math.toRadians(15 * (2 * rng.nextDouble() - 1));
        List<double[]> out = new ArrayList<>(lines.size() * copies);
        for (double[] line : lines) {
            double[] angular = simplify(line, tolerance);
            if (broken) angular = octagonal(angular, grid);
            sweep(angular, width, copies, ex, ey, out);
        }
        return Shaping.densify(out, 0.01);
    }

    /**
     * The paths written in a textura (blackletter) hand: the general rules of the style, applied to
     * whatever the template drew, none taken from a font. The letters are narrow (the drawing is
     * condensed sideways about its middle); every stroke is broken into a handful of straight pieces
     * (Douglas-Peucker with a tolerance of 4-8% of the height, so a bowl keeps only its corners), each
     * of them drawn upright, as a vertical, a horizontal or a 45-degree diagonal ({@link #octagonal}),
     * which turns a round bowl into two straight sides joined by short diagonals; the nib is broad
     * (10-17% of the height, at 30-50 degrees) and swept solid, as densely packed copies; and a stroke
     * may end in the diagonal flick of a textura foot.
     */
    static List<double[]> writeTextura(List<double[]> lines, RandomGenerator rng) {
        double condense = 0.75 + 0.2 * rng.nextDouble();
        double tolerance = 0.04 + 0.04 * rng.nextDouble();
        double angle = Math.toRadians(30 + 20 * rng.nextDouble());
        double width = 0.1 + 0.07 * rng.nextDouble();
        double grid = Math.toRadians(6 * (2 * rng.nextDouble() - 1));
        // Copies at most 0.025 apart, so the rendered pen fills the band between them: a solid stroke.
        int copies = (int) Math.ceil(width / 0.025) + 1;
        double ex = Math.cos(angle), ey = -Math.sin(angle);
        double[] box = Shaping.bounds(lines);
        double middle = (box[0] + box[2]) / 2;
        List<double[]> out = new ArrayList<>(lines.size() * copies);
        for (double[] line : lines) {
            double[] narrow = line.clone();
            for (int i = 0; i + 1 < narrow.length; i += 2) narrow[i] = middle + condense * (narrow[i] - middle);
            double[] angular = octagonal(simplify(narrow, tolerance), grid);
            if (angular.length >= 4 && rng.nextDouble() < 0.5) angular = footed(angular, 0.6 * width);
            sweep(angular, width, copies, ex, ey, out);
        }
        return Shaping.densify(out, 0.01);
    }

    /**
     * The broad nib drawn along a path: {@code copies} copies of it spread evenly across the nib's
     * edge (direction {@code ex, ey}, length {@code width}), which the rendered pen joins into a band.
     */
    private static void sweep(double[] path, double width, int copies, double ex, double ey, List<double[]> out) {
        for (int c = 0; c < copies; c++) {
            double t = width * ((double) c / (copies - 1) - 0.5);
            double[] moved = new double[path.length];
            for (int i = 0; i + 1 < path.length; i += 2) {
                moved[i] = path[i] + t * ex;
                moved[i + 1] = path[i + 1] + t * ey;
            }
            out.add(moved);
        }
    }

    /**
     * The path with a textura foot: where it ends going down, a short turn down and to the right at 45
     * degrees, the flick a broad nib leaves at the foot of a stem. Other paths are returned as they are.
     */
    static double[] footed(double[] line, double length) {
        int n = line.length;
        double dx = line[n - 2] - line[n - 4], dy = line[n - 1] - line[n - 3];
        // y grows downwards: a last piece within 30 degrees of straight down.
        if (dy <= 0 || Math.abs(dx) > dy * Math.tan(Math.toRadians(30))) return line;
        double[] out = java.util.Arrays.copyOf(line, n + 2);
        out[n] = line[n - 2] + length / Math.sqrt(2);
        out[n + 1] = line[n - 1] + length / Math.sqrt(2);
        return out;
    }

    /**
     * Replaces every piece of the path by at most two pieces along the nearest of eight directions
     * (multiples of 45 degrees, turned by {@code grid}) on either side of it, so the path keeps its
     * corners and ends and is drawn only in those directions: a round 0 becomes an octagon.
     */
    static double[] octagonal(double[] line, double grid) {
        int n = line.length / 2;
        if (n < 2) return line.clone();
        double[] out = new double[2 * (2 * n - 1)];
        out[0] = line[0];
        out[1] = line[1];
        int k = 2;
        for (int i = 1; i < n; i++) {
            double ax = line[2 * i - 2], ay = line[2 * i - 1], dx = line[2 * i] - ax, dy = line[2 * i + 1] - ay;
            double step = Math.PI / 4;
            double lower = grid + step * Math.floor((Math.atan2(dy, dx) - grid) / step);
            double ux = Math.cos(lower), uy = Math.sin(lower), vx = Math.cos(lower + step), vy = Math.sin(lower + step);
            // (dx, dy) = a·u + b·v with a, b >= 0, since its direction lies between u's and v's.
            double det = ux * vy - uy * vx;
            double a = (dx * vy - dy * vx) / det;
            out[k++] = ax + a * ux;
            out[k++] = ay + a * uy;
            out[k++] = line[2 * i];
            out[k++] = line[2 * i + 1];
        }
        return out;
    }

    /**
     * Douglas-Peucker: the fewest of the path's points that keep it within {@code tolerance}, so a
     * curve becomes a few straight strokes meeting at corners. Iterative (a stack of spans), so a long
     * path cannot exhaust the call stack.
     */
    static double[] simplify(double[] line, double tolerance) {
        int n = line.length / 2;
        if (n <= 2) return line.clone();
        boolean[] keep = new boolean[n];
        keep[0] = keep[n - 1] = true;
        java.util.ArrayDeque<int[]> spans = new java.util.ArrayDeque<>();
        spans.push(new int[] {0, n - 1});
        while (!spans.isEmpty()) {
            int[] s = spans.pop();
            int a = s[0], b = s[1];
            double ax = line[2 * a], ay = line[2 * a + 1], dx = line[2 * b] - ax, dy = line[2 * b + 1] - ay;
            double len = Math.hypot(dx, dy);
            int far = -1;
            double farthest = tolerance;
            for (int i = a + 1; i < b; i++) {
                double px = line[2 * i] - ax, py = line[2 * i + 1] - ay;
                double d = len > 0 ? Math.abs(px * dy - py * dx) / len : Math.hypot(px, py);
                if (d > farthest) {
                    farthest = d;
                    far = i;
                }
            }
            if (far >= 0) {
                keep[far] = true;
                spans.push(new int[] {a, far});
                spans.push(new int[] {far, b});
            }
        }
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        double[] out = new double[kept * 2];
        for (int i = 0, j = 0; i < n; i++) {
            if (keep[i]) {
                out[j++] = line[2 * i];
                out[j++] = line[2 * i + 1];
            }
        }
        return out;
    }
}
