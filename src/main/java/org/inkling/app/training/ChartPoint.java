package org.inkling.app.training;

/** One point of a training curve: x in epochs (fractional during an epoch), y the value. */
public record ChartPoint(double x, double y) {}
