package org.inkling.app.drawing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import org.inkling.ink.Point;
import org.inkling.ink.StrokeSmoother;

/**
 * The paper: a square canvas, as large as its region allows. Strokes are drawn along the same
 * centripetal Catmull-Rom curve the renderer puts through the samples ({@link StrokeSmoother}), so
 * a stroke whose mouse events came sparse looks on the pad as the network sees it. Finished strokes
 * sit on one canvas that is painted only when they change; the stroke being drawn sits on a second
 * canvas above it, so a pen move repaints one stroke, not the whole drawing.
 * Strokes are kept in pad units, so the drawing scales with the window.
 */
public final class DrawingPad extends Region {
    /** Longest straight piece of a painted curve, in pad units (half a pixel on a 400-pixel pad). */
    static final double CURVE_STEP = 0.00125;

    private final Canvas paper = new Canvas();
    private final Canvas wet = new Canvas();
    private List<PadStroke> finished = List.of();
    private PadStroke current;
    private double penWidth = DrawingViewModel.DEFAULT_PEN;
    private boolean dark;
    private int paperPaints;

    public DrawingPad() {
        getStyleClass().add("drawing-pad");
        paper.getStyleClass().add("drawing-canvas");
        wet.setMouseTransparent(true);
        getChildren().addAll(paper, wet);
        setMinSize(160, 160);
        setPrefSize(420, 420);
        setAccessibleText("Drawing pad: draw a digit with the mouse or pen");
    }

    /** Side of the square paper in pixels. */
    public double side() {
        return paper.getWidth();
    }

    /** Pad units of a point given in this region's coordinates. */
    public PadPoint toPad(double x, double y) {
        double s = Math.max(1, side());
        return new PadPoint((x - paper.getLayoutX()) / s, (y - paper.getLayoutY()) / s);
    }

    /** The canvas that takes the mouse (the paper; the wet layer above lets events through). */
    public Canvas canvas() {
        return paper;
    }

    /**
     * Shows the drawing. {@code finished} is compared by identity: the view model hands the same
     * list until a stroke ends or is undone, and only then is the paper painted again.
     */
    public void show(List<PadStroke> finished, PadStroke current, double penWidth) {
        boolean paperChanged = finished != this.finished || penWidth != this.penWidth;
        this.finished = finished;
        this.current = current;
        this.penWidth = penWidth;
        if (paperChanged) {
            paintPaper();
        }
        paintWet();
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        paintPaper();
        paintWet();
    }

    /** How often the finished strokes were painted (tests check that a pen move does not). */
    int paperPaints() {
        return paperPaints;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double s = Math.floor(Math.max(0, Math.min(w, h)));
        if (paper.getWidth() != s || paper.getHeight() != s) {
            for (Canvas c : List.of(paper, wet)) {
                c.setWidth(s);
                c.setHeight(s);
            }
            paintPaper();
            paintWet();
        }
        double x = snappedLeftInset() + Math.floor((w - s) / 2);
        double y = snappedTopInset() + Math.floor((h - s) / 2);
        paper.relocate(x, y);
        wet.relocate(x, y);
    }

    private void paintPaper() {
        paperPaints++;
        double s = paper.getWidth();
        GraphicsContext g = paper.getGraphicsContext2D();
        g.clearRect(0, 0, s, s);
        if (s <= 0) {
            return;
        }
        g.setFill(dark ? Color.web("#0d1117") : Color.WHITE);
        g.fillRoundRect(0, 0, s, s, 18, 18);
        g.setStroke(dark ? Color.web("#6e7681") : Color.web("#8c959f"));
        g.setLineWidth(1);
        g.strokeRoundRect(0.5, 0.5, s - 1, s - 1, 18, 18);
        // A faint guide box where MNIST puts the digit (20 of 28 pixels), so people draw big enough.
        g.setStroke(dark ? Color.web("#ffffff", 0.07) : Color.web("#000000", 0.06));
        g.setLineWidth(1);
        g.setLineDashes(6, 6);
        double m = s * 4 / 28;
        g.strokeRoundRect(m, m, s - 2 * m, s - 2 * m, 12, 12);
        g.setLineDashes();
        for (PadStroke stroke : finished) {
            paintStroke(g, stroke, s);
        }
    }

    private void paintWet() {
        double s = wet.getWidth();
        GraphicsContext g = wet.getGraphicsContext2D();
        g.clearRect(0, 0, s, s);
        if (current != null && s > 0) {
            paintStroke(g, current, s);
        }
    }

    private void paintStroke(GraphicsContext g, PadStroke stroke, double s) {
        Color ink = dark ? Color.web("#f0f6fc") : Color.web("#1f2328");
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double width = penWidth * s;
        g.setLineWidth(width);
        double[] line = curve(stroke);
        if (line.length == 2) {
            g.fillOval(line[0] * s - width / 2, line[1] * s - width / 2, width, width);
            return;
        }
        g.beginPath();
        g.moveTo(line[0] * s, line[1] * s);
        for (int i = 2; i + 1 < line.length; i += 2) {
            g.lineTo(line[i] * s, line[i + 1] * s);
        }
        g.stroke();
    }

    /** The stroke's samples joined by the renderer's curve, interleaved x, y in pad units. */
    static double[] curve(PadStroke stroke) {
        List<Point> points = new ArrayList<>(stroke.points().size());
        for (PadPoint p : stroke.points()) {
            points.add(new Point(p.x(), p.y()));
        }
        return StrokeSmoother.smooth(points, CURVE_STEP);
    }
}
