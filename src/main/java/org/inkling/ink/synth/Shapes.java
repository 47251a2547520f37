package org.inkling.ink.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.inkling.ink.Ink;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;

/** The ideal paths of the non-letter non-digits (in a box about 1 across, y down) and the digit-made ones. */
final class Shapes {
    private Shapes() {}

    /** Taller than {@code 3.5x} its width: a 1 to any reader. */
    static boolean oneLike(Ink ink) {
        double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Stroke s : ink.strokes()) {
            for (Point p : s.points()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        return maxY - minY > 3.5 * (maxX - minX);
    }

    /** Random curves through many points, zigzags, spirals, coils, hatching. */
    static List<double[]> scribble(RandomGenerator rng) {
        return switch (rng.nextInt(5)) {
            case 0 -> List.of(curve(rng, 6 + rng.nextInt(7)));
            case 1 -> List.of(zigzag(rng));
            case 2 -> List.of(spiral(rng));
            case 3 -> List.of(coil(rng));
            default -> List.of(hatch(rng));
        };
    }

    private static double[] curve(RandomGenerator rng, int knots) {
        Trace t = new Trace(rng, 0, rng.nextDouble(), rng.nextDouble());
        for (int i = 1; i < knots; i++) t.to(rng.nextDouble(), rng.nextDouble());
        return t.dense();
    }

    private static double[] zigzag(RandomGenerator rng) {
        int n = 5 + rng.nextInt(6);
        double h = 0.25 + 0.75 * rng.nextDouble();
        boolean vertical = rng.nextDouble() < 0.3;
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double along = i / (double) (n - 1), across = (i % 2) * h + 0.05 * rng.nextGaussian();
            p[2 * i] = vertical ? across : along;
            p[2 * i + 1] = vertical ? along : across;
        }
        return p;
    }

    private static double[] spiral(RandomGenerator rng) {
        double turns = 2 + rng.nextDouble(), start = rng.nextDouble() * 2 * Math.PI;
        boolean ccw = rng.nextBoolean();
        int n = (int) (turns * 40);
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double f = i / (double) (n - 1), a = start + (ccw ? -1 : 1) * f * turns * 2 * Math.PI, r = 0.04 + 0.46 * f;
            p[2 * i] = 0.5 + r * Math.cos(a);
            p[2 * i + 1] = 0.5 + r * Math.sin(a);
        }
        return p;
    }

    private static double[] coil(RandomGenerator rng) {
        int loops = 3 + rng.nextInt(4), n = loops * 40;
        double r = 0.15 + 0.2 * rng.nextDouble(), step = (1 - 2 * r) / (loops * 2 * Math.PI);
        double[] p = new double[2 * n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) (n - 1) * loops * 2 * Math.PI;
            p[2 * i] = r + step * t - r * Math.cos(t);
            p[2 * i + 1] = 0.5 - r * 1.3 * Math.sin(t);
        }
        return p;
    }

    private static double[] hatch(RandomGenerator rng) {
        int rows = 4 + rng.nextInt(5);
        double height = 0.3 + 0.6 * rng.nextDouble();
        double[] p = new double[4 * rows];
        for (int i = 0; i < rows; i++) {
            double y = height * i / (rows - 1);
            boolean right = i % 2 == 0;
            p[4 * i] = right ? 0.05 * rng.nextDouble() : 1 - 0.05 * rng.nextDouble();
            p[4 * i + 1] = y;
            p[4 * i + 2] = right ? 1 - 0.05 * rng.nextDouble() : 0.05 * rng.nextDouble();
            p[4 * i + 3] = y + 0.03 * rng.nextGaussian();
        }
        return p;
    }

    /** One straight line, or two or three parallel ones, at least {@code minTilt} degrees from vertical. */
    static List<double[]> line(RandomGenerator rng, double minTilt) {
        double tilt = Math.toRadians(minTilt + (180 - 2 * minTilt) * rng.nextDouble());
        double dx = Math.sin(tilt), dy = Math.cos(tilt);
        int count = rng.nextDouble() < 0.7 ? 1 : 2 + rng.nextInt(2);
        double gap = 0.15 + 0.25 * rng.nextDouble();
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double ox = -dy * gap * i, oy = dx * gap * i; // perpendicular offset
            out.add(new double[] {ox, oy, ox + dx, oy + dy});
        }
        return out;
    }

    /** A plus, a cross, a hash or a star. */
    static List<double[]> crossing(RandomGenerator rng) {
        List<double[]> out = new ArrayList<>();
        switch (rng.nextInt(4)) {
            case 0 -> {
                out.add(new double[] {0, 0.5, 1, 0.5});
                out.add(new double[] {0.5, 0, 0.5, 1});
            }
            case 1 -> {
                double a = Math.toRadians(30 + 30 * rng.nextDouble());
                out.add(new double[] {0.5 - 0.5 * Math.sin(a), 0.5 - 0.5 * Math.cos(a), 0.5 + 0.5 * Math.sin(a), 0.5 + 0.5 * Math.cos(a)});
                out.add(new double[] {0.5 + 0.5 * Math.sin(a), 0.5 - 0.5 * Math.cos(a), 0.5 - 0.5 * Math.sin(a), 0.5 + 0.5 * Math.cos(a)});
            }
            case 2 -> {
                out.add(new double[] {0, 0.33, 1, 0.33});
                out.add(new double[] {0, 0.67, 1, 0.67});
                out.add(new double[] {0.33, 0, 0.33, 1});
                out.add(new double[] {0.67, 0, 0.67, 1});
            }
            default -> {
                int arms = 3 + rng.nextInt(2);
                double start = rng.nextDouble() * Math.PI;
                for (int i = 0; i < arms; i++) {
                    double a = start + Math.PI * i / arms;
                    out.add(new double[] {0.5 - 0.5 * Math.cos(a), 0.5 - 0.5 * Math.sin(a), 0.5 + 0.5 * Math.cos(a), 0.5 + 0.5 * Math.sin(a)});
                }
            }
        }
        if (rng.nextDouble() < 0.5) java.util.Collections.shuffle(out, new java.util.Random(rng.nextLong()));
        return out;
    }

    /** One to six dots (pen down and up at one place, perhaps with a tiny tremor) on a screen-sized pad. */
    static Ink dots(RandomGenerator rng) {
        int n = 1 + rng.nextInt(6);
        double size = 60 + 300 * rng.nextDouble(), x0 = 5 + 100 * rng.nextDouble(), y0 = 5 + 100 * rng.nextDouble();
        List<Stroke> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double x = x0 + size * rng.nextDouble(), y = y0 + size * rng.nextDouble();
            List<Point> pts = new ArrayList<>();
            pts.add(new Point(x, y));
            for (int k = rng.nextInt(3); k > 0; k--) pts.add(new Point(x + 1.5 * rng.nextGaussian(), y + 1.5 * rng.nextGaussian()));
            out.add(new Stroke(pts));
        }
        return new Ink(out);
    }

    /** Two synthetic digits written side by side, of similar size, sometimes touching. */
    static Ink twoDigits(RandomGenerator rng) {
        List<DigitSynthesizer.Style> styles = DigitSynthesizer.styles();
        List<double[]> a = Shaping.lines(DigitSynthesizer.write(styles.get(rng.nextInt(styles.size())), rng));
        List<double[]> b = Shaping.lines(DigitSynthesizer.write(styles.get(rng.nextInt(styles.size())), rng));
        double h = 100 + 150 * rng.nextDouble();
        a = Shaping.place(a, h, 10, 10);
        double[] boxA = Shaping.bounds(a);
        double hb = h * (0.8 + 0.4 * rng.nextDouble());
        b = Shaping.place(b, hb, boxA[2] + h * (-0.05 + 0.4 * rng.nextDouble()), 10 + h * 0.15 * rng.nextGaussian());
        List<double[]> all = new ArrayList<>(a);
        all.addAll(b);
        return ink(all);
    }

    /** A digit (not a 1 or a 7, whose beginnings are 1s) broken off after the first 15-40% of its path. */
    static Ink partialDigit(RandomGenerator rng) {
        List<DigitSynthesizer.Style> styles = DigitSynthesizer.styles().stream()
                .filter(s -> s.digit() != 1 && s.digit() != 7).toList();
        List<double[]> lines = Shaping.lines(DigitSynthesizer.write(styles.get(rng.nextInt(styles.size())), rng));
        double total = 0;
        for (double[] l : lines) total += length(l, l.length / 2);
        double keep = total * (0.15 + 0.25 * rng.nextDouble());
        List<double[]> out = new ArrayList<>();
        for (double[] l : lines) {
            int n = l.length / 2;
            int k = 1;
            while (k < n && keep > 0) {
                keep -= Math.hypot(l[2 * k] - l[2 * k - 2], l[2 * k + 1] - l[2 * k - 1]);
                k++;
            }
            out.add(java.util.Arrays.copyOf(l, 2 * k));
            if (keep <= 0) break;
        }
        return ink(out);
    }

    private static double length(double[] l, int points) {
        double s = 0;
        for (int i = 1; i < points; i++) s += Math.hypot(l[2 * i] - l[2 * i - 2], l[2 * i + 1] - l[2 * i - 1]);
        return s;
    }

    private static Ink ink(List<double[]> lines) {
        List<Stroke> strokes = new ArrayList<>();
        for (double[] l : lines) {
            List<Point> pts = new ArrayList<>();
            for (int i = 0; i + 1 < l.length; i += 2) pts.add(new Point(l[i], l[i + 1]));
            if (!pts.isEmpty()) strokes.add(new Stroke(pts));
        }
        return new Ink(strokes);
    }
}
