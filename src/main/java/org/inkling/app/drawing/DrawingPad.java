package org.inkling.app.drawing;

import java.util.List;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

/**
 * The paper: a square canvas, as large as its region allows, that paints strokes smoothly
 * (quadratic curves through the midpoints of successive points, round caps and joins). Strokes are
 * kept in pad units, so the drawing scales with the window.
 */
public final class DrawingPad extends Region {
    private final Canvas canvas = new Canvas();
    private List<PadStroke> strokes = List.of();
    private double penWidth = DrawingViewModel.DEFAULT_PEN;
    private boolean dark;

    public DrawingPad() {
        getStyleClass().add("drawing-pad");
        canvas.getStyleClass().add("drawing-canvas");
        getChildren().add(canvas);
        setMinSize(160, 160);
        setPrefSize(420, 420);
    }

    /** Side of the square paper in pixels. */
    public double side() {
        return canvas.getWidth();
    }

    /** Pad units of a point given in this region's coordinates. */
    public PadPoint toPad(double x, double y) {
        double s = Math.max(1, side());
        return new PadPoint((x - canvas.getLayoutX()) / s, (y - canvas.getLayoutY()) / s);
    }

    public Canvas canvas() {
        return canvas;
    }

    public void show(List<PadStroke> strokes, double penWidth) {
        this.strokes = strokes;
        this.penWidth = penWidth;
        paint();
    }

    public void setDark(boolean dark) {
        this.dark = dark;
        paint();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset();
        double h = getHeight() - snappedTopInset() - snappedBottomInset();
        double s = Math.floor(Math.max(0, Math.min(w, h)));
        if (canvas.getWidth() != s || canvas.getHeight() != s) {
            canvas.setWidth(s);
            canvas.setHeight(s);
            paint();
        }
        canvas.relocate(snappedLeftInset() + Math.floor((w - s) / 2), snappedTopInset() + Math.floor((h - s) / 2));
    }

    private void paint() {
        double s = canvas.getWidth();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, s, s);
        if (s <= 0) {
            return;
        }
        g.setFill(dark ? Color.web("#0d1117") : Color.WHITE);
        g.fillRoundRect(0, 0, s, s, 18, 18);
        g.setStroke(dark ? Color.web("#30363d") : Color.web("#d0d7de"));
        g.setLineWidth(1);
        g.strokeRoundRect(0.5, 0.5, s - 1, s - 1, 18, 18);
        // A faint guide box where MNIST puts the digit (20 of 28 pixels), so people draw big enough.
        g.setStroke(dark ? Color.web("#ffffff", 0.07) : Color.web("#000000", 0.06));
        g.setLineWidth(1);
        g.setLineDashes(6, 6);
        double m = s * 4 / 28;
        g.strokeRoundRect(m, m, s - 2 * m, s - 2 * m, 12, 12);
        g.setLineDashes();

        Color ink = dark ? Color.web("#f0f6fc") : Color.web("#1f2328");
        g.setStroke(ink);
        g.setFill(ink);
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineJoin(StrokeLineJoin.ROUND);
        double width = penWidth * s;
        g.setLineWidth(width);
        for (PadStroke stroke : strokes) {
            List<PadPoint> p = stroke.points();
            if (p.size() == 1) {
                g.fillOval(p.getFirst().x() * s - width / 2, p.getFirst().y() * s - width / 2, width, width);
                continue;
            }
            g.beginPath();
            g.moveTo(p.getFirst().x() * s, p.getFirst().y() * s);
            for (int i = 1; i < p.size() - 1; i++) {
                double mx = (p.get(i).x() + p.get(i + 1).x()) / 2;
                double my = (p.get(i).y() + p.get(i + 1).y()) / 2;
                g.quadraticCurveTo(p.get(i).x() * s, p.get(i).y() * s, mx * s, my * s);
            }
            g.lineTo(p.getLast().x() * s, p.getLast().y() * s);
            g.stroke();
        }
    }
}
