package org.inkling.training;

/**
 * What one epoch of a run ended with: the epoch's mean training loss and accuracy and the
 * validation scores (NaN when the run had no validation data).
 *
 * @param step batches done since the run began when the epoch ended
 */
public record EpochMetrics(int epoch, long step, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy) {}
