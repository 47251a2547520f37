package org.inkling.ink.synth;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.inkling.base.Inputs;
import org.inkling.ink.Ink;
import org.inkling.ink.MnistNormalizer;
import org.inkling.ink.Point;
import org.inkling.ink.Stroke;

/**
 * Digits and letters of TrueType/OpenType fonts rendered as network input, made as a drawing is made:
 * the glyph's filled outline fitted to the 20x20 box (its longer side filling it, area-averaged from
 * 4x4 sub-pixels) and pasted into the 28x28 field on its centre of mass ({@link MnistNormalizer#placeBox}).
 *
 * <p>Font files are outside input: a file must be a regular file of at most {@value #MAX_FONT_BYTES}
 * bytes, and a glyph's outline at most {@value #MAX_SEGMENTS} path segments before it is filled. Only
 * the characters asked for are rendered, so a font's glyph count never sizes anything here.
 *
 * <p>Fonts build the training set ({@link FontGlyphSet}); nothing a person does with the app or the
 * command line reads a font.
 */
public final class FontGlyphs {
    public static final long MAX_FONT_BYTES = 32L << 20;
    public static final int MAX_SEGMENTS = 20_000;
    private static final int SUPERSAMPLE = 4;
    private static final int BOX = MnistNormalizer.BOX;
    /** Glyphs are laid out at this size before fitting; large enough that hinting does not matter. */
    private static final float LAYOUT_SIZE = 256f;

    private FontGlyphs() {}

    /** Reads a font file (bounded), or an {@link IOException} naming the file and the problem. */
    public static Font load(Path file) throws IOException {
        try (InputStream in = Inputs.open(file, MAX_FONT_BYTES, "font file")) {
            return Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(LAYOUT_SIZE);
        } catch (FontFormatException e) {
            throw new IOException(file + ": not a TrueType or OpenType font (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The 784 grey levels (0..1, row-major) of {@code c} in {@code font}, or null when the font has no
     * glyph of its own for it (missing glyph, or an empty outline).
     */
    public static float[] render(Font font, char c) throws IOException {
        if (!font.canDisplay(c)) return null;
        FontRenderContext frc = new FontRenderContext(null, true, true);
        GlyphVector gv = font.createGlyphVector(frc, new char[] {c});
        if (gv.getNumGlyphs() != 1 || gv.getGlyphCode(0) == font.getMissingGlyphCode()) return null;
        Shape outline = gv.getGlyphOutline(0);
        int segments = 0;
        for (PathIterator it = outline.getPathIterator(null); !it.isDone(); it.next()) {
            if (++segments > MAX_SEGMENTS) {
                throw new IOException(font.getFontName() + ": the glyph of '" + c + "' has more than " + MAX_SEGMENTS
                        + " outline segments");
            }
        }
        Rectangle2D bounds = outline.getBounds2D();
        double extent = Math.max(bounds.getWidth(), bounds.getHeight());
        if (segments == 0 || !(extent > 0) || !Double.isFinite(extent)) return null;
        return MnistNormalizer.placeBox(fill(outline, bounds, extent));
    }

    /** Height of a traced glyph's longer side, in the units of a Hershey glyph (whose digits are 21-32 tall). */
    public static final double TRACE_SIZE = 25;
    /** Most points a traced glyph may have; a stroke file allows 50,000 a drawing. */
    public static final int MAX_TRACE_POINTS = 20_000;

    /**
     * The outline of {@code c} as strokes, one per contour (closed back to its start), its longer side
     * {@value #TRACE_SIZE} units, y down: what a pen drawing the glyph's edges would draw, for writing with
     * the simulated hand and pen as the Hershey glyphs are (whose heavy strokes are drawn as outlines too).
     * Null as for {@link #render}.
     */
    public static Ink trace(Font font, char c) throws IOException {
        if (render(font, c) == null) return null;   // the same checks, the segment bound included
        FontRenderContext frc = new FontRenderContext(null, true, true);
        Shape outline = font.createGlyphVector(frc, new char[] {c}).getGlyphOutline(0);
        Rectangle2D b = outline.getBounds2D();
        double scale = TRACE_SIZE / Math.max(b.getWidth(), b.getHeight());
        AffineTransform t = AffineTransform.getScaleInstance(scale, scale);
        t.translate(-b.getX(), -b.getY());
        List<Stroke> strokes = new ArrayList<>();
        List<Point> current = new ArrayList<>();
        double[] seg = new double[6];
        int points = 0;
        // Flattened to 0.05 units, a fiftieth of a pen's width at the drawing's size.
        for (PathIterator it = outline.getPathIterator(t, 0.05); !it.isDone(); it.next()) {
            int type = it.currentSegment(seg);
            if (type == PathIterator.SEG_MOVETO) {
                if (current.size() > 1) strokes.add(new Stroke(List.copyOf(current)));
                current.clear();
            }
            if (type == PathIterator.SEG_CLOSE) {
                if (!current.isEmpty()) current.add(current.get(0));
            } else {
                current.add(new Point(seg[0], seg[1]));
            }
            if (++points > MAX_TRACE_POINTS) {
                throw new IOException(font.getFontName() + ": the outline of '" + c + "' has more than " + MAX_TRACE_POINTS + " points");
            }
        }
        if (current.size() > 1) strokes.add(new Stroke(List.copyOf(current)));
        return strokes.isEmpty() ? null : new Ink(strokes);
    }

    /** The outline fitted to the 20x20 box (longer side filling it, the other centred), area-averaged. */
    private static float[] fill(Shape outline, Rectangle2D bounds, double extent) {
        int side = BOX * SUPERSAMPLE;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            // No anti-aliasing: the sub-pixels are averaged below, as the stroke rasteriser does.
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
            g.setColor(java.awt.Color.WHITE);
            double scale = side / extent;
            AffineTransform t = new AffineTransform();
            t.translate(side / 2.0, side / 2.0);
            t.scale(scale, scale);
            t.translate(-bounds.getCenterX(), -bounds.getCenterY());
            g.fill(t.createTransformedShape(outline));
        } finally {
            g.dispose();
        }
        byte[] px = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        float[] box = new float[BOX * BOX];
        float cell = SUPERSAMPLE * SUPERSAMPLE * 255f;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                box[(y / SUPERSAMPLE) * BOX + x / SUPERSAMPLE] += (px[y * side + x] & 0xFF);
            }
        }
        for (int i = 0; i < box.length; i++) box[i] /= cell;
        return box;
    }
}
