package org.inkling.app.drawing;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/** The 28x28 image the network reads, magnified with hard pixel edges (white on black, as MNIST). */
public final class InputPreview extends Region {
    private static final int SIDE = org.inkling.base.DigitGeometry.SIDE;
    private final Canvas canvas = new Canvas();
    private final WritableImage image = new WritableImage(SIDE, SIDE);
    private float[] pixels;
    private int[] overlay;

    public InputPreview() {
        getStyleClass().add("input-preview");
        getChildren().add(canvas);
        setMinSize(84, 84);
        setPrefSize(140, 140);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    /** Shows {@code values} (784 in 0..1), or an empty grid for null. */
    public void show(float[] values) {
        this.pixels = values;
        paint();
    }

    /**
     * Paints {@code argb} (784 ARGB pixels: the input tinted by why the network read it so) instead
     * of the grey input, or the input again for null.
     */
    public void showOverlay(int[] argb) {
        this.overlay = argb;
        paint();
    }

    @Override
    protected void layoutChildren() {
        double s = Math.floor(Math.min(getWidth(), getHeight()) / SIDE) * SIDE;
        if (canvas.getWidth() != s) {
            canvas.setWidth(s);
            canvas.setHeight(s);
            paint();
        }
        canvas.relocate(Math.floor((getWidth() - s) / 2), Math.floor((getHeight() - s) / 2));
    }

    private void paint() {
        PixelWriter writer = image.getPixelWriter();
        for (int i = 0; i < SIDE * SIDE; i++) {
            if (overlay != null && pixels != null) {
                writer.setArgb(i % SIDE, i / SIDE, overlay[i]);
            } else {
                double v = pixels == null ? 0 : Math.clamp(pixels[i], 0f, 1f);
                writer.setColor(i % SIDE, i / SIDE, Color.gray(v));
            }
        }
        GraphicsContext g = canvas.getGraphicsContext2D();
        double s = canvas.getWidth();
        g.setImageSmoothing(false);
        g.drawImage(image, 0, 0, s, s);
        // A faint pixel grid shows that this is 28x28, not a blurry picture.
        g.setStroke(Color.web("#ffffff", 0.06));
        g.setLineWidth(1);
        double cell = s / SIDE;
        for (int i = 1; i < SIDE; i++) {
            double at = Math.floor(i * cell) + 0.5;
            g.strokeLine(at, 0, at, s);
            g.strokeLine(0, at, s, at);
        }
    }
}
