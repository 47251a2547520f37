package org.inkling.ink;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns ink into a 28x28 image made the way MNIST's digits were made.
 *
 * <p>MNIST took binary scans of handwritten digits, scaled each so that its bounding box fit a 20x20
 * box keeping the aspect ratio (the averaging gave the grey edges), and pasted that box into a 28x28
 * field so that the centre of mass of the grey image fell on the centre. The spread of MNIST's
 * centres of mass (mean (14.0, 14.0) in pixel-index coordinates, standard deviation 0.29 px on each
 * axis, which is that of a uniform ±0.5 error) shows the shift was by whole pixels, and its bounding
 * boxes never exceed 20 px; this class does the same.
 *
 * <p>Scanned strokes scale with the digit, so the pen width here is a fraction of the larger side of
 * the ink's bounding box, never a property of the canvas: a tiny digit and a huge one, or a digit
 * drawn with a thin or thick brush in the app, give the same image. The bounding box that is fitted
 * to 20 px includes the pen, so a vertical "1" stays a thin bar {@code 20 * f / (1 + f)} px wide.
 */
public final class MnistNormalizer {
    public static final int SIZE = org.inkling.base.DigitGeometry.SIDE;
    public static final int BOX = 20;
    /** Pen width as a fraction of max(width, height) of the strokes: about 2.6 px in the 20 px box. */
    public static final double DEFAULT_PEN_FRACTION = 0.15;
    public static final int DEFAULT_SUPERSAMPLE = 4;
    /** Pixel-index coordinate of the field's centre, where MNIST puts the centre of mass. */
    public static final double CENTRE = 14.0;

    private final double penFraction;
    private final Rasterizer boxRasterizer;

    public MnistNormalizer() {
        this(DEFAULT_PEN_FRACTION, DEFAULT_SUPERSAMPLE);
    }

    /**
     * @param penFraction pen width / max(width, height) of the strokes, in (0, 1]
     * @param supersample sub-pixels per pixel side used before area averaging
     */
    public MnistNormalizer(double penFraction, int supersample) {
        if (!(penFraction > 0 && penFraction <= 1)) {
            throw new IllegalArgumentException("pen fraction must be in (0, 1], got " + penFraction);
        }
        this.penFraction = penFraction;
        this.boxRasterizer = new Rasterizer(BOX, BOX, supersample);
    }

    public double penFraction() {
        return penFraction;
    }

    /** The 784 grey levels (row-major, 0..1) of the ink; all zeros for empty ink. */
    public float[] normalize(Ink ink) {
        return placeBox(renderBox(ink));
    }

    /**
     * A 20x20 box (the digit fitted to it) pasted into the 28x28 field so that its centre of mass falls
     * on the centre, by whole pixels as MNIST did; all zeros for a blank box. Shared by everything that
     * makes network input from another source (font glyphs), so it is made exactly as a drawing is.
     */
    public static float[] placeBox(float[] box) {
        if (box.length != BOX * BOX) {
            throw new IllegalArgumentException("expected " + BOX * BOX + " box pixels (20x20), got " + box.length);
        }
        float[] out = new float[SIZE * SIZE];
        double[] com = centerOfMass(box, BOX, BOX);
        if (com == null) {
            return out;
        }
        int margin = SIZE - BOX;
        // Whole-pixel shift as MNIST did; clamped so a lopsided digit is never cut off.
        int ox = clamp((int) Math.round(CENTRE - com[0]), 0, margin);
        int oy = clamp((int) Math.round(CENTRE - com[1]), 0, margin);
        for (int y = 0; y < BOX; y++) {
            System.arraycopy(box, y * BOX, out, (y + oy) * SIZE + ox, BOX);
        }
        return out;
    }

    /** The digit fitted into the 20x20 box (longer side filling it, the other centred). */
    float[] renderBox(Ink ink) {
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (Stroke s : ink.strokes()) {
            for (Point p : s.points()) {
                minX = Math.min(minX, p.x());
                maxX = Math.max(maxX, p.x());
                minY = Math.min(minY, p.y());
                maxY = Math.max(maxY, p.y());
            }
        }
        if (ink.isEmpty()) {
            return new float[BOX * BOX];
        }
        double extent = Math.max(maxX - minX, maxY - minY);
        double magnitude = Math.max(Math.max(Math.abs(minX), Math.abs(maxX)), Math.max(Math.abs(minY), Math.abs(maxY)));
        if (extent <= 1e-9 * Math.max(1.0, magnitude)) {
            return renderDot();
        }
        // Work in coordinates where the drawing spans 0..1, so that any scale or offset of the same
        // drawing leads to the very same arithmetic below (scale and translation invariance).
        List<double[]> lines = new ArrayList<>(ink.strokes().size());
        for (Stroke s : ink.strokes()) {
            List<Point> unit = new ArrayList<>(s.size());
            for (Point p : s.points()) {
                unit.add(new Point((p.x() - minX) / extent, (p.y() - minY) / extent));
            }
            lines.add(StrokeSmoother.smooth(unit, 0.01));
        }
        // The smoothed curve can bulge a little past the samples; fit its box, not theirs.
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
        for (double[] l : lines) {
            for (int i = 0; i < l.length; i += 2) {
                minX = Math.min(minX, l[i]);
                maxX = Math.max(maxX, l[i]);
                minY = Math.min(minY, l[i + 1]);
                maxY = Math.max(maxY, l[i + 1]);
            }
        }
        extent = Math.max(maxX - minX, maxY - minY);
        double pen = penFraction * extent;
        double scale = BOX / (extent + pen);
        double cx = (minX + maxX) / 2;
        double cy = (minY + maxY) / 2;
        for (double[] l : lines) {
            for (int i = 0; i < l.length; i += 2) {
                l[i] = (l[i] - cx) * scale + BOX / 2.0;
                l[i + 1] = (l[i + 1] - cy) * scale + BOX / 2.0;
            }
        }
        return boxRasterizer.render(lines, pen * scale / 2);
    }

    /**
     * All points in one place: nothing says how big the digit is, so the dot gets the width a pen
     * stroke has in MNIST rather than being blown up to a 20 px disc.
     */
    private float[] renderDot() {
        double radius = BOX * penFraction / (1 + penFraction) / 2;
        return boxRasterizer.render(List.of(new double[] {BOX / 2.0, BOX / 2.0}), radius);
    }

    /**
     * Centre of mass in pixel-index coordinates (pixel {@code (i, j)} weighs in at {@code (i, j)}), the
     * convention under which MNIST's mean is (14, 14); {@code null} for a blank image.
     */
    public static double[] centerOfMass(float[] img, int width, int height) {
        double m = 0, sx = 0, sy = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = img[y * width + x];
                m += v;
                sx += v * x;
                sy += v * y;
            }
        }
        return m > 0 ? new double[] {sx / m, sy / m} : null;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
