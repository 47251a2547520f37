package org.inkling.app.drawing;

/** A point on the drawing pad, in pad units: 0..1 across the (square) pad, y down. */
public record PadPoint(double x, double y) {}
