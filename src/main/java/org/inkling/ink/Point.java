package org.inkling.ink;

/** One pen sample in screen coordinates (y grows downward); the unit is whatever the source used. */
public record Point(double x, double y) {
    public Point {
        if (!Double.isFinite(x) || !Double.isFinite(y)) {
            throw new IllegalArgumentException("point coordinates must be finite, got (" + x + ", " + y + ")");
        }
    }
}
