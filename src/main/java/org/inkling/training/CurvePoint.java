package org.inkling.training;

/**
 * One point of a per-batch training curve as the app's charts draw it.
 *
 * @param step  batches done since the run began (1 for the first)
 * @param epoch where that is in epochs, fractional within an epoch (1.5 = half-way through the second)
 * @param value the smoothed value there
 */
public record CurvePoint(long step, double epoch, double value) {}
